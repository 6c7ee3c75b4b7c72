// GET /api/v1/me: who the token (or session) belongs to.
import { actorOf } from '../auth/actor';
import type { RouteModule } from '../types';

export const apiMeRoutes: RouteModule = {
  name: 'api-me',
  mount: '/api/v1',
  routes: (ctx) => [
    {
      method: 'get',
      path: '/me',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const user = await ctx.users.findById(actor.userId);
        res.setHeader('Cache-Control', 'no-store');
        res.json({
          id: actor.userId,
          username: user?.username,
          displayName: actor.name,
          role: actor.role,
          ...(actor.province ? { province: actor.province } : {}),
          locale: actor.locale,
        });
      },
    },
  ],
};
