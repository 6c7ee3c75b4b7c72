// "Cleared before" is asked of storage once per text and generation of cleared texts, however often the review page is shown.
import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import { withClearedCache } from '../../../src/app/cleared-cache';
import type { AgreementRecord } from '../../../src/app/ports';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import {
  clearedSejong,
  mfaReviewer,
  secretary,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk,
} from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';

function setup(o: { maxAgeMs?: number } = {}) {
  const stored = createMemoryAgreementRepository();
  const asked: string[] = [];
  let clock = 0;
  const counted = {
    ...stored,
    clearedAmong: (hashes: readonly string[], exceptId: string) => {
      asked.push(exceptId);
      return stored.clearedAmong(hashes, exceptId);
    },
  };
  const repository = withClearedCache(counted, { ...o, now: () => clock });
  const service = createAgreementService({
    repository,
    clock: steppingClock(),
    newId: sequentialIds(),
    records: memoryRecords(),
  });
  return { service, asked, later: (ms: number) => (clock += ms) };
}

/** An agreement with draft 2's text under MFA review: its review page asks which articles were cleared elsewhere. */
async function underReview(service: AgreementService): Promise<AgreementRecord> {
  const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft2 });
  return walk(service, a, TO_MFA);
}

const view = (service: AgreementService, r: AgreementRecord) =>
  service.clearedBefore(mfaReviewer, r, r.workingDraft);

describe('"cleared before" on the review page', () => {
  it('is asked of storage once for any number of views while no cleared text changes', async () => {
    const { service, asked } = setup();
    const b = await underReview(service);
    const views = await Promise.all([1, 2, 3].map(() => view(service, b)));
    await view(service, b);
    expect(asked).toEqual([b.id]);
    for (const v of views) expect(v.size).toBe(0);
  });

  it("moves on MFA's no objection to another agreement: the next view shows the articles it cleared", async () => {
    const { service, asked } = setup();
    const b = await underReview(service);
    expect((await view(service, b)).size).toBe(0);
    await clearedSejong(service);
    const after = await view(service, b);
    expect(asked).toHaveLength(2);
    expect([...after].sort()).toEqual(b.workingDraft.articles.map((a) => a.key).sort());
    await view(service, b);
    expect(asked).toHaveLength(2);
  });

  it('does not move on changes that clear nothing (comments, edits, other steps)', async () => {
    const { service, asked } = setup();
    const b = await underReview(service);
    await view(service, b);
    const other = await underReview(service);
    await service.addComment(mfaReviewer, other.id, other.rev, {
      anchor: { kind: 'document' },
      text: { th: 'ข้อสังเกต', en: 'A remark' },
    });
    await view(service, b);
    expect(asked).toEqual([b.id]);
  });

  it('each caller gets its own set: changing one answer changes no other', async () => {
    const { service } = setup();
    await clearedSejong(service);
    const b = await underReview(service);
    const first = await view(service, b);
    first.clear();
    expect((await view(service, b)).size).toBe(b.workingDraft.articles.length);
  });

  it('with other instances writing (a maximum age), an answer is asked again once it is older than that', async () => {
    const { service, asked, later } = setup({ maxAgeMs: 5000 });
    const b = await underReview(service);
    await view(service, b);
    later(4999);
    await view(service, b);
    expect(asked).toHaveLength(1);
    later(1);
    await view(service, b);
    expect(asked).toHaveLength(2);
  });
});
