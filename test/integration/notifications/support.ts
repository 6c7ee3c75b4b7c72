// Harness for the notification tests: the composed app on a fresh database with the door and the outbox worker at
// short intervals, a real SMTP server (smtp-server) that MOU_SMTP_URL points at, and a cast with addresses.
import type { CommandStartedEvent } from 'mongodb';
import type { Server } from 'node:http';
import type { Clock } from '../../../src/app/ports';
import { buildServices, compose, type Services } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import type { Actor } from '../../../src/domain';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { identityStores } from '../../../src/storage/users';
import { createTokenService } from '../../../src/users/tokens';
import { createUserService, toActor, type NewUser, type UserService } from '../../../src/users/service';
import { openTestDb, type TestDb } from '../../support/db';
import { FAST_DOOR } from '../../support/door';
import { startSmtp, type TestSmtp } from '../../support/smtp';

export const SECRET = 's'.repeat(40);

/** The cast: Chiang Mai's and Lampang's secretaries, MOI, two MFA reviewers (English, Thai), an admin. */
export const PEOPLE = {
  cm: { role: 'secretary', province: 'chiang-mai', locale: 'th' },
  lampang: { role: 'secretary', province: 'lampang', locale: 'th' },
  moi: { role: 'moi', locale: 'th' },
  mfaEn: { role: 'mfa', locale: 'en' },
  mfaTh: { role: 'mfa', locale: 'th' },
  admin: { role: 'admin', locale: 'en' },
} as const;
export type Person = keyof typeof PEOPLE;

export interface NotifyApp {
  db: TestDb;
  smtp: TestSmtp;
  services: Services;
  users: UserService;
  base: string;
  actor: Record<Person, Actor>;
  email: Record<Person, string>;
  token: Record<Person, string>;
  api(who: Person, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function startNotifyApp(
  o: {
    clock?: Clock;
    env?: Record<string, string>;
    choice?: Partial<Record<Person, NewUser['notify']>>;
    /** Told of every command the app's connection sends. */
    onCommand?: (e: CommandStartedEvent) => void;
  } = {},
): Promise<NotifyApp> {
  const db = await openTestDb('notify', o.onCommand ? { onCommand: o.onCommand } : {});
  const smtp = await startSmtp();
  const config = loadConfig({
    NODE_ENV: 'test',
    MOU_SEED_DEMO: 'false',
    SESSION_SECRET: SECRET,
    MOU_SMTP_URL: smtp.url,
    ...o.env,
  });
  let base = '';
  const services = await buildServices(db.connection, {
    readCache: db.maxPoolSize === 1,
    draftingGate: false,
    ...(o.clock ? { clock: o.clock } : {}),
    door: { subscribers: [], settings: FAST_DOOR },
    notifications: {
      config,
      baseUrl: () => base,
      worker: { pollMs: 40, leaseMs: 300, retryMs: 30, maxRetryMs: 120, kickMs: 20 },
    },
  });
  const { app } = await compose({
    config,
    connection: db.connection,
    logger: createLogger('silent'),
    services,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = createUserService(identityStores(db.connection));
  const tokens = createTokenService(identityStores(db.connection), users);
  const actor = {} as Record<Person, Actor>;
  const email = {} as Record<Person, string>;
  const token = {} as Record<Person, string>;
  for (const [who, p] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    email[who] = `${who.toLowerCase()}@example.org`;
    const u = await users.createUser({
      username: `n-${who.toLowerCase()}`,
      displayName: `${who} person`,
      password: 'correct horse battery',
      email: email[who],
      notify: o.choice?.[who] ?? 'each',
      ...p,
    });
    actor[who] = toActor(u);
    token[who] = (await tokens.create(u.id, 'notify test')).token;
  }
  services.door.start();
  services.mailWorker?.start();
  return {
    db,
    smtp,
    services,
    users,
    base,
    actor,
    email,
    token,
    async api(who, method, path, body) {
      const res = await fetch(base + path, {
        method,
        headers: {
          authorization: `Bearer ${token[who]}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async close() {
      await services.mailWorker?.stop();
      await services.door.stop();
      await closeServer(server);
      await smtp.stop();
      await db.close();
    },
  };
}
