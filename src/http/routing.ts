// Turns route tables into express routers, putting each route's access guard in front of its handler.
import { Router, type RequestHandler } from 'express';
import { guard } from './auth/actor';
import type { Route, RouteContext, RouteModule } from './types';

export function routerFor(routes: readonly Route[], ctx: RouteContext): Router {
  const router = Router();
  for (const r of routes) {
    const chain: RequestHandler[] = [];
    const g = guard(ctx.catalogue, r.access);
    if (g) chain.push(g);
    chain.push(...(r.before ?? []), r.handler);
    router[r.method](r.path, ...chain);
  }
  return router;
}

export interface ListedRoute {
  module: string;
  method: Route['method'];
  path: string;
  access: Route['access'];
}

/** Every route of the modules, with full paths: for tests that walk all routes (CSRF, access tables). */
export function listRoutes(modules: readonly RouteModule[], ctx: RouteContext): ListedRoute[] {
  return modules.flatMap((m) =>
    m.routes(ctx).map((r) => ({
      module: m.name,
      method: r.method,
      path: `${m.mount ?? ''}${r.path}`,
      access: r.access,
    })),
  );
}
