// E-mail against a real SMTP server (smtp-server) with MOU_SMTP_URL pointing at it: MOI forwards a draft and each MFA
// reviewer gets one e-mail in their language with the agreement's link, the other province's secretary none; with
// the server down for a while the e-mails arrive once it is back, each exactly once.
import { TO_MFA } from '../agreement-helpers';
import type { Actor } from '../../../src/domain';
import type { AgreementEvent } from '../../../workflows';
import { chiangMaiSejong } from '../../support/fixtures';
import { waitFor } from '../../support/processes';
import { startNotifyApp, type NotifyApp } from './support';

const story = chiangMaiSejong();
let n: NotifyApp;

beforeAll(async () => {
  n = await startNotifyApp();
});
afterAll(async () => n.close());

const soon = async (cond: () => boolean | Promise<boolean>) =>
  expect(await waitFor(cond, 20_000, 25)).toBe(true);

/** Chiang Mai's draft taken to MFA by its secretary and MOI (TO_MFA's steps, as the real people of this app). */
async function forwardedDraft(): Promise<string> {
  const { agreements } = n.services;
  let a = await agreements.createDraft(n.actor.cm, { province: 'chiang-mai', content: story.draft1 });
  for (const [who, event] of TO_MFA) {
    const as: Actor = who.role === 'moi' ? n.actor.moi : n.actor.cm;
    a = await agreements.send(as, a.id, a.rev, event as AgreementEvent);
  }
  return a.id;
}

const forwarded = (id: string) => (m: { text: string }) =>
  m.text.includes(`/agreements/${id}`) && /Forward to MFA|ส่งกระทรวงการต่างประเทศ/.test(m.text);

describe('e-mail when a step lands on people', () => {
  it('MOI forwards a draft: each MFA reviewer gets one e-mail in their language with the link; Lampang none', async () => {
    const id = await forwardedDraft();
    const link = `${n.base}/agreements/${id}`;
    await soon(() => n.smtp.to(n.email.mfaEn).length > 0 && n.smtp.to(n.email.mfaTh).length > 0);

    const [en] = n.smtp.to(n.email.mfaEn);
    expect(n.smtp.to(n.email.mfaEn)).toHaveLength(1);
    expect(en?.subject).toBe(
      `[MOU Engine] ${story.draft1.title.en}: Forward to MFA: it now waits for you (MFA review)`,
    );
    expect(en?.text).toContain(`Agreement: ${story.draft1.title.en}`);
    expect(en?.text).toContain('Step: MFA review');
    expect(en?.text).toContain(`Open the agreement: ${link}`);
    expect(en?.html).toContain(`<a href="${link}">Open the agreement</a>`);
    expect(en?.html).toContain('<html lang="en">');

    const [th] = n.smtp.to(n.email.mfaTh);
    expect(n.smtp.to(n.email.mfaTh)).toHaveLength(1);
    expect(th?.subject).toBe(
      `[MOU Engine] ${story.draft1.title.th}: ส่งกระทรวงการต่างประเทศ: ขณะนี้รอท่านดำเนินการ (ต่างประเทศพิจารณา)`,
    );
    expect(th?.text).toContain(`ความตกลง: ${story.draft1.title.th}`);
    expect(th?.text).toContain(`เปิดความตกลง: ${link}`);
    expect(th?.html).toContain('<html lang="th">');

    // The title and the step, never the draft's text.
    for (const m of [en, th]) {
      for (const article of story.draft1.articles.slice(0, 3)) {
        expect(m?.text).not.toContain(article.text.en.slice(0, 40));
        expect(m?.text).not.toContain(article.text.th.slice(0, 40));
        expect(m?.html).not.toContain(article.text.en.slice(0, 40));
      }
      // An unsubscribe link in the text, the HTML and the header.
      expect(m?.text).toMatch(/\/notifications\/unsubscribe\?u=[0-9a-f]{24}&t=[\w-]{43}/);
      expect(m?.headers.get('list-unsubscribe')).toMatch(
        /^<http:\/\/127\.0\.0\.1:\d+\/notifications\/unsubscribe/,
      );
    }

    // MOI was told when the province submitted it to MOI; Chiang Mai's own secretary took every step of hers.
    expect(n.smtp.to(n.email.moi).filter((m) => m.text.includes(`/agreements/${id}`))).toHaveLength(1);
    // The other province's secretary may not see the agreement: she is never told, by e-mail or in the app.
    expect(n.smtp.to(n.email.lampang)).toHaveLength(0);
    expect(await n.services.notifications.unreadCount(n.actor.lampang)).toBe(0);
    expect(n.smtp.to(n.email.admin)).toHaveLength(0);

    // Rounds of the worker and polls of the door later, still one each.
    await new Promise((r) => setTimeout(r, 400));
    expect(n.smtp.to(n.email.mfaEn).filter(forwarded(id))).toHaveLength(1);
    expect(n.smtp.to(n.email.mfaTh).filter(forwarded(id))).toHaveLength(1);
    const outbox = await n.services.notifications.outbox(n.actor.admin, { limit: 50, skip: 0 });
    expect(outbox.items.filter((i) => i.id.startsWith(`${id}:`)).map((i) => i.status)).toEqual(
      expect.arrayContaining(['sent', 'sent', 'sent']),
    );
    expect(outbox.counts.waiting + outbox.counts.sending + outbox.counts.failed).toBe(0);
  });

  it('SMTP down for a while: nothing is lost, and once it is back each e-mail arrives exactly once', async () => {
    await n.smtp.stop();
    const before = n.smtp.mails.length;
    const id = await forwardedDraft();
    // The worker tries, fails, and keeps them waiting with the error for admins to see.
    await soon(async () => {
      const o = await n.services.notifications.outbox(n.actor.admin, {
        status: 'waiting',
        limit: 50,
        skip: 0,
      });
      return o.items.some(
        (i) => i.id.startsWith(`${id}:`) && i.attempts >= 2 && /ECONNREFUSED/.test(i.lastError ?? ''),
      );
    });
    expect(n.smtp.mails.length).toBe(before);

    await n.smtp.start();
    // Each e-mail waits out its own backoff: wait for all three, then a while longer for any second copy.
    await soon(
      () =>
        n.smtp.to(n.email.mfaEn).filter(forwarded(id)).length > 0 &&
        n.smtp.to(n.email.mfaTh).filter(forwarded(id)).length > 0 &&
        n.smtp.to(n.email.moi).some((m) => m.text.includes(`/agreements/${id}`)),
    );
    await new Promise((r) => setTimeout(r, 400));
    expect(n.smtp.to(n.email.mfaEn).filter(forwarded(id))).toHaveLength(1);
    expect(n.smtp.to(n.email.mfaTh).filter(forwarded(id))).toHaveLength(1);
    expect(n.smtp.to(n.email.moi).filter((m) => m.text.includes(`/agreements/${id}`))).toHaveLength(1);
    expect(n.smtp.to(n.email.lampang)).toHaveLength(0);
    const o = await n.services.notifications.outbox(n.actor.admin, { limit: 50, skip: 0 });
    const mine = o.items.filter((i) => i.id.startsWith(`${id}:`));
    expect(mine.map((i) => i.status)).toEqual(['sent', 'sent', 'sent']);
    expect(Math.max(...mine.map((i) => i.attempts))).toBeGreaterThanOrEqual(2);
  });
});
