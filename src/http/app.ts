// Builds the express application from the services it is given. Listening is server.ts's job; nothing here connects.
import { join } from 'node:path';
import express, { type Express } from 'express';
import { projectCatalogue } from '../i18n/catalogue';
import { authenticate } from './auth/actor';
import { DEFAULT_LOGIN_LIMIT } from './auth/login-limit';
import { exposeCsrfToken, verifyCsrf } from './csrf';
import { errorHandler, isApiRequest, notFoundHandler } from './errors';
import { pageLocals } from './page-locals';
import { routerFor } from './routing';
import { adminUserRoutes } from './routes/admin-users';
import { apiMeRoutes } from './routes/api-me';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { localeRoutes } from './routes/locale';
import { tokenRoutes } from './routes/tokens';
import { bodyParsers, securityHeaders } from './security';
import { sessionMiddleware } from './session';
import type { AppDeps, AppServices, RouteContext, RouteModule } from './types';
import { createViewEngine } from './views/engine';
import { coreHelpers } from './views/helpers';

export type { AppDeps, AppServices, RouteModule } from './types';

/**
 * The route modules in the order they are matched: the core pages, then the other areas' modules,
 * then the placeholders (home, queue, registry) that those modules may replace by declaring the same path.
 */
export function appRouteModules(deps: AppDeps): RouteModule[] {
  return [
    authRoutes(deps.loginLimit ?? DEFAULT_LOGIN_LIMIT),
    localeRoutes,
    adminUserRoutes,
    tokenRoutes,
    apiMeRoutes,
    ...(deps.routes ?? []),
    homeRoutes,
  ];
}

export function routeContext(deps: AppServices): RouteContext {
  const { config, logger, users, tokens } = deps;
  return { config, logger, catalogue: projectCatalogue(config.projectRoot), users, tokens };
}

export function createApp(deps: AppDeps): Express {
  const { config } = deps;
  const ctx = routeContext(deps);
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);

  app.engine(
    'hbs',
    createViewEngine({
      dir: join(config.projectRoot, 'views'),
      helpers: { ...coreHelpers(ctx.catalogue), ...deps.viewHelpers },
      cache: config.env !== 'development',
    }),
  );
  app.set('views', join(config.projectRoot, 'views'));
  app.set('view engine', 'hbs');
  // Express looks each view up on disk per render unless this is set (it is by default only in production).
  app.set('view cache', config.env !== 'development');

  app.use(securityHeaders(config));
  app.use(
    '/assets',
    express.static(join(config.projectRoot, 'public'), { index: false, maxAge: '1h', fallthrough: true }),
  );
  app.use(healthRoutes((ms) => deps.ping(ms)));
  const activity = deps.activity;
  if (activity) {
    app.use((req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') res.once('close', activity.enter());
      next();
    });
  }

  // A request with an Authorization header is a program with a token, not a browser: it neither reads nor
  // creates a cookie session (before this, rendering a page's CSRF field stored a new session per request).
  const sessions = sessionMiddleware(config, deps.sessionStore);
  app.use((req, res, next) => (req.get('authorization') ? next() : sessions(req, res, next)));
  app.use(authenticate(ctx.users, ctx.tokens, ctx.catalogue));
  app.use(pageLocals, exposeCsrfToken);
  const bell = deps.bell;
  if (bell) {
    // Pages only: the header shows it. The count is kept as notifications land and are read, so this is one read.
    app.use(async (req, res, next) => {
      if (req.actor && req.method === 'GET' && req.authVia === 'session' && !isApiRequest(req))
        res.locals.bell = await bell(req.actor.userId);
      next();
    });
  }
  app.use(bodyParsers());
  app.use(verifyCsrf(ctx.catalogue));

  for (const m of appRouteModules(deps)) app.use(m.mount ?? '/', routerFor(m.routes(ctx), ctx));

  app.use(notFoundHandler(ctx.catalogue));
  app.use(errorHandler(ctx.catalogue, deps.logger, (e) => deps.isDatabaseUnavailable(e)));
  return app;
}
