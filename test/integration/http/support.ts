// Test harness for the web layer: the real app on a fresh database, and a tiny cookie-keeping client over fetch.
import type { Server } from 'node:http';
import { loadConfig } from '../../../src/config';
import { createApp } from '../../../src/http/app';
import { closeServer, listen } from '../../../src/http/server';
import type { AppDeps } from '../../../src/http/types';
import { createLogger } from '../../../src/logger';
import { createUserService, type NewUser, type UserService, type UserView } from '../../../src/users/service';
import { createTokenService, type TokenService } from '../../../src/users/tokens';
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
): Promise<TestApp> {
  const db = await openTestDb('http');
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  const app = createApp({ config, connection: db.connection, logger: createLogger('silent'), ...extra });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const users = createUserService(db.connection);
  return {
    base: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    db,
    users,
    tokens: createTokenService(db.connection, users),
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

/** A browser stand-in: keeps cookies, does not follow redirects, reads the CSRF token from pages. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.base + path, { method, headers, body: init.body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', path, { headers });
  }

  postForm(path: string, form: Record<string, string>): Promise<Response> {
    return this.request('POST', path, {
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** The _csrf value from a page's forms (GET of `path`). */
  async csrf(path = '/login'): Promise<string> {
    const html = await (await this.get(path)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m?.[1]) throw new Error(`no CSRF token on ${path}`);
    return m[1];
  }

  async login(username: string, password = PASSWORD): Promise<Response> {
    const _csrf = await this.csrf('/login');
    return this.postForm('/login', { _csrf, username, password });
  }
}
