// CSRF protection: a synchronizer token kept in the session, sent back in a hidden _csrf field or X-CSRF-Token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Catalogue } from '../i18n/catalogue';
import { isApiRequest, localeError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's token, created on first use (this is what starts an anonymous visitor's session). */
export function csrfToken(req: Request): string | undefined {
  if (!req.session) return undefined;
  req.session.csrfToken ??= randomBytes(32).toString('base64url');
  return req.session.csrfToken;
}

/** Makes res.locals.csrfToken available to views; computed only when a view is rendered. */
export const exposeCsrfToken: RequestHandler = (req, res, next) => {
  Object.defineProperty(res.locals, 'csrfToken', {
    enumerable: true,
    configurable: true,
    get: () => csrfToken(req),
  });
  next();
};

function sentToken(req: Request): string | undefined {
  const body: unknown = req.body;
  const fromBody =
    typeof body === 'object' && body !== null ? (body as { _csrf?: unknown })._csrf : undefined;
  if (typeof fromBody === 'string') return fromBody;
  // A file upload's body is read by its route, after this check: the form sends the token in its action URL.
  const fromQuery: unknown = req.query._csrf;
  if (req.is('multipart/form-data') && typeof fromQuery === 'string') return fromQuery;
  return req.get('x-csrf-token') ?? undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses state-changing requests without the session's token. Bearer-token requests carry no cookie: exempt. */
export function verifyCsrf(catalogue: Catalogue): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.authVia === 'token') return next();
    // An API call with no credentials has no session to protect; its route answers 401, as API clients expect.
    if (!req.actor && isApiRequest(req)) return next();
    const expected = req.session?.csrfToken;
    const sent = sentToken(req);
    if (!expected || !sent || !same(expected, sent))
      throw localeError(catalogue, 'not-allowed', 'errors.csrf');
    next();
  };
}
