// The one place that maps errors to HTTP: domain codes → statuses, problem+json under /api, the error page elsewhere.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Bilingual } from '../domain/bilingual';
import { DomainError, isDomainError, type ErrorCode, type FieldIssue } from '../domain/errors';
import { DEFAULT_LOCALE, type Catalogue, type Locale } from '../i18n/catalogue';
import type { Logger } from '../logger';

export type ProblemCode = ErrorCode | 'internal-error';

export const STATUS_OF: Readonly<Record<ProblemCode, number>> = {
  'invalid-input': 400,
  unauthenticated: 401,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'validation-failed': 422,
  'warnings-unacknowledged': 422,
  'internal-error': 500,
  'integrity-failure': 500,
  'db-unavailable': 503,
  'pdf-unavailable': 503,
};

/** Seconds a client should wait before retrying while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export interface HttpProblem {
  code: ProblemCode;
  status: number;
  message: Bilingual;
  issues: readonly FieldIssue[];
}

/** Builds a DomainError whose message comes from the locale files (errors.<key>). */
export function localeError(
  catalogue: Catalogue,
  code: ErrorCode,
  key: string = `errors.${code}.detail`,
): DomainError {
  return new DomainError(code, catalogue.bilingual(key));
}

/** body-parser / http-errors errors carry `type` and `status`; they are the client's fault when 4xx. */
function clientHttpError(e: unknown): { status: number; type: string } | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const status = (e as { status?: unknown }).status ?? (e as { statusCode?: unknown }).statusCode;
  const type = (e as { type?: unknown }).type;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  return { status, type: typeof type === 'string' ? type : '' };
}

const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  401: 'unauthenticated',
  403: 'not-allowed',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
};

/** Recognises "the database is away" among errors that are not domain errors (storage knows which those are). */
export type UnavailableTest = (e: unknown) => boolean;

export function toHttpProblem(e: unknown, catalogue: Catalogue, isUnavailable: UnavailableTest): HttpProblem {
  const fromLocale = (
    code: ProblemCode,
    status = STATUS_OF[code],
    key = `errors.${code}.detail`,
  ): HttpProblem => ({
    code,
    status,
    message: catalogue.bilingual(key),
    issues: [],
  });
  if (isDomainError(e))
    return { code: e.code, status: STATUS_OF[e.code], message: e.userMessage, issues: e.issues };
  if (isUnavailable(e)) return fromLocale('db-unavailable');
  const client = clientHttpError(e);
  if (client) {
    if (client.type === 'entity.parse.failed')
      return fromLocale('invalid-input', 400, 'errors.malformedBody');
    if (client.type === 'entity.too.large' || client.type === 'parameters.too.many')
      return fromLocale('payload-too-large');
    const code = CODE_OF_STATUS[client.status] ?? 'invalid-input';
    return fromLocale(code, client.status);
  }
  return fromLocale('internal-error');
}

/** Under /api (judged on the original URL, since mounted routers see only their part of the path). */
export function isApiRequest(req: Request): boolean {
  const path = req.originalUrl.split('?')[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

/** The first of th/en named in Accept-Language ("*" names neither: fetch sends it by default). */
function askedLocale(header: string | undefined): Locale | undefined {
  for (const part of (header ?? '').split(',')) {
    const tag = (part.split(';')[0] ?? '').trim().toLowerCase();
    if (tag === 'th' || tag.startsWith('th-')) return 'th';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return undefined;
}

/** API clients get Accept-Language, then their own setting, then English; pages get the page language. */
export function responseLocale(req: Request): Locale {
  if (isApiRequest(req)) return askedLocale(req.get('accept-language')) ?? req.actor?.locale ?? 'en';
  return req.locale ?? req.actor?.locale ?? DEFAULT_LOCALE;
}

export function sendProblem(req: Request, res: Response, p: HttpProblem, catalogue: Catalogue): void {
  const locale = responseLocale(req);
  res.status(p.status);
  if (p.code === 'db-unavailable') res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.setHeader('Cache-Control', 'no-store');
  const title = catalogue.t(locale, `errors.${p.code}.title`);
  const detail = p.message[locale];
  const errors = p.issues.map((i) => ({ path: i.path, message: i.message[locale] }));
  if (isApiRequest(req)) {
    res
      .type('application/problem+json')
      .send(JSON.stringify({ type: `/problems/${p.code}`, title, status: p.status, detail, errors }));
    return;
  }
  res.locals.locale = locale;
  res.render(
    'error',
    { pageTitle: title, title, detail, errors, status: p.status },
    (err: Error | null, html?: string) => {
      if (err || html === undefined) res.type('text/plain').send(`${p.status} ${title}\n${detail}\n`);
      else res.send(html);
    },
  );
}

export function notFoundHandler(catalogue: Catalogue): RequestHandler {
  return () => {
    throw localeError(catalogue, 'not-found');
  };
}

export function errorHandler(
  catalogue: Catalogue,
  logger: Logger,
  isUnavailable: UnavailableTest,
): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const p = toHttpProblem(err, catalogue, isUnavailable);
    if (p.status >= 500)
      logger.error({ err, method: req.method, url: req.originalUrl, status: p.status }, 'request failed');
    else
      logger.debug(
        { method: req.method, url: req.originalUrl, status: p.status, code: p.code },
        'request refused',
      );
    sendProblem(req, res, p, catalogue);
  };
}
