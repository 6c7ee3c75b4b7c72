// The end of a term tells the province, through the door's clock: Chiang Mai–Sejong signed 2021-03-01 for five
// years → its secretary is told once on 2025-09-02 (Bangkok) that it expires within 6 months, and once after
// 2026-03-01 that it has expired unrenewed; in the app and by e-mail, never another province's secretary.
import { clearedSejong, secretary, sejongSigning } from '../agreement-helpers';
import { movableClock } from '../../support/door';
import { waitFor } from '../../support/processes';
import { startNotifyApp, type NotifyApp } from './support';

const clock = movableClock('2021-02-20T03:00:00.000Z');
let n: NotifyApp;

beforeAll(async () => {
  n = await startNotifyApp({ clock });
});
afterAll(async () => n.close());

/** 10:00 in Bangkok on `day`. */
const setDay = (day: string) => clock.set(`${day}T03:00:00.000Z`);
const kinds = async (who: 'cm' | 'lampang' | 'moi') =>
  (await n.services.notifications.list(n.actor[who], { limit: 50, skip: 0 })).items
    .map((i) => i.kind)
    .filter((k) => k === 'expiring' || k === 'expired');
const termMails = (to: string) =>
  n.smtp
    .to(to)
    .filter((m) => /within 6 months|ภายใน 6 เดือน|ครบวาระแล้ว|has ended/.test(`${m.subject}\n${m.text}`));
/** Lets the door read the clock a few times. */
const ticks = () => new Promise((r) => setTimeout(r, 400));

it('tells the province once when the last six months begin, and once when the term has run out', async () => {
  const { agreements } = n.services;
  const cleared = await clearedSejong(agreements);
  const agreed = await agreements.send(secretary, cleared.id, cleared.rev, { type: 'AGREE_FINAL_TEXT' });
  setDay('2021-03-01');
  const signed = await agreements.send(secretary, cleared.id, agreed.rev, {
    type: 'RECORD_SIGNING',
    signing: { ...sejongSigning, date: '2021-03-01' },
  });
  expect(signed.term?.expiresOn).toBe('2026-03-01');
  await ticks();

  // 1 September 2025 (Bangkok): not yet.
  setDay('2025-09-01');
  await ticks();
  expect(await kinds('cm')).toEqual([]);

  // 2 September 2025: "expires within 6 months", once, to Chiang Mai's secretary only, in the app and by e-mail.
  setDay('2025-09-02');
  expect(await waitFor(async () => (await kinds('cm')).length > 0, 20_000, 25)).toBe(true);
  expect(await waitFor(() => termMails(n.email.cm).length > 0, 20_000, 25)).toBe(true);
  clock.move(3_600_000);
  await ticks();
  expect(await kinds('cm')).toEqual(['expiring']);
  expect(termMails(n.email.cm)).toHaveLength(1);
  expect(termMails(n.email.cm)[0]?.text).toContain(`/agreements/${signed.id}`);
  expect(await kinds('lampang')).toEqual([]);
  expect(termMails(n.email.lampang)).toHaveLength(0);

  // 2 March 2026: the term ran out on 1 March and nobody renewed it.
  setDay('2026-03-02');
  expect(await waitFor(async () => (await kinds('cm')).includes('expired'), 20_000, 25)).toBe(true);
  clock.move(3_600_000);
  await ticks();
  expect((await kinds('cm')).sort()).toEqual(['expired', 'expiring']);
  expect(termMails(n.email.cm)).toHaveLength(2);
  expect(await kinds('lampang')).toEqual([]);
});
