// Who is asking: the actor from a bearer token (API) or the session cookie, and the guards routes use.
import type { Request, RequestHandler } from 'express';
import type { Role } from '../../domain/roles';
import type { Catalogue } from '../../i18n/catalogue';
import { toActor, type SessionActor, type UserService } from '../../users/service';
import type { TokenService } from '../../users/tokens';
import { isApiRequest, localeError } from '../errors';
import type { Access } from '../types';

function bearerToken(req: Request): string | undefined {
  const h = req.get('authorization');
  if (!h) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m?.[1] ?? '';
}

/**
 * Sets req.actor. A bearer token wins over the cookie; a bad token is refused outright (401) rather than
 * silently falling back to the cookie. The user is re-read on each request, so disabling takes effect at once.
 */
export function authenticate(users: UserService, tokens: TokenService, catalogue: Catalogue): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req);
    if (token !== undefined) {
      const user = token ? await tokens.resolve(token) : undefined;
      if (!user) throw localeError(catalogue, 'unauthenticated', 'errors.badToken');
      req.actor = toActor(user);
      req.authVia = 'token';
    } else if (req.session?.userId) {
      const user = await users.findById(req.session.userId);
      if (user && !user.disabled) {
        req.actor = toActor(user);
        req.authVia = 'session';
      } else {
        delete req.session.userId;
      }
    }
    res.locals.actor = req.actor;
    next();
  };
}

/** The signed-in actor, for handlers behind requireLogin/requireRole (throws 401 if used elsewhere by mistake). */
export function actorOf(req: Request): SessionActor {
  if (!req.actor) throw new Error('actorOf() used on a route without requireLogin');
  return req.actor;
}

export function requireLogin(catalogue: Catalogue): RequestHandler {
  return (req, res, next) => {
    if (req.actor) return next();
    if (!isApiRequest(req) && (req.method === 'GET' || req.method === 'HEAD')) {
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    throw localeError(catalogue, 'unauthenticated');
  };
}

export function requireRole(catalogue: Catalogue, ...roles: readonly Role[]): RequestHandler {
  const login = requireLogin(catalogue);
  return (req, res, next) => {
    login(req, res, (err?: unknown) => {
      if (err) return next(err);
      if (req.actor && roles.includes(req.actor.role)) return next();
      next(localeError(catalogue, 'not-allowed'));
    });
  };
}

export function guard(catalogue: Catalogue, access: Access): RequestHandler | undefined {
  if (access === 'public') return undefined;
  if (access === 'login') return requireLogin(catalogue);
  return requireRole(catalogue, ...access);
}
