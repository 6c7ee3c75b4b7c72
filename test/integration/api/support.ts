// Harness for API tests: the composed app (as main.ts builds it) on a fresh database, users with bearer tokens.
import { identityStores } from '../../../src/storage/users';
import type { Server } from 'node:http';
import { buildServices, compose, type Services } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { createUserService, type UserService } from '../../../src/users/service';
import { createTokenService, type TokenService } from '../../../src/users/tokens';
import { openTestDb, type TestDb } from '../../support/db';

export { CAST, WHO, approved, story, type Who } from '../agreement-helpers';
import { CAST, WHO, admin, type Who } from '../agreement-helpers';
import { importedId } from '../../../src/app/registry-import';
import { ENGLISH_HEADER, toCsv } from '../../support/pair-lists';

export interface ApiResult {
  status: number;
  headers: Headers;
  body: unknown;
  bytes: Buffer;
  text: string;
}

export interface ApiApp {
  base: string;
  db: TestDb;
  services: Services;
  users: UserService;
  tokens: TokenService;
  token: Record<Who, string>;
  userId: Record<Who, string>;
  /** A JSON request as `who` (or anonymous); a string body is sent as is. */
  call(
    who: Who | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResult>;
  close(): Promise<void>;
}

/**
 * `gate: false` for suites that replay the fixture's draft 1 as MFA received it, errors and all (it predates MOU
 * Engine's pre-review gate; test/integration/api/checks.test.ts runs the gate itself over the API).
 */
export async function startApi(
  o: { readCache?: boolean; gate?: boolean; attachmentMaxBytes?: number } = {},
): Promise<ApiApp> {
  const db = await openTestDb('api');
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  // As src/main.ts runs on the embedded database: this process is its single writer and caches reads.
  // (Tests that change the database behind the app's back turn the cache off.)
  const services = await buildServices(db.connection, {
    readCache: o.readCache ?? db.maxPoolSize === 1,
    draftingGate: o.gate ?? true,
    ...(o.attachmentMaxBytes !== undefined ? { attachmentMaxBytes: o.attachmentMaxBytes } : {}),
  });
  const { app } = await compose({
    config,
    connection: db.connection,
    logger: createLogger(process.env.DEBUG_API_LOG ? 'error' : 'silent'),
    services,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = createUserService(identityStores(db.connection));
  const tokens = createTokenService(identityStores(db.connection), users);
  const token = {} as Record<Who, string>;
  const userId = {} as Record<Who, string>;
  for (const who of WHO) {
    const u = await users.createUser({
      username: `api-${who}`,
      displayName: `API ${who}`,
      password: 'correct horse battery',
      ...CAST[who],
    });
    userId[who] = u.id;
    token[who] = (await tokens.create(u.id, `${who} system`)).token;
  }
  async function call(
    who: Who | undefined,
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (who) headers.authorization = `Bearer ${token[who]}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(base + path, { method, headers, body: payload });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    let parsed: unknown = undefined;
    if (/json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, bytes, text };
  }
  return {
    base,
    db,
    services,
    users,
    tokens,
    token,
    userId,
    call,
    close: async () => {
      await closeServer(server);
      await db.close();
    },
  };
}

/** A field of a JSON body, for tests (throws when absent, so a wrong shape fails loudly). */
export function field<T = unknown>(body: unknown, ...path: (string | number)[]): T {
  let v: unknown = body;
  for (const k of path) {
    if (typeof v !== 'object' || v === null || !(k in v))
      throw new Error(`no ${path.join('.')} in ${JSON.stringify(body).slice(0, 300)}`);
    v = (v as Record<string | number, unknown>)[k];
  }
  return v as T;
}

export const agreementsPath = '/api/v1/agreements';

/**
 * One pair in force — Chiang Mai and a Japanese city, sister cities signed 2019-08-29 for five years — brought in by
 * the registry import as MOI's list brings it; answers its agreement's id and how many rows came in.
 */
export async function importPairInForce(
  api: ApiApp,
  partner: { th: string; en: string },
): Promise<{ id: string; imported: number }> {
  const row = [
    'in force',
    'Chiang Mai',
    partner.th,
    partner.en,
    'Japan',
    'sister',
    '2019-08-29',
    '5',
    '',
    '',
  ];
  const r = await api.services.registryImports.run(
    admin,
    { bytes: toCsv(ENGLISH_HEADER, [row]), name: 'pairs.csv' },
    { dryRun: false },
  );
  return { id: importedId(r.fileSha256, 2), imported: r.imported };
}
