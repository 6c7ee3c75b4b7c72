// Sign in (rate-limited, session regenerated), sign out.
import type { Request, RequestHandler, Response } from 'express';
import { loginLimiters, type LoginLimit } from '../auth/login-limit';
import { safeReturnPath } from '../page-locals';
import { destroySession, regenerateSession, saveSession, SESSION_COOKIE } from '../session';
import type { RouteContext, RouteModule } from '../types';
import { field } from '../validate';

function renderLogin(
  ctx: RouteContext,
  req: Request,
  res: Response,
  status: number,
  error?: { key: string; minutes?: number },
): void {
  const locale = req.locale ?? 'th';
  res.status(status).render('login', {
    pageTitle: ctx.catalogue.t(locale, 'login.title'),
    username: field(req.body, 'username'),
    next: safeReturnPath(field(req.body, 'next') || req.query.next, ''),
    ...(error ? { error: ctx.catalogue.t(locale, error.key, { minutes: error.minutes ?? 0 }) } : {}),
  });
}

export const authRoutes = (limit: LoginLimit): RouteModule => ({
  name: 'auth',
  routes: (ctx) => {
    const minutes = Math.ceil(limit.windowMs / 60000);
    const limited: RequestHandler = (req, res) =>
      renderLogin(ctx, req, res, 429, { key: 'login.tooMany', minutes });
    return [
      {
        method: 'get',
        path: '/login',
        access: 'public',
        handler: (req, res) => (req.actor ? res.redirect(303, '/') : renderLogin(ctx, req, res, 200)),
      },
      {
        method: 'post',
        path: '/login',
        access: 'public',
        before: loginLimiters(limit, limited),
        handler: async (req, res) => {
          const username = field(req.body, 'username').slice(0, 100);
          const password = field(req.body, 'password').slice(0, 1000);
          const user = username && password ? await ctx.users.verifyLogin(username, password) : undefined;
          if (!user) return renderLogin(ctx, req, res, 401, { key: 'login.failed' });
          const next = safeReturnPath(field(req.body, 'next'), '/');
          // A fresh session id at sign-in, so a session id planted before login is worthless after it.
          await regenerateSession(req);
          req.session.userId = user.id;
          req.session.locale = user.locale;
          await saveSession(req);
          ctx.logger.info({ user: user.username }, 'signed in');
          res.redirect(303, next);
        },
      },
      {
        method: 'post',
        path: '/logout',
        access: 'public',
        handler: async (req, res) => {
          if (req.session) await destroySession(req);
          res.clearCookie(SESSION_COOKIE, { path: '/' });
          res.redirect(303, '/login');
        },
      },
    ];
  },
});
