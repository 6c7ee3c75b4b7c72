// A person's e-mail address and notification choice: validated with a message in Thai and English, removable.
import { isDomainError } from '../../../src/domain/errors';
import { identityStores } from '../../../src/storage/users';
import { createUserService } from '../../../src/users/service';
import { openTestDb, type TestDb } from '../../support/db';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('emailaddr');
});
afterAll(async () => db.close());

const base = { displayName: 'MFA', role: 'mfa', password: 'correct horse battery' } as const;

it('refuses an address that is not one, naming the field in both languages', async () => {
  const users = createUserService(identityStores(db.connection));
  for (const email of [
    'not-an-address',
    'a@',
    '@example.org',
    'a b@example.org',
    `${'x'.repeat(250)}@example.org`,
  ]) {
    const e: unknown = await users
      .createUser({ ...base, username: 'bad-mail', email })
      .catch((x: unknown) => x);
    expect(isDomainError(e) && e.code).toBe('validation-failed');
    if (!isDomainError(e)) continue;
    expect(e.issues[0]?.path).toBe('email');
    expect(e.issues[0]?.message.th).toMatch(/[\u0E00-\u0E7F]/);
    expect(e.issues[0]?.message.en.length).toBeGreaterThan(3);
  }
  expect(await users.findByUsername('bad-mail')).toBeUndefined();
});

it('keeps a valid address (trimmed) and the choice, changes and removes them', async () => {
  const users = createUserService(identityStores(db.connection));
  const u = await users.createUser({ ...base, username: 'mail-ok', email: '  anan@example.org ' });
  expect([u.email, u.notify]).toEqual(['anan@example.org', 'each']);
  const daily = await users.update(u.id, { notify: 'daily', email: 'anan.c@example.org' });
  expect([daily.email, daily.notify]).toEqual(['anan.c@example.org', 'daily']);
  const bad: unknown = await users.update(u.id, { notify: 'hourly' as never }).catch((x: unknown) => x);
  expect(isDomainError(bad) && bad.code).toBe('validation-failed');
  const none = await users.update(u.id, { email: null });
  expect(none.email).toBeUndefined();
  expect((await users.findById(u.id))?.notify).toBe('daily');
});
