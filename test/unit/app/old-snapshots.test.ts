// Agreements stored by the service at machine version 1, read and written by a runtime at (test) version 2.
import { createAgreementService } from '../../../src/app/agreement-service';
import { createWorkflowRuntime, restoreSnapshot, stateName } from '../../../src/app/workflow-runtime';
import type { AgreementRecord } from '../../../src/app/ports';
import type { Actor } from '../../../src/domain';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import type { AgreementEvent } from '../../../workflows';
import {
  approved,
  mfaReviewer,
  secretary,
  sejongSigning,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk as sharedWalk,
} from '../../integration/agreement-helpers';
import { WORKFLOW_V2 } from '../../support/agreement-machine-v2';
import { memoryRecords } from '../../support/records';

const repo = createMemoryAgreementRepository();
const service = createAgreementService({
  repository: repo,
  clock: steppingClock(),
  newId: sequentialIds(),
  records: memoryRecords(),
});
const v2 = createWorkflowRuntime(WORKFLOW_V2);
const at = '2023-01-01T00:00:00.000Z';

const walk = (a: AgreementRecord, steps: readonly (readonly [Actor, AgreementEvent])[]) =>
  sharedWalk(service, a, steps);

/** An amendment of a signed agreement, before the committee: version 1 holds it in committeeReview. */
async function amendmentInCommittee(): Promise<AgreementRecord> {
  let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  a = await walk(a, [
    ...TO_MFA,
    [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
    [secretary, { type: 'AGREE_FINAL_TEXT' }],
    [secretary, { type: 'RECORD_SIGNING', signing: sejongSigning }],
    [secretary, { type: 'PROPOSE_AMENDMENT' }],
  ]);
  a = await service.updateContent(secretary, a.id, a.rev, story.draft2);
  return walk(a, [[secretary, { type: 'SUBMIT_TO_COMMITTEE' }]]);
}

describe('an agreement the service stored at version 1', () => {
  it('is read by version 2 in the state the migration gives, with the same context', async () => {
    const stored = await repo.get((await amendmentInCommittee()).id);
    expect(stored).toMatchObject({ machineVersion: 1, state: 'committeeReview' });
    const restored = v2.restoreSnapshot(stored);
    expect(restored.value).toBe('amendmentCommitteeReview');
    expect(restored.context).toEqual(restoreSnapshot(stored).context);
    expect(restored.context).toMatchObject({ amending: true, round: stored.round });
  });

  it('is stored at version 2 by the next write that does not step, and continues from there', async () => {
    const old = await repo.get((await amendmentInCommittee()).id);
    await repo.apply(old.id, old.rev, v2.withUpgradedSnapshot(old, { set: { updatedAt: at } }));
    const stored = await repo.get(old.id);
    expect(stored).toMatchObject({ machineVersion: 2, state: 'amendmentCommitteeReview', rev: old.rev + 1 });
    expect(stored.snapshot).toMatchObject({ value: 'amendmentCommitteeReview' });
    // Current now: a further write adds nothing.
    const again = { set: { updatedAt: at } };
    expect(v2.withUpgradedSnapshot(stored, again)).toBe(again);
    expect(stateName(v2.takeStep(stored, { type: 'ABANDON_AMENDMENT' }).after)).toBe('inForce');
  });

  it('is stored at version 2 by the next step, as the service writes a step', async () => {
    const old = await repo.get((await amendmentInCommittee()).id);
    const step = v2.takeStep(old, { type: 'RECORD_RESOLUTION', resolution: approved });
    expect(stateName(step.before)).toBe('amendmentCommitteeReview');
    await repo.apply(old.id, old.rev, {
      set: {
        snapshot: step.persisted,
        machineVersion: v2.version,
        state: stateName(step.after),
        updatedAt: at,
      },
    });
    const stored = await repo.get(old.id);
    expect(stored).toMatchObject({ machineVersion: 2, state: 'committeeApproved' });
    expect(v2.restoreSnapshot(stored).value).toBe('committeeApproved');
  });

  it('once stored at version 2, is refused by the version 1 service as newer than the program, and only then', async () => {
    const old = await repo.get((await amendmentInCommittee()).id);
    expect(service.availableEvents(secretary, old)).toContain('ABANDON_AMENDMENT');
    await repo.apply(old.id, old.rev, v2.withUpgradedSnapshot(old, { set: { updatedAt: at } }));
    const newer = await service.get(secretary, old.id);
    const refused = {
      code: 'conflict',
      message: expect.stringContaining('newer than this program') as string,
    };
    expect(() => service.availableEvents(secretary, newer)).toThrow(expect.objectContaining(refused));
    await expect(
      service.send(secretary, newer.id, newer.rev, { type: 'ABANDON_AMENDMENT' }),
    ).rejects.toMatchObject(refused);
  });
});
