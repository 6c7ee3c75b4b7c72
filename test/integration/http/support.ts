// Test harness for the web layer: the real app on a fresh database, and a tiny cookie-keeping client over fetch.
import { identityStores } from '../../../src/storage/users';
import type { Server } from 'node:http';
import { loadConfig } from '../../../src/config';
import { createApp } from '../../../src/http/app';
import { appServices } from '../../../src/composition-root';
import { closeServer, listen } from '../../../src/http/server';
import type { AppDeps } from '../../../src/http/types';
import { createLogger } from '../../../src/logger';
import { createUserService, type NewUser, type UserService, type UserView } from '../../../src/users/service';
import { createTokenService, type TokenService } from '../../../src/users/tokens';
import { BrowserClient } from '../../../bench/soak/browser';
import { openTestDb, type TestDb } from '../../support/db';

export interface TestApp {
  base: string;
  db: TestDb;
  users: UserService;
  tokens: TokenService;
  close(): Promise<void>;
}

export async function startApp(
  extra: Partial<Pick<AppDeps, 'routes' | 'loginLimit'>> = {},
  /** More environment for loadConfig (short timers in tests of periodic work). */
  env: Record<string, string> = {},
): Promise<TestApp> {
  const db = await openTestDb('http');
  const config = loadConfig({
    NODE_ENV: 'test',
    MOU_SEED_DEMO: 'false',
    SESSION_SECRET: 'x'.repeat(40),
    ...env,
  });
  const app = createApp({
    ...appServices({
      config,
      connection: db.connection,
      logger: createLogger('silent'),
      // As src/main.ts decides: on the embedded database the app is its single writer and remembers sessions.
      singleWriter: process.env.MOU_TEST_DB_KIND === 'ferretdb',
    }),
    ...extra,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const users = createUserService(identityStores(db.connection), undefined, {
    cacheMs: config.identityCacheMs,
  });
  return {
    base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    db,
    users,
    tokens: createTokenService(identityStores(db.connection), users),
    close: async () => {
      await closeServer(server);
      await db.close();
    },
  };
}

export const PASSWORD = 'correct horse battery';

export function makeUser(app: TestApp, u: Partial<NewUser> & { username: string }): Promise<UserView> {
  return app.users.createUser({ displayName: u.username, role: 'moi', password: PASSWORD, ...u });
}

/** The shared browser stand-in, with the test users' password by default. */
export class Client extends BrowserClient {
  override login(username: string, password = PASSWORD): Promise<Response> {
    return super.login(username, password);
  }
}
