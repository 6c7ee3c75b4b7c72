// /healthz follows the database: 503 with a JSON body while it is stopped, 200 again after it restarts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../../src/config';
import { createApp } from '../../../src/http/app';
import { appServices } from '../../../src/composition-root';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { connectDatabase } from '../../../src/storage/connection';
import { provideDatabase, type DatabaseHandle } from '../../../src/platform/launcher';
import { ROOT, waitFor } from '../../support/processes';

let db: DatabaseHandle;
let conn: Connection;
let server: Server;
let base: string;

beforeAll(async () => {
  // Its own FerretDB, since this test stops and restarts the server.
  db = await provideDatabase({
    dataDir: mkdtempSync(join(tmpdir(), 'mou-health-')),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    lock: false,
  });
  conn = await connectDatabase({
    uri: db.uri,
    dbName: 'health',
    maxPoolSize: db.maxPoolSize,
    serverSelectionTimeoutMS: 1000,
  });
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false' });
  server = await listen(
    createApp(appServices({ config, connection: conn, logger: createLogger('silent') })),
    0,
    '127.0.0.1',
  );
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});

afterAll(async () => {
  await closeServer(server);
  await conn.close();
  await db.stop();
});

const health = async () => {
  const r = await fetch(`${base}/healthz`);
  return { status: r.status, body: (await r.json()) as unknown };
};

describe('GET /healthz', () => {
  it('is 200 with db up, 503 with a JSON body while the database is stopped, and 200 again after it restarts', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });
    if (!db.ferret) throw new Error('this test needs the embedded database');
    await db.ferret.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ db: 'down' });
    await db.ferret.start();
    expect(await waitFor(async () => (await health()).status === 200, 30_000, 250)).toBe(true);
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });
  });
});
