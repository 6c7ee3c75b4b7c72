// The service does what the machine names on a step: a variant machine with other effects changes what is done.
import { createAgreementService } from '../../../src/app/agreement-service';
import type { AgreementRecord } from '../../../src/app/ports';
import { planStep } from '../../../src/app/plan-step';
import { interpretEffects } from '../../../src/app/step-effects';
import { agreementRuntime } from '../../../src/app/workflow-runtime';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import { ALL_PROBE_EVENTS, machineStructure, type AgreementEvent } from '../../../workflows';
import {
  mfaReviewer,
  secretary,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk,
} from '../../integration/agreement-helpers';
import { variantRuntime } from '../../support/machine-variants';
import { memoryRecords } from '../../support/records';

function services() {
  const records = memoryRecords();
  const deps = { clock: steppingClock(), newId: sequentialIds(), records };
  return {
    records,
    standard: createAgreementService({ ...deps, repository: createMemoryAgreementRepository() }),
    variant: createAgreementService({
      ...deps,
      repository: createMemoryAgreementRepository(),
      workflow: variantRuntime,
    }),
  };
}

const noObjection: AgreementEvent = {
  type: 'GIVE_NO_OBJECTION',
  needsCabinetApproval: false,
  needsFullPowers: false,
};

describe('the service follows the effects the machine names', () => {
  it('a forwarding that the machine says issues the memo stores the memo and records its hash; the standard one issues nothing', async () => {
    const { standard, variant, records } = services();
    const runTo = async (service: typeof standard) => {
      const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
      return walk(service, a, TO_MFA);
    };
    const plain = (await runTo(standard)).history.at(-1);
    expect(plain).toMatchObject({ event: 'FORWARD_TO_MFA' });
    expect(plain?.documentSha256).toBeUndefined();

    const forwarded = await runTo(variant);
    const entry = forwarded.history.at(-1);
    expect(entry).toMatchObject({ event: 'FORWARD_TO_MFA', doc: 'memo', versionNo: 1 });
    if (!entry?.documentSha256) throw new Error('no document recorded');
    const file = await records.files.get(forwarded.id, entry.seq, entry.documentSha256);
    expect(file).toMatchObject({ doc: 'memo', versionNo: 1, event: 'FORWARD_TO_MFA', layout: 'parallel' });
    // The same memo SUBMIT_TO_MOI issued: same version, same renderer, same bytes.
    const submitted = forwarded.history.find((e) => e.event === 'SUBMIT_TO_MOI');
    expect(submitted?.documentSha256).toBe(entry.documentSha256);
  });

  it('a withdrawal that the machine guards with the draft rules is refused for an incomplete draft; the standard one is taken', async () => {
    const { standard, variant } = services();
    const content = { ...story.draft1, title: { ...story.draft1.title, th: '' } };
    const incomplete = await variant.createDraft(secretary, { province: 'chiang-mai', content });
    await expect(
      variant.send(secretary, incomplete.id, incomplete.rev, { type: 'WITHDRAW' }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [expect.objectContaining({ path: 'title.th' })],
    });
    const same = await standard.createDraft(secretary, { province: 'chiang-mai', content });
    await expect(standard.send(secretary, same.id, same.rev, { type: 'WITHDRAW' })).resolves.toMatchObject({
      state: 'withdrawn',
    });
  });

  it('an effect on entering a state (readyToSign issues the text to be signed) is done by the step that enters it', async () => {
    const { variant } = services();
    let a = await variant.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    a = await walk(variant, a, [
      ...TO_MFA,
      [mfaReviewer, noObjection],
      [secretary, { type: 'AGREE_FINAL_TEXT' }],
    ]);
    expect(a.state).toBe('readyToSign');
    expect(a.history.at(-1)).toMatchObject({ event: 'AGREE_FINAL_TEXT', doc: 'mou', versionNo: 1 });
  });
});

describe('takeStep', () => {
  it('returns the effects of the transition, then those of the state it enters, from a stored snapshot', async () => {
    const { variant } = services();
    let a = await variant.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    a = await walk(variant, a, [...TO_MFA, [mfaReviewer, noObjection]]);
    const step = variantRuntime.takeStep(a, { type: 'AGREE_FINAL_TEXT' });
    expect(step.effects).toEqual([
      { type: 'checkRules', params: { rules: ['finalText'] } },
      { type: 'issueDocument', params: { doc: 'mou' } },
    ]);
    expect(agreementRuntime.takeStep(a, { type: 'AGREE_FINAL_TEXT' }).effects).toEqual([
      { type: 'checkRules', params: { rules: ['finalText'] } },
    ]);
  });
});

describe('planStep and the interpreters', () => {
  it('plans what the runtime reads from the machine: the gate and the document of RESUBMIT come from its effects', async () => {
    const { standard } = services();
    let a: AgreementRecord = await standard.createDraft(secretary, {
      province: 'chiang-mai',
      content: story.draft1,
    });
    a = await walk(standard, a, TO_MFA);
    a = await standard.addComment(mfaReviewer, a.id, a.rev, {
      anchor: { kind: 'document' },
      text: story.draft1.title,
    });
    a = await walk(standard, a, [[mfaReviewer, { type: 'RETURN_WITH_COMMENTS' }]]);
    const first = a.comments[0];
    if (!first) throw new Error('no comment');
    a = await standard.answerComment(secretary, a.id, a.rev, first.id, {
      status: 'accepted',
      response: { th: 'แก้แล้ว', en: 'Done' },
    });
    a = await standard.updateContent(secretary, a.id, a.rev, story.draft2);
    const plan = planStep(a, secretary, { type: 'RESUBMIT' }, {}, '2023-01-01T00:00:00.000Z');
    expect(plan.gate).toEqual({ staleBlocks: true });
    expect(plan.document).toEqual({ doc: 'redline', firstVersionDoc: 'mou' });
    expect(plan.change.push?.versions).toMatchObject({ no: 2 });
    expect(plan.entry).toMatchObject({ event: 'RESUBMIT', from: 'revision', to: 'mfaReview', versionNo: 2 });
  });

  it('every effect the machine names on any step can be interpreted with that step’s event (the data it reads is there)', async () => {
    const { standard } = services();
    const a = await standard.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    const context = agreementRuntime.restoreSnapshot(a).context;
    for (const edge of machineStructure().edges) {
      for (const event of ALL_PROBE_EVENTS.filter((e) => e.type === edge.event)) {
        const input = { record: a, event, context, author: secretary, at: a.updatedAt };
        expect(() => interpretEffects(edge.effects, input)).not.toThrow();
      }
    }
  });

  it('two effects that set the same thing on one step are a mistake in the machine', async () => {
    const { standard } = services();
    const a = await standard.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    const input = {
      record: a,
      event: { type: 'FORWARD_TO_MFA' } as const,
      context: agreementRuntime.restoreSnapshot(a).context,
      author: secretary,
      at: a.updatedAt,
    };
    const twice = [
      { type: 'issueDocument', params: { doc: 'memo' } },
      { type: 'issueDocument', params: { doc: 'mou' } },
    ] as const;
    expect(() => interpretEffects(twice, input)).toThrow(/two effects/);
    expect(() => interpretEffects([{ type: 'recordSigning' }], input)).toThrow(/FORWARD_TO_MFA/);
  });
});
