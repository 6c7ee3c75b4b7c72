// The built app is killed (SIGKILL) between a step and its e-mail, at three points: before the notifications
// subscriber's effect, with the e-mail in the outbox not yet claimed, and while the SMTP server holds the message.
// After each restart: the e-mails of the first two arrive exactly once; the third, whose fate is unknown, is marked
// interrupted and not sent again by itself (never twice), until an admin sends it again.
import type { Connection } from 'mongoose';
import { identityStores } from '../../../src/storage/users';
import { NOTIFICATIONS_COLLECTION } from '../../../src/storage/notification-stores';
import { OUTBOX_COLLECTION } from '../../../src/storage/outbox-store';
import { createTokenService } from '../../../src/users/tokens';
import { createUserService } from '../../../src/users/service';
import { openTestDb, testDbSettings, type TestDb } from '../../support/db';
import { chiangMaiSejong } from '../../support/fixtures';
import { exited, startApp, waitFor, type AppProcess } from '../../support/processes';
import { startSmtp, type TestSmtp } from '../../support/smtp';

const story = chiangMaiSejong();
let db: TestDb;
let smtp: TestSmtp;
let app: AppProcess | undefined;
const token = { cm: '', moi: '', admin: '' };
const MFA = 'mfa-kill@example.org';
const MOI = 'moi-kill@example.org';

beforeAll(async () => {
  db = await openTestDb('notifykill');
  smtp = await startSmtp();
  const users = createUserService(identityStores(db.connection));
  const tokens = createTokenService(identityStores(db.connection), users);
  const make = async (username: string, o: object) =>
    users.createUser({ username, displayName: username, password: 'correct horse battery', ...o } as never);
  const cm = await make('kill-cm', {
    role: 'secretary',
    province: 'chiang-mai',
    email: 'cm-kill@example.org',
  });
  const moi = await make('kill-moi', { role: 'moi', email: MOI });
  await make('kill-mfa', { role: 'mfa', email: MFA, locale: 'en' });
  const admin = await make('kill-admin', { role: 'admin' });
  token.cm = (await tokens.create(cm.id, 'kill')).token;
  token.moi = (await tokens.create(moi.id, 'kill')).token;
  token.admin = (await tokens.create(admin.id, 'kill')).token;
});

afterAll(async () => {
  await kill();
  smtp.hold = false;
  await smtp.stop();
  await db.close();
});

async function start(hold: 'none' | 'subscriber' | 'worker'): Promise<void> {
  const { uri, maxPoolSize } = testDbSettings();
  app = await startApp({
    MONGODB_URI: uri,
    MOU_DB_NAME: db.dbName,
    ...(maxPoolSize ? { MONGODB_MAX_POOL_SIZE: String(maxPoolSize) } : {}),
    MOU_DRAFTING_GATE: 'false',
    SESSION_SECRET: 'k'.repeat(40),
    MOU_SMTP_URL: smtp.url,
    MOU_PUBLIC_URL: 'https://mou.example.org',
    MOU_NOTIFY_HOLD: hold,
    // The killed app's leases run out within a second; the restarted one then catches up.
    MOU_DOOR_LEASE_SECONDS: '1',
    MOU_DOOR_POLL_SECONDS: '0.2',
    MOU_MAIL_POLL_SECONDS: '0.1',
    MOU_MAIL_RETRY_SECONDS: '0.1',
  });
}

async function kill(): Promise<void> {
  if (!app) return;
  app.child.kill('SIGKILL');
  await exited(app.child);
  app = undefined;
}

async function call(who: keyof typeof token, method: string, path: string, body?: unknown) {
  if (!app) throw new Error('the app is not running');
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Chiang Mai's draft taken to MFA over the API: the last step lands on MFA (and the one before on MOI). */
async function toMfa(): Promise<string> {
  const created = await call('cm', 'POST', '/api/v1/agreements', {
    province: 'chiang-mai',
    content: story.draft1,
  });
  expect(created.status).toBe(201);
  const id = String(created.body.id);
  let rev = Number(created.body.rev);
  const steps: [keyof typeof token, unknown][] = [
    ['cm', { type: 'SUBMIT_TO_COMMITTEE' }],
    [
      'cm',
      {
        type: 'RECORD_RESOLUTION',
        resolution: {
          meeting: '1/2565',
          date: '2022-03-14',
          outcome: 'approved',
          text: story.committee.resolution,
        },
      },
    ],
    ['cm', { type: 'SUBMIT_TO_MOI' }],
    ['moi', { type: 'FORWARD_TO_MFA' }],
  ];
  for (const [who, event] of steps) {
    const r = await call(who, 'POST', `/api/v1/agreements/${id}/events`, { event, expectedRev: rev });
    expect(r.status).toBe(200);
    rev = Number(r.body.rev);
  }
  return id;
}

const conn = (): Connection => db.connection;
const outbox = (id: string) =>
  conn()
    .db!.collection(OUTBOX_COLLECTION)
    .find({ _id: { $regex: `^${id}:` } as never })
    .toArray();
const forwarded = (id: string) => smtp.to(MFA).filter((m) => m.text.includes(`/agreements/${id}`));
const soon = async (cond: () => boolean | Promise<boolean>) =>
  expect(await waitFor(cond, 30_000, 50)).toBe(true);

describe('e-mail across a crash of the app', () => {
  it('killed before the subscriber wrote anything: after the restart each e-mail is sent once', async () => {
    await start('subscriber');
    const id = await toMfa();
    // The steps are committed and answered; the subscriber holds before its effect: kill it there.
    await new Promise((r) => setTimeout(r, 500));
    expect(await conn().db!.collection(NOTIFICATIONS_COLLECTION).countDocuments({ agreementId: id })).toBe(0);
    await kill();

    await start('none');
    await soon(() => forwarded(id).length === 1 && smtp.to(MOI).some((m) => m.text.includes(id)));
    await new Promise((r) => setTimeout(r, 1_000));
    expect(forwarded(id)).toHaveLength(1);
    expect(smtp.to(MOI).filter((m) => m.text.includes(id))).toHaveLength(1);
    expect(forwarded(id)[0]?.text).toContain(`https://mou.example.org/agreements/${id}`);
    expect((await outbox(id)).map((i) => i.status)).toEqual(['sent', 'sent']);
    await kill();
  });

  it('killed with the e-mail in the outbox, not yet claimed: sent once after the restart', async () => {
    await start('worker');
    const id = await toMfa();
    await soon(async () => (await outbox(id)).length === 2);
    expect((await outbox(id)).map((i) => i.status)).toEqual(['waiting', 'waiting']);
    expect(forwarded(id)).toHaveLength(0);
    await kill();

    await start('none');
    await soon(() => forwarded(id).length === 1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(forwarded(id)).toHaveLength(1);
    expect(smtp.to(MOI).filter((m) => m.text.includes(id))).toHaveLength(1);
    expect((await outbox(id)).map((i) => [i.status, i.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    await kill();
  });

  it('killed while the SMTP server holds the message: interrupted, never sent twice, sent again by an admin', async () => {
    await start('none');
    smtp.hold = true;
    const id = await toMfa();
    await soon(async () => (await outbox(id)).some((i) => i.status === 'sending') && smtp.held > 0);
    await kill();
    smtp.hold = false;

    await start('none');
    await soon(async () => (await outbox(id)).some((i) => i.status === 'interrupted'));
    const sent = async () => (await outbox(id)).filter((i) => i.status === 'sent').length;
    await soon(async () => (await sent()) === 1);
    await new Promise((r) => setTimeout(r, 1_000));
    const [interrupted] = (await outbox(id)).filter((i) => i.status === 'interrupted');
    expect(interrupted).toBeDefined();
    // The admins see it; sending it again is their call.
    const list = await call('admin', 'GET', '/api/v1/notifications/outbox?status=interrupted');
    expect((list.body.items as { id: string }[]).map((i) => i.id)).toContain(interrupted?._id);
    const mails = () => smtp.mails.filter((m) => m.text.includes(`/agreements/${id}`));
    expect(mails()).toHaveLength(1);
    const again = await fetch(`${app?.url}/api/v1/notifications/outbox/${interrupted?._id}/requeue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.admin}` },
    });
    expect(again.status).toBe(204);
    await soon(() => mails().length === 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(mails()).toHaveLength(2);
    expect((await outbox(id)).map((i) => i.status)).toEqual(['sent', 'sent']);
    // Only a failed or interrupted one can be sent again.
    const twice = await fetch(`${app?.url}/api/v1/notifications/outbox/${interrupted?._id}/requeue`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.admin}`, 'accept-language': 'en' },
    });
    expect(twice.status).toBe(409);
    await kill();
  });
});
