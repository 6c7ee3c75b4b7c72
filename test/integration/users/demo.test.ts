// Demo users: one of each role (two provinces' secretaries), created once, safe to call on every start.
import { identityStores } from '../../../src/storage/users';
import { createDemoUsers } from '../../../src/users/demo';
import { createUserService } from '../../../src/users/service';
import { openTestDb, type TestDb } from '../../support/db';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('demo');
});
afterAll(async () => db.close());

it('creates the five demo users once, and each can sign in with the printed password', async () => {
  const logins = await createDemoUsers(createUserService(identityStores(db.connection)));
  expect(logins.map((l) => l.username)).toEqual([
    'cm-secretary',
    'bkk-secretary',
    'moi-officer',
    'mfa-reviewer',
    'admin',
  ]);
  await createDemoUsers(createUserService(identityStores(db.connection)));
  const users = createUserService(identityStores(db.connection));
  expect(await users.count()).toBe(5);
  const all = await users.list();
  expect(all.map((u) => [u.username, u.role, u.province ?? null])).toEqual([
    ['admin', 'admin', null],
    ['bkk-secretary', 'secretary', 'bangkok'],
    ['cm-secretary', 'secretary', 'chiang-mai'],
    ['mfa-reviewer', 'mfa', null],
    ['moi-officer', 'moi', null],
  ]);
  for (const l of logins)
    expect((await users.verifyLogin(l.username, l.password))?.username).toBe(l.username);
});

it('gives every demo user an address at example.org, e-mailed for every event', async () => {
  const users = createUserService(identityStores(db.connection));
  await createDemoUsers(users);
  for (const u of await users.list()) {
    expect(u.email).toBe(`${u.username}@example.org`);
    expect(u.notify).toBe('each');
  }
});
