// The composed app (as main.ts builds it) on a fresh database, served on a free port, and a headless Chromium.
import { identityStores } from '../../src/storage/users';
import { createUserService } from '../../src/users/service';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { compose, type Services } from '../../src/composition-root';
import { loadConfig } from '../../src/config';
import { closeServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { createDemoUsers } from '../../src/users/demo';
import { openTestDb, type TestDb } from '../support/db';
import { CHROMIUM_ARGS } from './journey-support';

export interface BrowserApp {
  base: string;
  db: TestDb;
  services: Services;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * `env` adds to the test configuration; `prepare` runs before the app serves (demo users are always there; a test
 * may seed the demo agreements).
 */
export async function startBrowserApp(
  name: string,
  o: { env?: Record<string, string>; prepare?: (db: TestDb, services: Services) => Promise<void> } = {},
): Promise<BrowserApp> {
  const db = await openTestDb(name);
  await createDemoUsers(createUserService(identityStores(db.connection)));
  const config = loadConfig({
    NODE_ENV: 'test',
    MOU_SEED_DEMO: 'false',
    SESSION_SECRET: 's'.repeat(40),
    ...o.env,
  });
  const { app, services } = await compose({
    config,
    connection: db.connection,
    logger: createLogger('silent'),
  });
  await o.prepare?.(db, services);
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    db,
    services,
    browser,
    close: async () => {
      await browser.close();
      await closeServer(server);
      await db.close();
    },
  };
}
