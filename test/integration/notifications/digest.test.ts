// The daily digest with an injected clock: a person who chose it gets one e-mail a day (after 08:00 Bangkok) listing
// the agreements waiting for them that are overdue — only those they may see — and what landed on them since; the
// overdue time event itself e-mails a person who chose every event.
import { TO_MFA } from '../agreement-helpers';
import type { Actor } from '../../../src/domain';
import type { AgreementEvent } from '../../../workflows';
import { movableClock } from '../../support/door';
import { chiangMaiSejong } from '../../support/fixtures';
import { waitFor } from '../../support/processes';
import { startNotifyApp, type NotifyApp } from './support';

const story = chiangMaiSejong();
const DAY = 86_400_000;
// 07:00 in Bangkok: before the digest hour.
const T0 = '2026-03-01T00:00:00.000Z';
const clock = movableClock(T0);
let n: NotifyApp;

beforeAll(async () => {
  n = await startNotifyApp({
    clock,
    env: { MOU_NOTIFY_MAX_AGE_DAYS: '30' },
    choice: { mfaEn: 'daily', cm: 'daily', lampang: 'daily', mfaTh: 'each' },
  });
});
afterAll(async () => n.close());

const soon = async (cond: () => boolean | Promise<boolean>) =>
  expect(await waitFor(cond, 20_000, 25)).toBe(true);
const digests = (to: string) => n.smtp.to(to).filter((m) => /Daily digest|สรุปประจำวัน/.test(m.subject));

it("lists each person's overdue agreements once a day, only those they may see", async () => {
  const { agreements } = n.services;
  // Chiang Mai's draft reaches MFA; Lampang's waits for its committee. Both on 1 March.
  let a = await agreements.createDraft(n.actor.cm, { province: 'chiang-mai', content: story.draft1 });
  for (const [who, event] of TO_MFA)
    a = await agreements.send(
      who.role === 'moi' ? n.actor.moi : n.actor.cm,
      a.id,
      a.rev,
      event as AgreementEvent,
    );
  const lampangActor: Actor = n.actor.lampang;
  let b = await agreements.createDraft(lampangActor, { province: 'lampang', content: story.draft1 });
  b = await agreements.send(lampangActor, b.id, b.rev, { type: 'SUBMIT_TO_COMMITTEE' });
  // Let the door read the clock once at 1 March (a new subscriber's time events start from then).
  await new Promise((r) => setTimeout(r, 300));
  expect(digests(n.email.mfaEn)).toHaveLength(0);

  // 40 days on, 07:00 in Bangkok: both are overdue (limit 30 days); the door's overdue events land on people.
  clock.set(new Date(Date.parse(T0) + 40 * DAY).toISOString());
  await soon(async () =>
    (await n.services.notifications.list(n.actor.mfaEn, { limit: 5, skip: 0 })).items.some(
      (i) => i.kind === 'overdue',
    ),
  );
  expect(digests(n.email.mfaEn)).toHaveLength(0);
  // 09:30: the digests.
  clock.move(2.5 * 3_600_000);
  await soon(() => digests(n.email.mfaEn).length === 1 && digests(n.email.lampang).length === 1);
  await soon(() => digests(n.email.cm).length === 1);

  const [mfa] = digests(n.email.mfaEn);
  expect(mfa?.subject).toBe('[MOU Engine] Daily digest 2026-04-10: 1 overdue');
  expect(mfa?.text).toContain(`- ${story.draft1.title.en} — MFA review, 40 days in the step (limit 30)`);
  expect(mfa?.text).toContain(`${n.base}/agreements/${a.id}`);
  expect(mfa?.text).not.toContain(b.id);
  // The overdue event landed on the reviewer today: the digest says so too.
  expect(mfa?.text).toMatch(
    /What landed on you since the last digest:\r?\n- .*Overdue: it has waited longer/,
  );
  expect(mfa?.html).toContain(`<a href="${n.base}/agreements/${a.id}">`);

  const [lampang] = digests(n.email.lampang);
  expect(lampang?.subject).toBe('[MOU Engine] สรุปประจำวันที่ 2026-04-10: เกินกำหนด 1 เรื่อง');
  expect(lampang?.text).toContain('คณะกรรมการจังหวัดพิจารณา, อยู่ในขั้นตอนนี้ 40 วัน (กำหนด 30 วัน)');
  expect(lampang?.text).toContain(`/agreements/${b.id}`);
  expect(lampang?.text).not.toContain(a.id);

  // Chiang Mai's secretary has nothing overdue waiting for her (her agreement waits for MFA).
  expect(digests(n.email.cm)[0]?.text).toContain('ไม่มีเรื่องที่รอท่านเกินกำหนด');

  // The reviewer who chose every event got the overdue event itself, and no digest.
  await soon(() => n.smtp.to(n.email.mfaTh).some((m) => m.subject.includes('เกินกำหนด')));
  expect(digests(n.email.mfaTh)).toHaveLength(0);

  // Later the same day: no second digest. The next morning: the next one.
  clock.move(3 * 3_600_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(digests(n.email.mfaEn)).toHaveLength(1);
  clock.move(21 * 3_600_000);
  await soon(() => digests(n.email.mfaEn).length === 2);
  expect(digests(n.email.mfaEn)[1]?.text).toContain('41 days in the step (limit 30)');
  // The one who chose every event never gets one.
  expect(digests(n.email.mfaTh)).toHaveLength(0);
});
