// The Chiang Mai–Sejong partnership MOU, from draft 1 to signing, on the real embedded database.
import { createAgreementService, type AgreementService } from '../../src/app/agreement-service';
import type { AgreementRecord } from '../../src/app/ports';
import { verifyHistoryChain, type DomainError } from '../../src/domain';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { chiangMaiSejong } from '../support/fixtures';
import { openTestDb, type TestDb } from '../support/db';
import {
  mfaReviewer,
  moiOfficer,
  secretary,
  sejongSigning,
  sequentialIds,
  steppingClock,
} from './agreement-helpers';
import { databaseRecords } from '../support/records';

const story = chiangMaiSejong();
let db: TestDb;
let service: AgreementService;

beforeAll(async () => {
  db = await openTestDb('story');
  const repository = createAgreementRepository(db.connection);
  await repository.init();
  service = createAgreementService({
    repository,
    clock: steppingClock(),
    newId: sequentialIds('cm-sejong-'),
    records: databaseRecords(db.connection),
  });
});
afterAll(async () => db.close());

describe('Chiang Mai and Sejong sign a partnership MOU', () => {
  let mou: AgreementRecord;

  it('Chiang Mai’s secretary writes draft 1 and sends it to the provincial committee', async () => {
    mou = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    expect(mou.state).toBe('drafting');
    mou = await service.send(secretary, mou.id, mou.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    expect(mou.state).toBe('committeeReview');
    expect(mou.versions.map((v) => v.no)).toEqual([1]);
    expect(mou.versions[0]?.content).toEqual(story.draft1);
  });

  it(`the committee approves it at meeting ${story.committee.meeting}, and the province submits it to MOI`, async () => {
    mou = await service.send(secretary, mou.id, mou.rev, {
      type: 'RECORD_RESOLUTION',
      resolution: {
        meeting: story.committee.meeting,
        date: story.committee.date,
        outcome: 'approved',
        text: story.committee.resolution,
      },
    });
    expect(mou.state).toBe('committeeApproved');
    expect(mou.resolutions).toEqual([
      expect.objectContaining({ meeting: '1/2565', outcome: 'approved', versionNo: 1 }),
    ]);
    mou = await service.send(secretary, mou.id, mou.rev, { type: 'SUBMIT_TO_MOI' });
    expect(mou.state).toBe('moiReview');
    expect(mou.history.at(-1)).toMatchObject({
      event: 'SUBMIT_TO_MOI',
      versionNo: 1,
      doc: 'memo',
      documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('MOI checks it against the guidelines and forwards it to MFA', async () => {
    mou = await service.send(moiOfficer, mou.id, mou.rev, { type: 'FORWARD_TO_MFA' });
    expect(mou.state).toBe('mfaReview');
    expect(mou.round).toBe(1);
  });

  it('MFA makes its five comments on draft 1 and returns it to the province', async () => {
    for (const c of story.comments) {
      mou = await service.addComment(mfaReviewer, mou.id, mou.rev, { anchor: c.anchor, text: c.text });
    }
    expect(mou.comments).toHaveLength(5);
    expect(mou.comments.every((c) => c.status === 'open' && c.versionNo === 1 && c.round === 1)).toBe(true);
    mou = await service.send(mfaReviewer, mou.id, mou.rev, { type: 'RETURN_WITH_COMMENTS' });
    expect(mou.state).toBe('revision');
  });

  it('the province cannot resubmit before it has answered every comment', async () => {
    const refusal = await service
      .send(secretary, mou.id, mou.rev, { type: 'RESUBMIT' })
      .catch((e: DomainError) => e);
    expect(refusal).toMatchObject({ code: 'validation-failed' });
    expect((refusal as DomainError).issues).toHaveLength(5);
    expect((refusal as DomainError).userMessage.th).toMatch(/ยังดำเนินขั้นตอนนี้ไม่ได้/);
  });

  it('it revises the text into draft 2, answers all five comments and resubmits', async () => {
    mou = await service.updateContent(secretary, mou.id, mou.rev, story.draft2);
    for (const c of mou.comments) {
      mou = await service.answerComment(secretary, mou.id, mou.rev, c.id, {
        status: 'accepted',
        response: { th: 'แก้ไขตามข้อสังเกตแล้ว', en: 'Revised as advised.' },
      });
    }
    expect(mou.comments.map((c) => c.status)).toEqual(Array(5).fill('accepted'));
    mou = await service.send(secretary, mou.id, mou.rev, { type: 'RESUBMIT' });
    expect(mou.state).toBe('mfaReview');
    expect(mou.round).toBe(2);
    expect(mou.versions.map((v) => v.no)).toEqual([1, 2]);
    expect(mou.versions[1]?.content).toEqual(story.draft2);
    expect(mou.versions[0]?.content).toEqual(story.draft1);
  });

  it('MFA has no objection to draft 2; it is a non-binding MOU, so no cabinet and no full powers', async () => {
    mou = await service.send(mfaReviewer, mou.id, mou.rev, {
      type: 'GIVE_NO_OBJECTION',
      needsCabinetApproval: false,
      needsFullPowers: false,
    });
    expect(mou.state).toBe('partnerAgreement');
    expect(mou.flags).toEqual({ needsCabinetApproval: false, needsFullPowers: false });
  });

  it('Sejong agrees the cleared text, and the MOU is ready to sign', async () => {
    mou = await service.send(secretary, mou.id, mou.rev, { type: 'AGREE_FINAL_TEXT' });
    expect(mou.state).toBe('readyToSign');
  });

  it('a vice-governor signs on the governor’s behalf with Sejong’s mayor, and the MOU is in force', async () => {
    mou = await service.send(secretary, mou.id, mou.rev, { type: 'RECORD_SIGNING', signing: sejongSigning });
    expect(mou.state).toBe('inForce');
    expect(mou.signing?.signatories.thai.capacity).toBe('on-behalf');
    expect(mou.history.at(-1)).toMatchObject({
      event: 'RECORD_SIGNING',
      from: 'readyToSign',
      to: 'inForce',
      versionNo: 2,
    });
  });

  it('leaves a complete, unbroken history of every step', async () => {
    const stored = await service.get(secretary, mou.id);
    const steps = stored.history.filter((h) => h.from !== h.to);
    expect(steps.map((h) => `${h.from ?? '∅'} → ${h.to} (${h.actor.role})`)).toEqual([
      '∅ → drafting (secretary)',
      'drafting → committeeReview (secretary)',
      'committeeReview → committeeApproved (secretary)',
      'committeeApproved → moiReview (secretary)',
      'moiReview → mfaReview (moi)',
      'mfaReview → revision (mfa)',
      'revision → mfaReview (secretary)',
      'mfaReview → partnerAgreement (mfa)',
      'partnerAgreement → readyToSign (secretary)',
      'readyToSign → inForce (secretary)',
    ]);
    // Between the steps, every comment added and answered and every draft edit has its own entry.
    const records = stored.history.filter((h) => h.from === h.to).map((h) => h.event);
    expect(records.filter((e) => e === 'ADD_COMMENT')).toHaveLength(5);
    expect(records.filter((e) => e === 'ANSWER_COMMENT')).toHaveLength(5);
    expect(records).toContain('EDIT_CONTENT');
    expect(verifyHistoryChain(stored.id, stored.history)).toMatchObject({
      ok: true,
      length: steps.length + records.length,
    });
  });
});
