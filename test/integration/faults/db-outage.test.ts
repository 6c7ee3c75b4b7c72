// The database stops in the middle of a run of transitions: requests get 503 with Retry-After, no agreement is
// left between two states, and when the database is back the same app serves again without a restart.
import { identityStores } from '../../../src/storage/users';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Connection } from 'mongoose';
import { buildServices, compose } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { connectDatabase } from '../../../src/storage/connection';
import { provideDatabase, type DatabaseHandle } from '../../../src/platform/launcher';
import { createUserService } from '../../../src/users/service';
import { createTokenService } from '../../../src/users/tokens';
import { verifyHistoryChain } from '../../../src/domain';
import { chiangMaiSejong } from '../../support/fixtures';
import { ROOT, waitFor } from '../../support/processes';

const N = 40;
let db: DatabaseHandle;
let conn: Connection;
let server: Server;
let base = '';
let token = '';
const ids: string[] = [];

beforeAll(async () => {
  db = await provideDatabase({
    dataDir: mkdtempSync(join(tmpdir(), 'mou-outage-')),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    lock: false,
  });
  conn = await connectDatabase({
    uri: db.uri,
    dbName: 'outage',
    maxPoolSize: db.maxPoolSize,
    serverSelectionTimeoutMS: 1000,
  });
  // As src/main.ts runs on the embedded database: with the single-writer read cache.
  // Its agreements replay the fixture's draft 1, which predates the pre-review gate.
  const services = await buildServices(conn, { readCache: true, draftingGate: false });
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'y'.repeat(40) });
  const { app } = await compose({ config, connection: conn, logger: createLogger('silent'), services });
  server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = createUserService(identityStores(conn));
  const u = await users.createUser({
    username: 'outage-admin',
    displayName: 'Admin',
    role: 'admin',
    password: 'correct horse battery',
  });
  token = (await createTokenService(identityStores(conn), users).create(u.id, 'outage')).token;
  const draft = chiangMaiSejong().draft1;
  for (let i = 0; i < N; i++) {
    const r = await api('POST', '/api/v1/agreements', { province: 'chiang-mai', content: draft });
    expect(r.status).toBe(201);
    ids.push((r.body as { id: string }).id);
  }
});

afterAll(async () => {
  await closeServer(server);
  await conn.close();
  await db.stop();
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

interface Stored {
  state: string;
  rev: number;
  history: { event: string; to: string }[];
}

describe('a database outage in the middle of a run', () => {
  it('answers 503 with Retry-After while the database is away, leaves every agreement before or after its step, and recovers without a restart', async () => {
    const ferret = db.ferret;
    if (!ferret) throw new Error('this test needs the embedded database');
    const statuses: number[] = [];
    const problems: unknown[] = [];
    const submit = async (id: string) => {
      const r = await api('POST', `/api/v1/agreements/${id}/events`, {
        event: { type: 'SUBMIT_TO_COMMITTEE' },
        expectedRev: 0,
      });
      statuses.push(r.status);
      if (r.status === 503)
        problems.push({
          retryAfter: r.headers.get('retry-after'),
          type: r.headers.get('content-type'),
          body: r.body,
        });
      return r.status;
    };
    // The first half goes through; the database stops while the second half is under way.
    await Promise.all(ids.slice(0, N / 2).map(submit));
    // Four clients keep going through the second half; the database stops after their first three answers.
    const queue = ids.slice(N / 2);
    const clients = Array.from({ length: 4 }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) await submit(id);
    });
    await waitFor(() => statuses.length >= N / 2 + 3, 10_000, 1);
    await ferret.stop('SIGKILL');
    await Promise.all(clients);
    expect(statuses.slice(0, N / 2).every((s) => s === 200)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(problems[0]).toMatchObject({
      retryAfter: expect.stringMatching(/^\d+$/),
      type: expect.stringContaining('application/problem+json'),
      body: { status: 503, type: expect.stringContaining('db-unavailable') },
    });
    // While it is down, health says so.
    expect((await fetch(`${base}/healthz`)).status).toBe(503);

    await ferret.start();
    expect(await waitFor(async () => (await fetch(`${base}/healthz`)).status === 200, 30_000, 250)).toBe(
      true,
    );

    // Every agreement is either still a draft (rev 0, one history entry) or submitted (rev 1, two entries).
    const raw = conn.collection('agreements');
    for (const id of ids) {
      const d = (await raw.findOne({ _id: id as never })) as unknown as Stored;
      const before = d.state === 'drafting' && d.rev === 0 && d.history.length === 1;
      const after =
        d.state === 'committeeReview' &&
        d.rev === 1 &&
        d.history.length === 2 &&
        d.history[1]?.event === 'SUBMIT_TO_COMMITTEE';
      expect({ id, before, after }).toEqual({ id, before: !after, after: !before });
    }
    // The refused ones can now be sent again; the ones that did happen refuse a second application.
    for (const id of ids) {
      const r = await api('POST', `/api/v1/agreements/${id}/events`, {
        event: { type: 'SUBMIT_TO_COMMITTEE' },
        expectedRev: 0,
      });
      expect([200, 409]).toContain(r.status);
    }
    const list = await api('GET', '/api/v1/agreements?limit=100');
    expect(list.status).toBe(200);
    const byState = new Map<string, number>();
    for (const a of (list.body as { items: { state: string }[] }).items)
      byState.set(a.state, (byState.get(a.state) ?? 0) + 1);
    expect(byState.get('committeeReview')).toBe(N);
    for (const id of ids) {
      const d = (await raw.findOne({ _id: id as never })) as unknown as Stored & {
        history: Parameters<typeof verifyHistoryChain>[1];
      };
      expect(d.history.filter((h) => h.event === 'SUBMIT_TO_COMMITTEE')).toHaveLength(1);
      expect(verifyHistoryChain(id, d.history).ok).toBe(true);
    }
  });
});
