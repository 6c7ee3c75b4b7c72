// In-app notifications through the API: the bell count rises when a step lands on a person and falls when they read
// it; comments tell the province, answers tell the comment's author; a delivery again (the door's positions lost)
// changes nothing; the unsubscribe link works without signing in and a forged one is refused in the reader's language.
import type { CommandStartedEvent } from 'mongodb';
import { TO_MFA } from '../agreement-helpers';
import type { Actor } from '../../../src/domain';
import { NOTIFICATIONS_COLLECTION } from '../../../src/storage/notification-stores';
import { POSITIONS_COLLECTION } from '../../../src/storage/door-stores';
import type { AgreementEvent } from '../../../workflows';
import { chiangMaiSejong } from '../../support/fixtures';
import { waitFor } from '../../support/processes';
import { startNotifyApp, type NotifyApp, type Person } from './support';

const story = chiangMaiSejong();
let n: NotifyApp;

const commands: CommandStartedEvent[] = [];
beforeAll(async () => {
  n = await startNotifyApp({ onCommand: (e) => commands.push(e) });
});
afterAll(async () => n.close());

const soon = async (cond: () => boolean | Promise<boolean>) =>
  expect(await waitFor(cond, 20_000, 25)).toBe(true);
const unread = async (who: Person) =>
  ((await n.api(who, 'GET', '/api/v1/notifications/unread')).body as { unread: number }).unread;
interface Item {
  id: string;
  kind: string;
  agreementId: string;
  agreement: string;
  what: { th: string; en: string };
  read: boolean;
  title: { th: string; en: string };
}
const list = async (who: Person) =>
  (await n.api(who, 'GET', '/api/v1/notifications')).body as { unread: number; items: Item[] };

let id = '';

describe('in-app notifications', () => {
  it('the bell rises when MOI forwards the draft to MFA, for each reviewer only, and falls when read', async () => {
    const { agreements } = n.services;
    let a = await agreements.createDraft(n.actor.cm, { province: 'chiang-mai', content: story.draft1 });
    for (const [who, event] of TO_MFA) {
      const as: Actor = who.role === 'moi' ? n.actor.moi : n.actor.cm;
      a = await agreements.send(as, a.id, a.rev, event as AgreementEvent);
    }
    id = a.id;
    await soon(async () => (await unread('mfaEn')) === 1 && (await unread('mfaTh')) === 1);
    const l = await list('mfaEn');
    expect(l.items).toHaveLength(1);
    expect(l.items[0]).toMatchObject({
      kind: 'waiting',
      agreementId: id,
      agreement: `/api/v1/agreements/${id}`,
      read: false,
      title: story.draft1.title,
      what: {
        en: 'Forward to MFA: it now waits for you (MFA review)',
        th: 'ส่งกระทรวงการต่างประเทศ: ขณะนี้รอท่านดำเนินการ (ต่างประเทศพิจารณา)',
      },
    });
    // MOI was told once (SUBMIT_TO_MOI); the secretary took her own steps; Lampang's secretary may not see it.
    expect(await unread('moi')).toBe(1);
    expect(await unread('cm')).toBe(0);
    expect(await unread('lampang')).toBe(0);
    expect(await unread('admin')).toBe(0);

    const r = await n.api('mfaEn', 'POST', `/api/v1/notifications/${l.items[0]?.id}/read`);
    expect(r).toEqual({ status: 200, body: { unread: 0 } });
    // Every change request answered is counted out again (notifications wait for none in flight).
    expect(n.services.activity.inFlight()).toBe(0);
    expect((await list('mfaEn')).items[0]?.read).toBe(true);
    // Another person's notification is not found by its id, and stays unread.
    const theirs = (await list('mfaTh')).items[0]?.id ?? '';
    const other = await n.api('mfaEn', 'POST', `/api/v1/notifications/${theirs}/read`);
    expect(other.status).toBe(404);
    expect(await unread('mfaTh')).toBe(1);
    // Bad input: a clear 422 in the caller's language.
    const bad = await n.api('mfaEn', 'GET', '/api/v1/notifications?limit=1000');
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/limit/);
  });

  it('a comment tells the province; its answer tells the comment author, not the other reviewer', async () => {
    const { agreements } = n.services;
    let a = await agreements.get(n.actor.mfaEn, id);
    a = await agreements.addComment(n.actor.mfaEn, id, a.rev, {
      anchor: { kind: 'document' },
      text: { th: 'ข้อสังเกต', en: 'A comment' },
    });
    a = await agreements.send(n.actor.mfaEn, id, a.rev, { type: 'RETURN_WITH_COMMENTS' });
    await soon(async () => (await list('cm')).items.some((i) => i.kind === 'comment'));
    const comment = a.comments.at(-1);
    a = await agreements.answerComment(n.actor.cm, id, a.rev, comment?.id ?? '', {
      status: 'accepted',
      response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
    });
    await soon(async () => (await list('mfaEn')).items.some((i) => i.kind === 'answer'));
    expect((await list('mfaTh')).items.map((i) => i.kind)).not.toContain('answer');
    expect((await list('lampang')).items).toEqual([]);
  });

  it('delivered again (positions lost, the door catches up): no new notification, a read one stays read', async () => {
    await soon(async () => (await n.db.connection.db!.collection(POSITIONS_COLLECTION).countDocuments()) > 0);
    const stored = await n.db.connection.db!.collection(NOTIFICATIONS_COLLECTION).countDocuments();
    const before = { mfaEn: await unread('mfaEn'), mfaTh: await unread('mfaTh'), cm: await unread('cm') };
    await n.services.door.stop();
    await n.db.connection.db!.collection(POSITIONS_COLLECTION).deleteMany({ consumer: 'notifications' });
    n.services.door.start();
    await soon(async () => (await n.db.connection.db!.collection(POSITIONS_COLLECTION).countDocuments()) > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(await n.db.connection.db!.collection(NOTIFICATIONS_COLLECTION).countDocuments()).toBe(stored);
    expect({ mfaEn: await unread('mfaEn'), mfaTh: await unread('mfaTh'), cm: await unread('cm') }).toEqual(
      before,
    );
  });

  it('a crash between storing a notification and counting it: the list shows the count made again', async () => {
    const notes = n.db.connection.db!.collection(NOTIFICATIONS_COLLECTION);
    const before = await unread('mfaEn');
    const [latest] = (await list('mfaEn')).items;
    if (!latest) throw new Error('mfaEn has no notifications');
    const stored = await notes.findOne({ _id: latest.id as never });
    // As the crash leaves it: the notification stored, the count not told.
    const eventId = `${latest.agreementId}:crash-test`;
    const userId = n.actor.mfaEn.userId;
    await notes.insertOne({
      ...stored,
      _id: `${eventId}@${userId}` as never,
      eventId,
      read: false,
      createdAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(await unread('mfaEn')).toBe(before); // the bell reads the kept count
    const l = await list('mfaEn');
    expect(l.items[0]?.id).toBe(`${eventId}@${userId}`);
    expect(l.unread).toBe(before + 1);
    expect(await unread('mfaEn')).toBe(before + 1); // made again, and kept

    // With the count right, the list does not count again: no read of the notifications by anything but the page.
    commands.length = 0;
    expect((await list('mfaEn')).unread).toBe(before + 1);
    const filters = commands
      .filter((e) => e.commandName === 'find' && e.command.find === NOTIFICATIONS_COLLECTION)
      .map((e) =>
        Object.keys((e.command.filter ?? {}) as object)
          .sort()
          .join(','),
      );
    expect(filters).toEqual(['userId']);
  });

  it('the unsubscribe link needs no sign-in; a forged one is refused with a message', async () => {
    const mail = n.smtp.to(n.email.mfaTh)[0];
    const url =
      /(http:\/\/\S+\/notifications\/unsubscribe\?u=\w+&t=[\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';
    expect(url).not.toBe('');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(n.email.mfaTh);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const q = new URL(url).searchParams;
    const forged = await fetch(url.replace(/t=[\w-]+/, 't=' + 'A'.repeat(43)));
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain('ลิงก์ยกเลิกการรับอีเมลนี้ไม่ถูกต้อง');
    const done = await fetch(new URL('/notifications/unsubscribe', url), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, u: q.get('u') ?? '', t: q.get('t') ?? '' }).toString(),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('จะไม่มีอีเมลส่งถึงท่านอีก');
    expect((await n.users.findById(n.actor.mfaTh.userId))?.notify).toBe('none');
    // Another person's id with this token: refused.
    const other = await fetch(url.replace(/u=\w+/, `u=${n.actor.mfaEn.userId}`));
    expect(other.status).toBe(404);
  });
});
