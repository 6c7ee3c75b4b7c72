// API route tables: each route names its zod schemas once; they validate the request and describe it in OpenAPI.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors';
import type { SessionActor } from '../../users/service';
import type { AgreementAction } from '../../../workflows';
import { actorOf } from '../auth/actor';
import { localeError } from '../errors';
import type { Access, Method, Route, RouteContext, RouteModule } from '../types';
import { parseInput } from '../validate';
import { Problem } from './schemas';

export interface ResponseDoc {
  description: string;
  /** JSON body schema; omitted for empty bodies. */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

/** What OpenAPI needs to know about a route; the schemas are the ones its handler is validated with. */
export interface ApiRouteDoc {
  method: Method;
  /** Full path in express syntax, e.g. /api/v1/agreements/:id */
  path: string;
  access: Access;
  summary: string;
  description?: string;
  /** The permission-table actions the route performs (documents who may call it). */
  actions?: readonly AgreementAction[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart/form-data body instead: its fields by name with what each holds; `file` is the uploaded file. */
  form?: Readonly<Record<string, string>>;
  responses: Readonly<Record<number, ResponseDoc>>;
}

export interface ApiInput<P, Q, B> {
  actor: SessionActor;
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
}

export interface ApiRoute {
  doc: ApiRouteDoc;
  toRoute(ctx: RouteContext, mount: string): Route;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

interface Spec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> extends Omit<ApiRouteDoc, 'params' | 'query' | 'body'> {
  params?: P;
  query?: Q;
  body?: B;
  handle(input: ApiInput<Out<P>, Out<Q>, Out<B>>): Promise<void>;
}

/** A problem+json response in the OpenAPI document. */
export const problem = (description: string): ResponseDoc => ({
  description,
  schema: Problem,
  contentType: 'application/problem+json',
});

function badBody(): DomainError {
  return new DomainError('invalid-input', {
    th: 'กรุณาส่งข้อมูลเป็น JSON (Content-Type: application/json)',
    en: 'Send the request body as JSON (Content-Type: application/json)',
  });
}

/** Declares one API route: path params that do not parse are 404, a bad query or body 422, no JSON body 400. */
export function apiRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B>): ApiRoute {
  const { handle, ...doc } = spec;
  return {
    doc,
    toRoute(ctx, mount) {
      return {
        method: doc.method,
        path: doc.path.slice(mount.length),
        access: doc.access,
        handler: async (req, res) => {
          let params: unknown;
          if (spec.params) {
            const r = spec.params.safeParse({ ...req.params });
            if (!r.success) throw localeError(ctx.catalogue, 'not-found');
            params = r.data;
          }
          const query: unknown = spec.query
            ? parseInput(spec.query, { ...req.query }, ctx.catalogue)
            : undefined;
          let body: unknown;
          if (spec.body) {
            if (!req.is('application/json') && !req.is('application/*+json')) throw badBody();
            body = parseInput(spec.body, req.body, ctx.catalogue);
          }
          res.setHeader('Cache-Control', 'no-store');
          await handle({ actor: actorOf(req), params, query, body, req, res } as ApiInput<
            Out<P>,
            Out<Q>,
            Out<B>
          >);
        },
      };
    },
  };
}

/** A route module from API routes that all live under `mount`. */
export function apiModule(
  name: string,
  mount: string,
  routes: readonly ApiRoute[],
): RouteModule & { api: readonly ApiRoute[] } {
  return { name, mount, api: routes, routes: (ctx) => routes.map((r) => r.toRoute(ctx, mount)) };
}
