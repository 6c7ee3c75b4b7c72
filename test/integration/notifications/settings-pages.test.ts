// E-mail addresses in the pages: a person sets their own address and choice on "E-mail settings"; an admin gives one
// when creating or editing a user; a bad address is refused with the form shown again and a message in Thai.
import type { Server } from 'node:http';
import { compose } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { identityStores } from '../../../src/storage/users';
import { createUserService, type UserService } from '../../../src/users/service';
import { openTestDb, type TestDb } from '../../support/db';
import { Client, PASSWORD } from '../http/support';

let db: TestDb;
let server: Server;
const app = { base: '', users: undefined as unknown as UserService };
beforeAll(async () => {
  db = await openTestDb('notifypages');
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
  const composed = await compose({ config, connection: db.connection, logger: createLogger('silent') });
  server = await listen(composed.app, 0, '127.0.0.1');
  const addr = server.address();
  app.base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  app.users = createUserService(identityStores(db.connection));
  for (const [username, role] of [
    ['root', 'admin'],
    ['reviewer', 'mfa'],
  ] as const)
    await app.users.createUser({ username, displayName: username, role, password: PASSWORD });
});
afterAll(async () => {
  await closeServer(server);
  await db.close();
});

it('a person sets their address and a daily digest; a bad address is refused in Thai and nothing changes', async () => {
  const c = new Client(app.base);
  await c.login('reviewer');
  const page = await c.get('/account/notifications');
  expect(page.status).toBe(200);
  const bad = await c.postForm('/account/notifications', {
    _csrf: await c.csrf('/account/notifications'),
    email: 'not an address',
    notify: 'daily',
  });
  expect(bad.status).toBe(422);
  const html = await bad.text();
  expect(html).toContain('value="not an address"');
  expect(html).toContain('ที่อยู่อีเมล');
  expect((await app.users.findByUsername('reviewer'))?.email).toBeUndefined();

  const ok = await c.postForm('/account/notifications', {
    _csrf: await c.csrf('/account/notifications'),
    email: 'anan@example.org',
    notify: 'daily',
  });
  expect(ok.status).toBe(303);
  const u = await app.users.findByUsername('reviewer');
  expect([u?.email, u?.notify]).toEqual(['anan@example.org', 'daily']);
  // Emptied: no more e-mail, the choice kept.
  await c.postForm('/account/notifications', {
    _csrf: await c.csrf('/account/notifications'),
    email: '',
    notify: 'daily',
  });
  expect((await app.users.findByUsername('reviewer'))?.email).toBeUndefined();
});

it('an admin gives an address when creating a user, and refuses a bad one', async () => {
  const c = new Client(app.base);
  await c.login('root');
  const post = async (form: Record<string, string>) =>
    c.postForm('/admin/users', { _csrf: await c.csrf('/admin/users'), ...form });
  const base = { displayName: 'MOI', role: 'moi', locale: 'th', password: 'long-enough-1' };
  const bad = await post({ ...base, username: 'moi-bad', email: 'moi@' });
  expect(bad.status).toBe(422);
  expect(await bad.text()).toContain('email');
  const ok = await post({ ...base, username: 'moi-ok', email: 'moi@example.org' });
  expect(ok.status).toBe(303);
  expect((await app.users.findByUsername('moi-ok'))?.email).toBe('moi@example.org');
});
