import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import type { AgreementRecord, AgreementRepository } from '../../../src/app/ports';
import { verifyHistoryChain, type Actor, type DomainError } from '../../../src/domain';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import type { AgreementEvent } from '../../../workflows';
import {
  admin,
  mfaReviewer,
  moiOfficer,
  otherSecretary,
  secretary,
  sejongSigning,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk as sharedWalk,
} from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';
import { createDocumentRenderer } from '../../../src/app/document-renderer';
import { part, text } from '../../support/doc-xml';

let repo: AgreementRepository;
let service: AgreementService;

beforeEach(() => {
  repo = createMemoryAgreementRepository();
  service = createAgreementService({
    repository: repo,
    clock: steppingClock(),
    newId: sequentialIds(),
    records: memoryRecords(),
  });
});

const walk = (a: AgreementRecord, steps: readonly (readonly [Actor, AgreementEvent])[]) =>
  sharedWalk(service, a, steps);
const draft = () => service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });

describe('who may act', () => {
  it('to a secretary of another province the agreement is not there: every operation says not-found', async () => {
    const a = await draft();
    const unknown = await service.get(secretary, 'no-such-id').catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'not-found' });
    const comment = { anchor: { kind: 'document' }, text: { th: 'ก', en: 'a' } };
    const answer = { status: 'accepted', response: { th: 'ก', en: 'a' } };
    const attempts: Promise<unknown>[] = [
      service.get(otherSecretary, a.id),
      service.send(otherSecretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' }),
      service.updateContent(otherSecretary, a.id, a.rev, story.draft2),
      service.addComment(otherSecretary, a.id, a.rev, comment),
      service.answerComment(otherSecretary, a.id, a.rev, 'c1', answer),
      service.withdrawComment(otherSecretary, a.id, a.rev, 'c1'),
    ];
    for (const attempt of attempts) {
      // The same answer as for an id that does not exist, so the answer does not reveal that it does.
      const e = await attempt.catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'not-found', userMessage: (unknown as DomainError).userMessage });
    }
    await expect(
      service.createDraft(otherSecretary, { province: 'chiang-mai', content: story.draft1 }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    expect(await service.list(otherSecretary)).toEqual([]);
    expect((await repo.get(a.id)).rev).toBe(a.rev);
  });

  it('someone who may see the agreement but not take the step is refused (not-allowed), not told not-found', async () => {
    const a = await draft();
    await expect(
      service.send(mfaReviewer, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(service.updateContent(moiOfficer, a.id, a.rev, story.draft2)).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });

  it('MOI cannot take the province’s steps, and the province cannot take MFA’s', async () => {
    const a = await draft();
    await expect(
      service.send(moiOfficer, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    const inReview = await walk(a, TO_MFA);
    await expect(
      service.send(secretary, inReview.id, inReview.rev, {
        type: 'GIVE_NO_OBJECTION',
        needsCabinetApproval: false,
        needsFullPowers: false,
      }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('an admin may take any step', async () => {
    const a = await walk(
      await draft(),
      TO_MFA.map(([, e]) => [admin, e]),
    );
    expect(a.state).toBe('mfaReview');
    expect(a.history.at(-1)?.actor.role).toBe('admin');
  });

  it('lists the steps a person can take now', async () => {
    const a = await draft();
    expect(service.availableEvents(secretary, a)).toEqual(['SUBMIT_TO_COMMITTEE', 'WITHDRAW']);
    expect(service.availableEvents(mfaReviewer, a)).toEqual([]);
  });
});

describe('what the state allows', () => {
  it('refuses an event the current state does not accept, and writes nothing', async () => {
    const a = await draft();
    await expect(service.send(moiOfficer, a.id, a.rev, { type: 'FORWARD_TO_MFA' })).rejects.toMatchObject({
      code: 'not-allowed',
    });
    expect((await repo.get(a.id)).rev).toBe(a.rev);
  });

  it('says "not possible now" rather than listing data problems for a step the state does not accept', async () => {
    const a = await draft();
    await expect(
      service.send(mfaReviewer, a.id, a.rev, { type: 'RETURN_WITH_COMMENTS' }),
    ).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });

  it('edits content only while the province holds the draft', async () => {
    const a = await draft();
    const edited = await service.updateContent(secretary, a.id, a.rev, story.draft2);
    expect(edited.workingDraft).toEqual(story.draft2);
    expect(edited.versions).toEqual([]);
    const atMoi = await walk(edited, TO_MFA.slice(0, 3));
    await expect(service.updateContent(secretary, atMoi.id, atMoi.rev, story.draft1)).rejects.toMatchObject({
      code: 'not-allowed',
    });
  });

  it('rejects invalid content with field issues', async () => {
    const a = await draft();
    await expect(
      service.updateContent(secretary, a.id, a.rev, { ...story.draft1, kind: 'alliance' }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [expect.objectContaining({ path: 'content.kind' })],
    });
  });

  it('takes comments from MFA only during MFA review, anchored to an article that exists', async () => {
    const a = await draft();
    const comment = { anchor: { kind: 'article', no: 1 }, text: { th: 'ก', en: 'a' } };
    await expect(service.addComment(mfaReviewer, a.id, a.rev, comment)).rejects.toMatchObject({
      code: 'not-allowed',
    });
    const r = await walk(a, TO_MFA);
    await expect(
      service.addComment(mfaReviewer, r.id, r.rev, { ...comment, anchor: { kind: 'article', no: 99 } }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    const c = await service.addComment(mfaReviewer, r.id, r.rev, comment);
    expect(c.comments[0]).toMatchObject({
      round: 1,
      versionNo: 1,
      status: 'open',
      author: { role: 'mfa', organisation: { en: 'MFA – Department of Treaties and Legal Affairs' } },
    });
  });

  it('a reviewer cannot return a draft with zero comments', async () => {
    const r = await walk(await draft(), TO_MFA);
    await expect(
      service.send(mfaReviewer, r.id, r.rev, { type: 'RETURN_WITH_COMMENTS' }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
  });

  it('answers need a status other than open and some response', async () => {
    let r = await walk(await draft(), TO_MFA);
    r = await service.addComment(mfaReviewer, r.id, r.rev, {
      anchor: { kind: 'document' },
      text: { th: 'ก', en: 'a' },
    });
    r = await service.send(mfaReviewer, r.id, r.rev, { type: 'RETURN_WITH_COMMENTS' });
    const id = r.comments[0]?.id ?? '';
    await expect(
      service.answerComment(secretary, r.id, r.rev, id, { status: 'open', response: { en: 'x' } }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    await expect(
      service.answerComment(secretary, r.id, r.rev, id, { status: 'accepted', response: {} }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    await expect(
      service.answerComment(secretary, r.id, r.rev, 'nope', { status: 'accepted', response: { en: 'x' } }),
    ).rejects.toMatchObject({ code: 'not-found' });
    const ok = await service.answerComment(secretary, r.id, r.rev, id, {
      status: 'partly-accepted',
      response: { th: 'แก้บางส่วน' },
    });
    expect(ok.comments[0]).toMatchObject({ status: 'partly-accepted', response: { th: 'แก้บางส่วน' } });
  });
});

describe('review rules that leave nothing dangling', () => {
  const otherReviewer: Actor = { userId: 'u-mfa-2', name: 'Another reviewer', role: 'mfa' };
  const note = (en: string) => ({ anchor: { kind: 'document' }, text: { th: en, en } });

  it('no objection is refused while a comment of the round is open, naming it', async () => {
    let r = await walk(await draft(), TO_MFA);
    r = await service.addComment(mfaReviewer, r.id, r.rev, note('Use "Sides"'));
    const id = r.comments[0]?.id ?? '';
    const refused = await service
      .send(mfaReviewer, r.id, r.rev, {
        type: 'GIVE_NO_OBJECTION',
        needsCabinetApproval: false,
        needsFullPowers: false,
      })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation-failed', issues: [{ path: `comments.${id}` }] });
    expect((await service.get(mfaReviewer, r.id)).state).toBe('mfaReview');
  });

  it('MFA withdraws its own open comment while the round is open; it stays on record, in the history, and out of the documents', async () => {
    let r = await walk(await draft(), TO_MFA);
    r = await service.addComment(mfaReviewer, r.id, r.rev, note('first'));
    r = await service.addComment(mfaReviewer, r.id, r.rev, note('second'));
    const [first, second] = r.comments.map((c) => c.id);
    // Only its author may withdraw it, and the province never.
    await expect(service.withdrawComment(otherReviewer, r.id, r.rev, first ?? '')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    await expect(service.withdrawComment(secretary, r.id, r.rev, first ?? '')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    r = await service.withdrawComment(mfaReviewer, r.id, r.rev, first ?? '');
    expect(r.comments.find((c) => c.id === first)).toMatchObject({ status: 'withdrawn' });
    expect(r.history.at(-1)).toMatchObject({
      event: 'WITHDRAW_COMMENT',
      commentId: first,
      from: 'mfaReview',
    });
    await expect(service.withdrawComment(mfaReviewer, r.id, r.rev, first ?? '')).rejects.toMatchObject({
      code: 'validation-failed',
    });
    r = await service.send(mfaReviewer, r.id, r.rev, { type: 'RETURN_WITH_COMMENTS' });
    // The review copy the step issued carries only the comment that was sent.
    expect(r.history.at(-1)).toMatchObject({ doc: 'review' });
    const review = await createDocumentRenderer().renderRecord(r, 1, 'review');
    expect(review.sha256).toBe(r.history.at(-1)?.documentSha256);
    const notes = text(part(review.buffer, 'word/comments.xml'));
    expect(notes).toContain('second');
    expect(notes).not.toContain('first');
    // The round closed: nothing can be withdrawn now, and the withdrawn comment needs no answer.
    await expect(service.withdrawComment(mfaReviewer, r.id, r.rev, second ?? '')).rejects.toMatchObject({
      code: 'not-allowed',
    });
    await expect(
      service.answerComment(secretary, r.id, r.rev, first ?? '', {
        status: 'accepted',
        response: { en: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    r = await service.answerComment(secretary, r.id, r.rev, second ?? '', {
      status: 'accepted',
      response: { en: 'Done.' },
    });
    r = await service.send(secretary, r.id, r.rev, { type: 'RESUBMIT' });
    expect(r.state).toBe('mfaReview');
  });

  it('a reviewer who withdraws every comment of the round can then give no objection', async () => {
    let r = await walk(await draft(), TO_MFA);
    r = await service.addComment(mfaReviewer, r.id, r.rev, note('on second thought'));
    r = await service.withdrawComment(mfaReviewer, r.id, r.rev, r.comments[0]?.id ?? '');
    r = await service.send(mfaReviewer, r.id, r.rev, {
      type: 'GIVE_NO_OBJECTION',
      needsCabinetApproval: false,
      needsFullPowers: false,
    });
    expect(r.state).toBe('partnerAgreement');
  });
});

describe('records of each step', () => {
  it('validation failures name every problem and write nothing', async () => {
    const a = await service.createDraft(secretary, {
      province: 'chiang-mai',
      content: { ...story.draft1, articles: [], title: { th: '', en: '' } },
    });
    const err = await service
      .send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation-failed' });
    expect((await repo.get(a.id)).rev).toBe(a.rev);
  });

  it('a stale rev is a conflict', async () => {
    const a = await draft();
    await service.updateContent(secretary, a.id, a.rev, story.draft2);
    await expect(service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' })).rejects.toMatchObject(
      { code: 'conflict' },
    );
    await expect(
      service.send(secretary, 'missing', 0, { type: 'SUBMIT_TO_COMMITTEE' }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a partner’s change goes back to MFA as a new version; unsent edits cannot be agreed', async () => {
    let a = await walk(await draft(), [
      ...TO_MFA,
      [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
    ]);
    a = await service.updateContent(secretary, a.id, a.rev, story.draft2);
    await expect(service.send(secretary, a.id, a.rev, { type: 'AGREE_FINAL_TEXT' })).rejects.toMatchObject({
      code: 'validation-failed',
    });
    a = await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_PARTNER_CHANGES' });
    expect(a).toMatchObject({ state: 'mfaReview', round: 2 });
    expect(a.versions.map((v) => v.no)).toEqual([1, 2]);
  });

  it('a binding text goes through cabinet and cannot be signed without full powers', async () => {
    let a = await walk(await draft(), [
      ...TO_MFA,
      [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: true, needsFullPowers: true }],
    ]);
    expect(a.flags).toEqual({ needsCabinetApproval: true, needsFullPowers: true });
    a = await walk(a, [
      [secretary, { type: 'AGREE_FINAL_TEXT' }],
      [moiOfficer, { type: 'RECORD_CABINET_APPROVAL' }],
    ]);
    expect(a.state).toBe('readyToSign');
    await expect(
      service.send(secretary, a.id, a.rev, { type: 'RECORD_SIGNING', signing: sejongSigning }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [expect.objectContaining({ path: 'signing.fullPowers' })],
    });
    const signing = { ...sejongSigning, fullPowers: { reference: 'กต 0601/1', issuedOn: '2022-11-01' } };
    a = await service.send(secretary, a.id, a.rev, { type: 'RECORD_SIGNING', signing });
    expect(a.signing).toEqual(signing);
  });

  it('an amendment is reviewed again and adds a version, leaving the signed one untouched', async () => {
    let a = await walk(await draft(), [
      ...TO_MFA,
      [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
      [secretary, { type: 'AGREE_FINAL_TEXT' }],
      [secretary, { type: 'RECORD_SIGNING', signing: sejongSigning }],
      [secretary, { type: 'PROPOSE_AMENDMENT' }],
    ]);
    expect(a.state).toBe('amendment');
    a = await service.updateContent(secretary, a.id, a.rev, story.draft2);
    a = await walk(a, TO_MFA);
    expect(a.versions.map((v) => v.no)).toEqual([1, 2]);
    expect(a.versions[0]?.content).toEqual(story.draft1);
    await expect(service.send(secretary, a.id, a.rev, { type: 'WITHDRAW' })).rejects.toMatchObject({
      code: 'not-allowed',
    });
    a = await service.send(secretary, a.id, a.rev, { type: 'ABANDON_AMENDMENT' });
    expect(a.state).toBe('inForce');
    expect(verifyHistoryChain(a.id, a.history).ok).toBe(true);
  });

  it('records a withdrawal with its reason; a document hash is the server’s to compute, never the caller’s', async () => {
    const a = await draft();
    await expect(
      service.send(secretary, a.id, a.rev, { type: 'WITHDRAW' }, {
        documentSha256: 'f'.repeat(64),
      } as never),
    ).rejects.toMatchObject({ code: 'validation-failed' });
    const w = await service.send(secretary, a.id, a.rev, { type: 'WITHDRAW' }, { note: 'partner declined' });
    expect(w.state).toBe('withdrawn');
    expect(w.history.at(-1)).toMatchObject({ event: 'WITHDRAW', note: 'partner declined' });
    expect(w.history.at(-1)?.documentSha256).toBeUndefined();
    await expect(service.send(secretary, w.id, w.rev, { type: 'SUBMIT_TO_COMMITTEE' })).rejects.toMatchObject(
      { code: 'not-allowed' },
    );
  });

  it('refuses to run a snapshot saved by another machine version', async () => {
    const a = await draft();
    await repo.apply(a.id, a.rev, { set: { machineVersion: 99, updatedAt: a.updatedAt } });
    await expect(
      service.send(secretary, a.id, a.rev + 1, { type: 'SUBMIT_TO_COMMITTEE' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('marks when the agreement entered its state', async () => {
    const a = await draft();
    const s = await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    expect(s.stateSince > a.stateSince).toBe(true);
    expect(s.stateSince).toBe(s.history.at(-1)?.at);
  });
});
