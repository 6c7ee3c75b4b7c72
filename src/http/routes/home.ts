// The front page and placeholders for pages other modules provide (their routes are registered first and win).
import type { Route, RouteModule } from '../types';

export const homeRoutes: RouteModule = {
  name: 'home',
  routes: (ctx) => {
    const placeholder = (path: string, titleKey: string): Route => ({
      method: 'get',
      path,
      access: 'login',
      handler: (req, res) =>
        res.render('placeholder', { pageTitle: ctx.catalogue.t(req.locale ?? 'th', titleKey), titleKey }),
    });
    return [
      {
        method: 'get',
        path: '/',
        access: 'public',
        handler: (req, res) =>
          req.actor
            ? res.redirect(303, '/queue')
            : res.render('home', { pageTitle: ctx.catalogue.t(req.locale ?? 'th', 'home.title') }),
      },
      placeholder('/queue', 'nav.queue'),
      placeholder('/registry', 'nav.registry'),
    ];
  },
};
