// The language switch: a form POST that remembers the choice on the user (or the anonymous session).
import { isLocale } from '../../i18n/catalogue';
import { localeError } from '../errors';
import { safeReturnPath } from '../page-locals';
import type { RouteModule } from '../types';
import { field } from '../validate';

export const localeRoutes: RouteModule = {
  name: 'locale',
  routes: (ctx) => [
    {
      method: 'post',
      path: '/locale',
      access: 'public',
      handler: async (req, res) => {
        const locale = field(req.body, 'locale');
        if (!isLocale(locale)) throw localeError(ctx.catalogue, 'invalid-input', 'errors.badLocale');
        if (req.actor) await ctx.users.setLocale(req.actor.userId, locale);
        req.session.locale = locale;
        res.redirect(303, safeReturnPath(field(req.body, 'returnTo'), '/'));
      },
    },
  ],
};
