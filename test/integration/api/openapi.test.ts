// The OpenAPI document: generated from the route table and the very zod schemas that validate requests.
import { z } from 'zod';
import { loadConfig } from '../../../src/config';
import { apiRouteModules } from '../../../src/http/api';
import { NAMED_SCHEMAS } from '../../../src/http/api/schemas';
import { openApiPath } from '../../../src/http/api/openapi';
import { routeContext } from '../../../src/http/app';
import { appServices } from '../../../src/composition-root';
import { listRoutes } from '../../../src/http/routing';
import { createLogger } from '../../../src/logger';
import { startApi, type ApiApp } from './support';

let api: ApiApp;
let doc: Record<string, unknown>;
beforeAll(async () => {
  api = await startApi();
  const r = await api.call(undefined, 'GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body as Record<string, unknown>;
});
afterAll(async () => api.close());

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function* refs(v: unknown): Generator<string> {
  if (Array.isArray(v)) for (const x of v) yield* refs(x);
  else if (typeof v === 'object' && v !== null) {
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') yield x;
      else yield* refs(x);
    }
  }
}

function declaredRoutes() {
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  const ctx = routeContext(
    appServices({ config, connection: api.db.connection, logger: createLogger('silent') }),
  );
  const modules = apiRouteModules(api.services);
  return listRoutes(modules, ctx).filter((r) => r.path.startsWith('/api/v1/'));
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with info, paths and components', () => {
    expect(doc).toMatchObject({
      openapi: '3.1.0',
      info: { title: expect.any(String), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
    });
    expect(Object.keys(obj(obj(doc.components).securitySchemes))).toEqual(['bearerToken', 'sessionCookie']);
  });

  it('describes every /api/v1 route of the route table, and nothing else', () => {
    const described = Object.entries(obj(doc.paths)).flatMap(([p, item]) =>
      Object.keys(obj(item)).map((m) => `${m} ${p}`),
    );
    const declared = [...declaredRoutes().map((r) => `${r.method} ${openApiPath(r.path)}`), 'get /api/v1/me'];
    expect(described.sort()).toEqual(declared.sort());
  });

  it('every operation is well formed: unique operationId, path parameters declared, responses, only known methods', () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(obj(doc.paths))) {
      for (const [method, raw] of Object.entries(obj(item))) {
        const op = obj(raw);
        expect(METHODS).toContain(method);
        expect(typeof op.operationId).toBe('string');
        expect(ids.has(String(op.operationId))).toBe(false);
        ids.add(String(op.operationId));
        expect(typeof op.summary).toBe('string');
        const inPath = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const declared = (Array.isArray(op.parameters) ? op.parameters : []).map(obj);
        expect(declared.filter((x) => x.in === 'path').map((x) => x.name)).toEqual(inPath);
        for (const x of declared)
          expect(x).toMatchObject({
            name: expect.any(String),
            in: expect.stringMatching(/^(path|query)$/),
            schema: expect.any(Object),
          });
        const statuses = Object.keys(obj(op.responses));
        expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
        for (const s of statuses) expect(obj(obj(op.responses)[s]).description).toEqual(expect.any(String));
        expect(Array.isArray(op['x-roles'])).toBe(true);
      }
    }
  });

  it('every request body is the schema the route validates with, and every $ref resolves', () => {
    const schemas = obj(obj(doc.components).schemas);
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(NAMED_SCHEMAS).sort());
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas).toHaveProperty([ref.split('/').at(-1) ?? '']);
    }
    const bodies = Object.values(obj(doc.paths)).flatMap((item) =>
      Object.values(obj(item)).flatMap((op) => {
        const schema = obj(obj(obj(obj(op).requestBody).content)['application/json']).schema;
        return schema ? [String(obj(schema).$ref)] : [];
      }),
    );
    expect(bodies.sort()).toEqual(
      [
        'CreateAgreementBody',
        'UpdateContentBody',
        'NewCommentBody',
        'AnswerCommentBody',
        'WithdrawCommentBody',
        'EventBody',
        // POST and PUT of an activity.
        'ActivityInput',
        'ActivityInput',
        // The year's evaluation, and MOI's comment on it.
        'EvaluationInput',
        'EvaluationCommentBody',
      ]
        .map((n) => `#/components/schemas/${n}`)
        .sort(),
    );
    // The component is generated from the same zod object: strict objects forbid unknown fields here too.
    const event = obj(schemas.EventBody);
    expect(event).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['event', 'expectedRev']),
    });
    const content = obj(schemas.AgreementContent);
    const expected = z.toJSONSchema(NAMED_SCHEMAS.AgreementContent ?? z.never(), {
      io: 'input',
      unrepresentable: 'any',
    }) as Json;
    expect(Object.keys(obj(content.properties)).sort()).toEqual(Object.keys(obj(expected.properties)).sort());
  });

  it('describes the four uploads as multipart/form-data with a binary file and their fields', () => {
    const forms = Object.entries(obj(doc.paths)).flatMap(([path, item]) =>
      Object.values(obj(item)).flatMap((op) => {
        const schema = obj(obj(obj(obj(op).requestBody).content)['multipart/form-data']).schema;
        return schema ? [[path, obj(schema)] as const] : [];
      }),
    );
    expect(forms.map(([path]) => path).sort()).toEqual([
      '/api/v1/agreements/from-word',
      '/api/v1/agreements/{id}/attachments',
      '/api/v1/agreements/{id}/partner-text',
      '/api/v1/agreements/{id}/versions/{n}/imports',
      '/api/v1/registry/imports',
    ]);
    for (const [, schema] of forms) {
      expect(schema).toMatchObject({ type: 'object', required: ['file'] });
      expect(obj(obj(schema.properties).file)).toMatchObject({ type: 'string', format: 'binary' });
    }
    const imports = forms.find(([p]) => p.endsWith('{n}/imports'))?.[1];
    expect(Object.keys(obj(imports?.properties)).sort()).toEqual(['confirm', 'expectedRev', 'file', 'take']);
  });

  it('lists every workflow event as a member of the AgreementEvent schema', () => {
    const members =
      (obj(obj(doc.components).schemas).AgreementEvent as { oneOf?: unknown[]; anyOf?: unknown[] }) ?? {};
    const types = (members.oneOf ?? members.anyOf ?? []).map((m) => obj(obj(obj(m).properties).type).const);
    expect(types).toHaveLength(19);
    expect(types).toContain('RECORD_SIGNING');
  });
});

describe('GET /api/docs', () => {
  it('renders every operation and schema as plain HTML served by the app (no CDN, no script)', async () => {
    const r = await api.call(undefined, 'GET', '/api/docs', undefined, { accept: 'text/html' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    for (const route of declaredRoutes())
      expect(r.text).toContain(`${route.method.toUpperCase()} ${openApiPath(route.path)}`);
    for (const name of Object.keys(NAMED_SCHEMAS)) expect(r.text).toContain(`id="schema-${name}"`);
    expect(r.text).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)/);
  });
});
