// Cookie sessions (express-session) kept in the store the composition root passes in (the database's, in the app).
import session, { type Store } from 'express-session';
import type { RequestHandler } from 'express';
import type { Config } from '../config';

export const SESSION_COOKIE = 'mou.sid';

export function sessionMiddleware(config: Config, store: Store): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store,
    resave: false,
    // No session (and no DB write) until something is stored in it: a CSRF token, a language, a login.
    saveUninitialized: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      // 'auto': Secure when the request came over https (behind a proxy, with TRUST_PROXY=true).
      secure: config.cookieSecure,
      maxAge: config.sessions.lifetimeSeconds * 1000,
      path: '/',
    },
  });
}

/** Promise forms of the callback APIs, so handlers can await them (Express 5 forwards rejections). */
export function regenerateSession(req: Parameters<RequestHandler>[0]): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((err: unknown) => (err ? reject(toError(err)) : resolve())),
  );
}

export function saveSession(req: Parameters<RequestHandler>[0]): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.save((err: unknown) => (err ? reject(toError(err)) : resolve())),
  );
}

export function destroySession(req: Parameters<RequestHandler>[0]): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.destroy((err: unknown) => (err ? reject(toError(err)) : resolve())),
  );
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
