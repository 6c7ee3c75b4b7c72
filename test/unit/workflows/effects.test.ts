import { transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import {
  agreementMachine,
  ALL_PROBE_EVENTS,
  EVENT_TYPES,
  machineStructure,
  stepEffects,
  type AgreementEventType,
  type StepEffect,
} from '../../../workflows';

type Snap = SnapshotFrom<typeof agreementMachine>;

const rules = (...list: string[]) => ({ type: 'checkRules', params: { rules: list } });
const gate = (staleBlocks: boolean) => ({ type: 'runDraftingGate', params: { staleBlocks } });
const freeze = { type: 'freezeVersion' };
const issues = (doc: string, firstVersionDoc?: string) => ({
  type: 'issueDocument',
  params: firstVersionDoc ? { doc, firstVersionDoc } : { doc },
});

/** What each step does, read from the machine: the specification the application follows. */
const EXPECTED: Record<AgreementEventType, readonly object[]> = {
  SUBMIT_TO_COMMITTEE: [rules('draft'), gate(false), freeze, issues('mou')],
  RECORD_RESOLUTION: [rules('resolution'), { type: 'recordResolution' }],
  SUBMIT_TO_MOI: [rules('moiSubmission', 'draft'), gate(true), freeze, issues('memo')],
  FORWARD_TO_MFA: [],
  RETURN_TO_PROVINCE: [],
  GIVE_NO_OBJECTION: [rules('noObjection'), { type: 'recordNoObjection' }],
  RETURN_WITH_COMMENTS: [rules('returnWithComments'), issues('review')],
  RESUBMIT: [rules('resubmit', 'draft'), gate(true), freeze, issues('redline', 'mou')],
  AGREE_FINAL_TEXT: [rules('finalText')],
  SUBMIT_PARTNER_CHANGES: [rules('partnerChanges', 'draft'), freeze, issues('redline', 'mou')],
  RECORD_CABINET_APPROVAL: [],
  RECORD_SIGNING: [rules('signing'), { type: 'recordSigning' }, { type: 'recordTerm' }, issues('signing')],
  PROPOSE_AMENDMENT: [],
  ABANDON_AMENDMENT: [],
  PROPOSE_RENEWAL: [],
  RECORD_RENEWAL: [{ type: 'renewTerm' }, issues('renewal')],
  RECORD_EXPIRY: [rules('expiry')],
  TERMINATE: [],
  WITHDRAW: [],
};

// Every state in every combination of the flags guards read, and each step it accepts.
const variant = (s: Snap) =>
  `${String(s.value)}|amending=${s.context.amending}|cabinet=${s.context.needsCabinetApproval}`;
const everyState = getShortestPaths(agreementMachine, {
  events: ALL_PROBE_EVENTS,
  serializeState: variant,
}).map((p) => p.state);
const everyStep = everyState.flatMap((s) =>
  ALL_PROBE_EVENTS.filter((e) => s.can(e)).map(
    (e) =>
      [`${variant(s)} ${e.type} → ${String(transition(agreementMachine, s, e)[0].value)}`, s, e] as const,
  ),
);

describe('the effects of each step, read from the machine', () => {
  it('every event is taken somewhere, so the table below is checked for each', () => {
    expect(new Set(everyStep.map(([, , e]) => e.type))).toEqual(new Set(EVENT_TYPES));
  });

  it.each(everyStep)('%s: transition() returns the effects the table names', (_name, s, e) => {
    const [, actions] = transition(agreementMachine, s, e);
    expect(stepEffects(actions)).toEqual(EXPECTED[e.type]);
  });

  it('RESUBMIT freezes the draft, checks the resubmission and draft rules, runs the gate with stale articles blocking, and issues a redline (the text itself for version 1)', () => {
    const revision = everyState.find((s) => s.value === 'revision');
    if (!revision) throw new Error('revision not reached');
    const [after, actions] = transition(agreementMachine, revision, { type: 'RESUBMIT' });
    expect(stepEffects(actions)).toEqual([
      { type: 'checkRules', params: { rules: ['resubmit', 'draft'] } },
      { type: 'runDraftingGate', params: { staleBlocks: true } },
      { type: 'freezeVersion' },
      { type: 'issueDocument', params: { doc: 'redline', firstVersionDoc: 'mou' } },
    ]);
    // The entry action still runs (a new review round); it changes context and is not an effect.
    expect(after.context.round).toBe(revision.context.round + 1);
  });

  it('the structure the diagram is drawn from carries the same effects on every edge', () => {
    const { edges } = machineStructure();
    for (const edge of edges) expect(edge.effects).toEqual(EXPECTED[edge.event as AgreementEventType]);
    const gated = new Set(
      edges.filter((e) => e.effects.some((f) => f.type === 'runDraftingGate')).map((e) => e.event),
    );
    expect([...gated].sort()).toEqual(['RESUBMIT', 'SUBMIT_TO_COMMITTEE', 'SUBMIT_TO_MOI']);
  });
});

describe('stepEffects', () => {
  it('keeps the vocabulary in order and leaves other actions (context assignments, anything else) out', () => {
    const effects: StepEffect[] = stepEffects([
      'startReviewRound',
      { type: 'freezeVersion', params: undefined },
      { type: 'log', params: { x: 1 } },
      { type: 'issueDocument', params: { doc: 'memo' } },
      42,
    ]);
    expect(effects).toEqual([{ type: 'freezeVersion' }, { type: 'issueDocument', params: { doc: 'memo' } }]);
  });

  it('throws on an effect whose params do not fit its type (a mistake in the machine)', () => {
    expect(() => stepEffects([{ type: 'issueDocument', params: { doc: 'comparison' } }])).toThrow(
      /issueDocument/,
    );
    expect(() => stepEffects([{ type: 'runDraftingGate' }])).toThrow(/runDraftingGate/);
  });
});
