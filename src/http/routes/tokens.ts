// The signed-in user's personal API tokens: create (shown once), list, revoke.
import type { Request, Response } from 'express';
import { isDomainError } from '../../domain/errors';
import { actorOf } from '../auth/actor';
import { STATUS_OF } from '../errors';
import { flash } from '../page-locals';
import type { RouteContext, RouteModule } from '../types';
import { field } from '../validate';

export const tokenRoutes: RouteModule = {
  name: 'tokens',
  mount: '/account',
  routes: (ctx: RouteContext) => {
    async function page(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
      res.setHeader('Cache-Control', 'no-store');
      res.status(status).render('account/tokens', {
        pageTitle: ctx.catalogue.t(req.locale ?? 'th', 'tokens.title'),
        tokens: await ctx.tokens.list(actorOf(req).userId),
        ...extra,
      });
    }
    return [
      { method: 'get', path: '/tokens', access: 'login', handler: (req, res) => page(req, res) },
      {
        method: 'post',
        path: '/tokens',
        access: 'login',
        handler: async (req, res) => {
          try {
            const created = await ctx.tokens.create(actorOf(req).userId, field(req.body, 'name'));
            // Rendered, not redirected: the token is shown this once and never stored in the session.
            await page(req, res, 201, { created });
          } catch (e) {
            if (!isDomainError(e) || e.code !== 'validation-failed') throw e;
            await page(req, res, STATUS_OF[e.code], { error: e.userMessage[req.locale ?? 'th'] });
          }
        },
      },
      {
        method: 'post',
        path: '/tokens/:id/revoke',
        access: 'login',
        handler: async (req, res) => {
          await ctx.tokens.revoke(actorOf(req).userId, String(req.params.id));
          flash(req, { kind: 'success', key: 'tokens.revoked' });
          res.redirect(303, '/account/tokens');
        },
      },
    ];
  },
};
