import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import type { AgreementRecord } from '../../../src/app/ports';
import { placeComment, type Actor, type Comment } from '../../../src/domain';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import type { AgreementEvent } from '../../../workflows';
import {
  approved,
  mfaReviewer,
  moiOfficer,
  secretary,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk as sharedWalk,
} from '../../integration/agreement-helpers';
import { ARTICLE_COMMENTS, reshuffled } from '../../support/revision';
import { memoryRecords } from '../../support/records';

let service: AgreementService;

beforeEach(() => {
  const repository = createMemoryAgreementRepository();
  service = createAgreementService({
    repository,
    clock: steppingClock(),
    newId: sequentialIds(),
    records: memoryRecords(),
  });
});

const walk = (a: AgreementRecord, steps: readonly (readonly [Actor, AgreementEvent])[]) =>
  sharedWalk(service, a, steps);

/** Draft 1 at MFA with a whole-document comment and one on each of its four articles, returned to the province. */
async function returnedWithComments(): Promise<AgreementRecord> {
  let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  a = await walk(a, TO_MFA);
  a = await service.addComment(mfaReviewer, a.id, a.rev, {
    anchor: { kind: 'document' },
    text: { th: 'ทั้งฉบับ', en: 'Whole document.' },
  });
  for (const c of ARTICLE_COMMENTS)
    a = await service.addComment(mfaReviewer, a.id, a.rev, {
      anchor: { kind: 'article', no: c.no },
      text: { th: c.en, en: c.en },
    });
  return walk(a, [[mfaReviewer, { type: 'RETURN_WITH_COMMENTS' }]]);
}

const onArticle = (a: AgreementRecord, no: number): Comment => {
  const c = a.comments.find((x) => x.anchor.kind === 'article' && x.anchor.no === no);
  if (!c) throw new Error(`no comment on article ${no}`);
  return c;
};

describe('comments after the province inserts, moves and deletes articles in a revision', () => {
  it('a comment is keyed to the article it was made on, from the commented version', async () => {
    const a = await returnedWithComments();
    const v1 = a.versions[0]?.content.articles ?? [];
    for (const c of ARTICLE_COMMENTS)
      expect(onArticle(a, c.no).anchor).toEqual({ kind: 'article', no: c.no, key: v1[c.no - 1]?.key });
  });

  it('each comment shows under its article wherever it moved, and one on a deleted article says so', async () => {
    let a = await returnedWithComments();
    a = await service.updateContent(secretary, a.id, a.rev, reshuffled(a.workingDraft));
    expect(a.workingDraft.articles.map((x) => x.heading.en)).toEqual([
      'Objective',
      'Effect and Duration',
      'Forms of Cooperation',
      'Fields of Joint Work',
    ]);
    expect(placeComment(a, onArticle(a, 1))).toMatchObject({ kind: 'article', was: 1, now: 1, moved: false });
    expect(placeComment(a, onArticle(a, 2))).toMatchObject({ kind: 'article', was: 2, now: 4, moved: true });
    expect(placeComment(a, onArticle(a, 3))).toMatchObject({
      kind: 'removed',
      was: 3,
      heading: { en: 'Implementation' },
      removedIn: 'draft',
    });
    expect(placeComment(a, onArticle(a, 4))).toMatchObject({ kind: 'article', was: 4, now: 2, moved: true });
  });

  it('the inserted article gets a key of its own; the others keep theirs', async () => {
    let a = await returnedWithComments();
    const before = a.workingDraft.articles.map((x) => x.key);
    a = await service.updateContent(secretary, a.id, a.rev, reshuffled(a.workingDraft));
    const [k1, k2, k3, k4] = a.workingDraft.articles.map((x) => x.key);
    expect([k1, k2, k4]).toEqual([before[0], before[3], before[1]]);
    expect(before).not.toContain(k3);
  });

  it('resubmission waits for every comment, including the one whose article was deleted, then goes', async () => {
    let a = await returnedWithComments();
    a = await service.updateContent(secretary, a.id, a.rev, reshuffled(a.workingDraft));
    const deleted = onArticle(a, 3);
    for (const c of a.comments.filter((x) => x.id !== deleted.id))
      a = await service.answerComment(secretary, a.id, a.rev, c.id, {
        status: 'accepted',
        response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
      });
    await expect(service.send(secretary, a.id, a.rev, { type: 'RESUBMIT' })).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [{ path: `comments.${deleted.id}` }],
    });
    a = await service.answerComment(secretary, a.id, a.rev, deleted.id, {
      status: 'accepted',
      response: { th: 'ตัดข้อนี้ออกแล้ว', en: 'The article was removed.' },
    });
    a = await service.send(secretary, a.id, a.rev, { type: 'RESUBMIT' });
    expect(a.state).toBe('mfaReview');
    expect(a.versions.at(-1)?.content.articles.map((x) => x.key)).toEqual(
      a.workingDraft.articles.map((x) => x.key),
    );
    expect(placeComment(a, deleted)).toMatchObject({ kind: 'removed', removedIn: { versionNo: 2 } });
  });

  it('content from an old client without keys keeps each key whose article still has its heading', async () => {
    let a = await returnedWithComments();
    const [o, ar, im, en] = a.workingDraft.articles;
    const keyless = [en, o, ar, im].map((x, i) => ({ no: i + 1, heading: x?.heading, text: x?.text }));
    a = await service.updateContent(secretary, a.id, a.rev, { ...a.workingDraft, articles: keyless });
    expect(a.workingDraft.articles.map((x) => x.key)).toEqual([en?.key, o?.key, ar?.key, im?.key]);
    expect(placeComment(a, onArticle(a, 4))).toMatchObject({ kind: 'article', now: 1 });
  });

  it('refuses two articles with one key, in Thai and English', async () => {
    const a = await returnedWithComments();
    const [first, second] = a.workingDraft.articles;
    const twice = { ...a.workingDraft, articles: [first, { ...second, key: first?.key }] };
    await expect(service.updateContent(secretary, a.id, a.rev, twice)).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [
        {
          path: 'content.articles.1.key',
          message: { th: expect.stringContaining('ซ้ำ'), en: expect.any(String) },
        },
      ],
    });
  });

  it('a comment that names an article by a key it does not have is refused', async () => {
    let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    a = await walk(a, [
      [secretary, { type: 'SUBMIT_TO_COMMITTEE' }],
      [secretary, { type: 'RECORD_RESOLUTION', resolution: approved }],
      [secretary, { type: 'SUBMIT_TO_MOI' }],
      [moiOfficer, { type: 'FORWARD_TO_MFA' }],
    ]);
    const wrong = a.workingDraft.articles[1]?.key;
    await expect(
      service.addComment(mfaReviewer, a.id, a.rev, {
        anchor: { kind: 'article', no: 1, key: wrong },
        text: { th: 'ก', en: 'a' },
      }),
    ).rejects.toMatchObject({ code: 'validation-failed', issues: [{ path: 'comment.anchor.key' }] });
  });
});
