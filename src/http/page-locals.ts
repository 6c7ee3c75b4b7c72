// Per-request values every page needs: its language, the current path, a one-time notice (flash).
import type { Request, RequestHandler } from 'express';
import { DEFAULT_LOCALE } from '../i18n/catalogue';
import type { Flash } from './types';

export const pageLocals: RequestHandler = (req, res, next) => {
  // A signed-in user's language is on their user record; an anonymous visitor's in their session.
  req.locale = req.actor?.locale ?? req.session?.locale ?? DEFAULT_LOCALE;
  res.locals.locale = req.locale;
  res.locals.currentPath = req.path;
  res.locals.currentUrl = req.originalUrl;
  if (req.session?.flash) {
    res.locals.flash = req.session.flash;
    delete req.session.flash;
  }
  next();
};

/** Leaves a notice for the next page the user sees (after a redirect). */
export function flash(req: Request, f: Flash): void {
  if (req.session) req.session.flash = f;
}

/** A local path to go back to after a form, or the fallback: never another site ("//evil", "https://…"). */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
