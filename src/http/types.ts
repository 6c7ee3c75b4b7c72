// The HTTP layer's shared types: what a request carries (declaration merging) and how route modules plug in.
import type { RequestHandler } from 'express';
import type { Store } from 'express-session';
import type { Config } from '../config';
import type { Role } from '../domain/roles';
import type { Catalogue, Locale, Params } from '../i18n/catalogue';
import type { Logger } from '../logger';
import type { SessionActor, UserService } from '../users/service';
import type { TokenService } from '../users/tokens';
import type { ViewHelpers } from './views/helpers';

/** A one-time notice shown on the next page (after a redirect). */
export interface Flash {
  kind: 'success' | 'error';
  key: string;
  params?: Params;
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    csrfToken?: string;
    /** The language of an anonymous visitor (signed-in users keep theirs on the user record). */
    locale?: Locale;
    flash?: Flash;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in user, from the session cookie or a bearer token; undefined for anonymous requests. */
      actor?: SessionActor;
      /** How the actor was authenticated; token requests skip CSRF (no cookie is involved). */
      authVia?: 'session' | 'token';
      /** The language to answer in (set by the locale middleware). */
      locale?: Locale;
    }
    interface Locals {
      locale?: Locale;
      actor?: SessionActor;
      csrfToken?: string;
      currentPath?: string;
      /** Path and query, for "return here" fields. */
      currentUrl?: string;
      flash?: Flash;
      /** The bell's unread count (pages only, signed in). */
      bell?: number;
    }
  }
}

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call a route: anyone, any signed-in user, or signed-in users with one of the roles. */
export type Access = 'public' | 'login' | readonly Role[];

export interface Route {
  method: Method;
  path: string;
  access: Access;
  /** Extra middleware that runs after the access check (a rate limiter, an upload parser…). */
  before?: readonly RequestHandler[];
  handler: RequestHandler;
}

/** What route modules get to build their routes. Services beyond users/tokens are closed over by the module. */
export interface RouteContext {
  config: Config;
  logger: Logger;
  catalogue: Catalogue;
  users: UserService;
  tokens: TokenService;
}

export interface RouteModule {
  /** For logs and tests, e.g. "agreement-pages". */
  name: string;
  /** Prefix for every path in the module (default ""). */
  mount?: string;
  routes(ctx: RouteContext): readonly Route[];
}

/**
 * What the web layer needs from below, as services: it never sees the database itself. The composition root
 * (src/composition-root.ts) builds these from storage and the users area.
 */
export interface AppServices {
  config: Config;
  logger: Logger;
  users: UserService;
  tokens: TokenService;
  /** Where cookie sessions are kept. */
  sessionStore: Store;
  /** Does the database answer within the time? (GET /healthz) */
  ping(timeoutMs: number): Promise<boolean>;
  /** "The database is not reachable right now" (→ 503 with Retry-After), as opposed to any other failure. */
  isDatabaseUnavailable(e: unknown): boolean;
}

export interface AppDeps extends AppServices {
  /** Route modules of other areas (agreement pages, /api/v1 …), registered after the core ones. */
  routes?: readonly RouteModule[];
  /** Extra Handlebars helpers for those modules' views. */
  viewHelpers?: ViewHelpers;
  /** Counts change requests in flight, so background work can wait for a quiet moment (src/platform/activity.ts). */
  activity?: { enter(): () => void };
  /** The signed-in person's unread notifications, for the bell on every page (a kept count, not a query). */
  bell?: (userId: string) => Promise<number>;
  /** Login attempts allowed per IP+username in the window (default 10 per 15 minutes). */
  loginLimit?: { max: number; windowMs: number };
}
