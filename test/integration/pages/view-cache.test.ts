// The pages keep what they compute per saved draft, and show the change as soon as this app makes it.
import type { AgreementContent } from '../../../src/domain';
import { checkContent } from '../../../src/domain/checks';
import { formTokens, place, startPages, story, type PagesApp } from './support';

let app: PagesApp;

beforeAll(async () => {
  app = await startPages();
});
afterAll(async () => app.close());

const marks = (html: string) => html.match(/data-cleared/g)?.length ?? 0;

describe('"cleared before" on the review page', () => {
  it("marks a text as soon as MFA's no objection to another agreement goes through the app, though the page was shown before", async () => {
    const reviewed = await place(app, 'mfaReview', { content: story.draft2 });
    const mfa = await app.login('mfa');
    const page = `/agreements/${reviewed.id}/review`;
    expect(marks(await (await mfa.get(page)).text())).toBe(0);
    expect(marks(await (await mfa.get(page)).text())).toBe(0);

    // The same text, cleared in another agreement by MFA through the app's own form.
    const s = app.service();
    let other = await place(app, 'revision', { content: story.draft2 });
    for (const c of other.comments)
      other = await s.answerComment(app.actor.secretary, other.id, other.rev, c.id, {
        status: 'accepted',
        response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
      });
    other = await s.send(app.actor.secretary, other.id, other.rev, { type: 'RESUBMIT' });
    const { _csrf, expectedRev } = await formTokens(mfa, `/agreements/${other.id}`);
    const given = await mfa.postForm(`/agreements/${other.id}/events/GIVE_NO_OBJECTION`, {
      _csrf,
      expectedRev,
    });
    expect(given.status).toBe(303);

    expect(marks(await (await mfa.get(page)).text())).toBe(story.draft2.articles.length);
  });
});

describe('the pre-review checks on the agreement page', () => {
  it('list what the saved draft holds now, after each save', async () => {
    const errorsOn = (html: string) => html.match(/class="finding finding-error"/g)?.length ?? 0;
    const expected = (c: AgreementContent) => checkContent(c).filter((f) => f.severity === 'error').length;
    const rec = await place(app, 'drafting', { content: story.draft2 });
    const sec = await app.login('secretary');
    expect(errorsOn(await (await sec.get(`/agreements/${rec.id}`)).text())).toBe(expected(rec.workingDraft));
    const changed = structuredClone(rec.workingDraft);
    changed.preamble.en = `${changed.preamble.en} The Contracting Parties shall agree.`;
    const saved = await app.service().updateContent(app.actor.secretary, rec.id, rec.rev, changed);
    const more = expected(saved.workingDraft);
    expect(more).toBeGreaterThan(expected(rec.workingDraft));
    expect(errorsOn(await (await sec.get(`/agreements/${rec.id}`)).text())).toBe(more);
  });
});
