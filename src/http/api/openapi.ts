// Builds the OpenAPI 3.1 document from the API route tables and the zod schemas that validate them.
import { z } from 'zod';
import { PERMISSIONS } from '../../../workflows';
import type { Role } from '../../domain/roles';
import type { ApiRouteDoc } from './define';
import { MeView, NAMED_SCHEMAS, Problem } from './schemas';

type Json = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';

/** GET /api/v1/me lives in the web foundation's module; it is described here so the document covers every route. */
export const ME_DOC: ApiRouteDoc = {
  method: 'get',
  path: '/api/v1/me',
  access: 'login',
  summary: 'Who the token (or session) belongs to: role, province, language',
  responses: {
    200: { description: 'The caller', schema: MeView },
    401: { description: 'Not signed in', schema: Problem, contentType: 'application/problem+json' },
  },
};

function strip(schema: Json): Json {
  const { $schema: _s, $id: _i, id: _id, ...rest } = schema;
  return rest;
}

function toJson(schema: z.ZodType, io: 'input' | 'output' = 'input'): Json {
  return strip(z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json);
}

/** The named schemas as components, referring to each other by $ref. */
function components(): { schemas: Json; refOf: Map<z.ZodType, string> } {
  const registry = z.registry<{ id: string }>();
  const refOf = new Map<z.ZodType, string>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) {
    registry.add(schema, { id });
    refOf.set(schema, `${COMPONENT}${id}`);
  }
  const out = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
    uri: (id) => `${COMPONENT}${id}`,
  }) as { schemas: Record<string, Json> };
  const schemas = Object.fromEntries(Object.entries(out.schemas).map(([k, v]) => [k, strip(v)]));
  return { schemas, refOf };
}

/** /api/v1/agreements/:id → /api/v1/agreements/{id} */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:(\w+)/g, '{$1}');
}

function parameters(doc: ApiRouteDoc): Json[] {
  const list: Json[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!(schema instanceof z.ZodObject)) return;
    for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const required = where === 'path' || !field.safeParse(undefined).success;
      list.push({ name, in: where, required, schema: toJson(field, where === 'path' ? 'input' : 'output') });
    }
  };
  add('path', doc.params);
  add('query', doc.query);
  return list;
}

function whoMay(doc: ApiRouteDoc): string[] {
  if (doc.access === 'public') return ['anyone'];
  const roles: readonly Role[] = doc.access === 'login' ? ['secretary', 'moi', 'mfa', 'admin'] : doc.access;
  if (!doc.actions) return [...roles];
  return roles.filter((r) => doc.actions?.some((a) => PERMISSIONS[a][r] !== 'none'));
}

function operation(doc: ApiRouteDoc, refOf: Map<z.ZodType, string>): Json {
  const schemaOf = (s: z.ZodType) => {
    const ref = refOf.get(s);
    return ref ? { $ref: ref } : toJson(s);
  };
  const responses = Object.fromEntries(
    Object.entries(doc.responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.schema
          ? { content: { [r.contentType ?? 'application/json']: { schema: schemaOf(r.schema) } } }
          : r.contentType
            ? { content: { [r.contentType]: { schema: { type: 'string', contentEncoding: 'binary' } } } }
            : {}),
      },
    ]),
  );
  const params = parameters(doc);
  return {
    operationId: `${doc.method}${openApiPath(doc.path)
      .replace(/[{}]/g, '')
      .replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())
      .replace(/[^A-Za-z0-9]/g, '')}`,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(doc.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(doc.body) } } } }
      : {}),
    ...(doc.form ? { requestBody: formBody(doc.form) } : {}),
    responses,
    ...(doc.access === 'public' ? { security: [] } : {}),
    'x-roles': whoMay(doc),
    ...(doc.actions ? { 'x-actions': [...doc.actions] } : {}),
  };
}

/** A multipart/form-data request body: `file` is binary, every other field a string, each with its description. */
function formBody(fields: Readonly<Record<string, string>>): Json {
  const properties = Object.fromEntries(
    Object.entries(fields).map(([name, description]) => [
      name,
      name === 'file' ? { type: 'string', format: 'binary', description } : { type: 'string', description },
    ]),
  );
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: { type: 'object', required: 'file' in fields ? ['file'] : [], properties },
      },
    },
  };
}

export function buildOpenApi(docs: readonly ApiRouteDoc[], version: string): Json {
  const { schemas, refOf } = components();
  const paths: Record<string, Json> = {};
  for (const d of docs) {
    const p = openApiPath(d.path);
    paths[p] = { ...(paths[p] ?? {}), [d.method]: operation(d, refOf) };
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'MOU Engine API',
      version,
      description:
        'Thai provinces’ international agreements along the MOI/MFA approval path. Authenticate with a personal API ' +
        'token (Authorization: Bearer mou_…), created on the “API tokens” page. Errors are application/problem+json ' +
        'with a stable `type` (/problems/<code>). A secretary of another province gets 404 for every agreement.',
    },
    servers: [{ url: '/' }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token, mou_…' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mou.sid',
          description: 'The web session (writes need the CSRF token)',
        },
      },
    },
  };
}
