// The built app is killed (SIGKILL) with a committed entry not yet delivered, and again after a subscriber's effect
// but before its position moved: after each restart the subscriber gets the entry again, and its effect is once.
// The subscriber is the test-only probe (MOU_DOOR_PROBE), which waits forever at the point the test kills it.
import { identityStores } from '../../../src/storage/users';
import type { Connection } from 'mongoose';
import { POSITIONS_COLLECTION } from '../../../src/storage/door-stores';
import { createTokenService } from '../../../src/users/tokens';
import { createUserService } from '../../../src/users/service';
import { openTestDb, testDbSettings, type TestDb } from '../../support/db';
import { chiangMaiSejong } from '../../support/fixtures';
import { exited, startApp, waitFor, type AppProcess } from '../../support/processes';

const story = chiangMaiSejong();
let db: TestDb;
let token = '';
let app: AppProcess | undefined;

beforeAll(async () => {
  db = await openTestDb('doorkill');
  const users = createUserService(identityStores(db.connection));
  const u = await users.createUser({
    username: 'door-secretary',
    displayName: 'secretary',
    password: 'correct horse battery',
    role: 'secretary',
    province: 'chiang-mai',
  });
  token = (await createTokenService(identityStores(db.connection), users).create(u.id, 'door')).token;
});

afterAll(async () => {
  if (app) {
    app.child.kill('SIGTERM');
    await exited(app.child);
  }
  await db.close();
});

/** The app on the test database (not its own embedded one), so this test can read the probe's records meanwhile. */
async function start(hold: 'none' | 'before' | 'after'): Promise<void> {
  const { uri, maxPoolSize } = testDbSettings();
  app = await startApp({
    MONGODB_URI: uri,
    MOU_DB_NAME: db.dbName,
    ...(maxPoolSize ? { MONGODB_MAX_POOL_SIZE: String(maxPoolSize) } : {}),
    MOU_DRAFTING_GATE: 'false',
    MOU_DOOR_PROBE: 'probe',
    MOU_DOOR_PROBE_HOLD: hold,
    // The killed app's lease runs out within a second; the restarted one then catches up.
    MOU_DOOR_LEASE_SECONDS: '1',
    MOU_DOOR_POLL_SECONDS: '0.2',
  });
}

async function kill(): Promise<void> {
  if (!app) return;
  app.child.kill('SIGKILL');
  await exited(app.child);
  app = undefined;
}

async function call(method: string, path: string, body?: unknown) {
  if (!app) throw new Error('the app is not running');
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const conn = (): Connection => db.connection;
const attempts = (eventId: string) => conn().db!.collection('probe_attempts').countDocuments({ eventId });
const effects = (eventId: string) =>
  conn()
    .db!.collection('probe')
    .countDocuments({ _id: eventId as never });
const position = async (agreementId: string) => {
  const p = await conn()
    .db!.collection(POSITIONS_COLLECTION)
    .findOne({ _id: `probe:${agreementId}` as never });
  return p ? { seq: p.seq as number, rev: p.rev as number } : undefined;
};
const soon = async (cond: () => Promise<boolean>) => expect(await waitFor(cond, 30_000, 100)).toBe(true);

async function createAgreement(): Promise<string> {
  const r = await call('POST', '/api/v1/agreements', { province: 'chiang-mai', content: story.draft1 });
  expect(r.status).toBe(201);
  return String(r.body.id);
}

describe('the door out across a crash of the app', () => {
  it('killed between the commit and the delivery: after restart the entry is delivered, its effect once', async () => {
    await start('before');
    const id = await createAgreement();
    // The write is committed and answered; the probe was called and waits before its effect: kill it there.
    await soon(async () => (await attempts(`${id}:0`)) === 1);
    expect(await effects(`${id}:0`)).toBe(0);
    expect(await position(id)).toBeUndefined();
    await kill();

    await start('none');
    await soon(async () => (await position(id))?.seq === 0);
    expect(await attempts(`${id}:0`)).toBe(2);
    expect(await effects(`${id}:0`)).toBe(1);

    // And the app delivers on as usual: the next step once.
    const r = await call('POST', `/api/v1/agreements/${id}/events`, {
      event: { type: 'SUBMIT_TO_COMMITTEE' },
      expectedRev: 0,
    });
    expect(r.status).toBe(200);
    await soon(async () => (await position(id))?.seq === 1);
    expect(await position(id)).toEqual({ seq: 1, rev: Number(r.body.rev) });
    expect([await attempts(`${id}:1`), await effects(`${id}:1`), await attempts(`${id}:0`)]).toEqual([
      1, 1, 2,
    ]);
    await kill();
  });

  it("killed after the subscriber's effect, before its position moved: redelivered, the effect still once", async () => {
    await start('after');
    const id = await createAgreement();
    await soon(async () => (await effects(`${id}:0`)) === 1);
    expect(await position(id)).toBeUndefined();
    await kill();

    await start('none');
    await soon(async () => (await position(id))?.seq === 0);
    expect(await attempts(`${id}:0`)).toBe(2);
    expect(await effects(`${id}:0`)).toBe(1);
  });
});
