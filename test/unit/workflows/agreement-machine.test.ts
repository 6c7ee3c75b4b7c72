import { createActor, type SnapshotFrom } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths, getSimplePaths } from '@xstate/graph';
import {
  agreementMachine,
  ALL_PROBE_EVENTS,
  FINAL_STATES,
  machineStructure,
  type AgreementEvent,
} from '../../../workflows';
import type { Resolution } from '../../../src/domain';

type Snap = SnapshotFrom<typeof agreementMachine>;

// The round counter grows without bound; guards never read it, so paths ignore it.
const serializeState = (s: Snap) =>
  `${String(s.value)}|amending=${s.context.amending}|cabinet=${s.context.needsCabinetApproval}`;
const traversal = { events: ALL_PROBE_EVENTS, serializeState };

const stateNames = machineStructure().states.map((s) => s.name);
const isFinal = (s: Snap) => (FINAL_STATES as readonly string[]).includes(String(s.value));

function run(...events: AgreementEvent[]): Snap {
  const actor = createActor(agreementMachine).start();
  for (const e of events) actor.send(e);
  return actor.getSnapshot();
}

const resolution = (outcome: Resolution['outcome']): AgreementEvent => ({
  type: 'RECORD_RESOLUTION',
  resolution: { meeting: '1/2565', date: '2022-03-14', outcome, text: { th: 'มติ', en: 'Resolution' } },
});
const noObjection = (needsCabinetApproval = false): AgreementEvent => ({
  type: 'GIVE_NO_OBJECTION',
  needsCabinetApproval,
  needsFullPowers: needsCabinetApproval,
});
const signing: AgreementEvent = {
  type: 'RECORD_SIGNING',
  signing: {
    date: '2022-06-01',
    place: { th: 'เชียงใหม่', en: 'Chiang Mai' },
    signatories: {
      thai: { name: { th: 'ก', en: 'A' }, title: { th: 'ผู้ว่าฯ', en: 'Governor' }, capacity: 'principal' },
      partner: { name: { th: 'ข', en: 'B' }, title: { th: 'นายกฯ', en: 'Mayor' }, capacity: 'principal' },
    },
  },
};
const toMfa: AgreementEvent[] = [
  { type: 'SUBMIT_TO_COMMITTEE' },
  resolution('approved'),
  { type: 'SUBMIT_TO_MOI' },
  { type: 'FORWARD_TO_MFA' },
];
const toSigned: AgreementEvent[] = [...toMfa, noObjection(), { type: 'AGREE_FINAL_TEXT' }, signing];

describe('the approval statechart, walked with @xstate/graph', () => {
  const shortest = getShortestPaths(agreementMachine, traversal);
  const adjacency = getAdjacencyMap(agreementMachine, traversal);

  it('reaches every state it defines', () => {
    const reached = new Set(shortest.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual([...stateNames].sort());
    expect(stateNames).toHaveLength(15);
  });

  it('has no dead ends: every state without a way out is final', () => {
    // The adjacency map lists every probe event; only those the state accepts are ways out.
    const byState = new Map<string, { state: Snap; out: number }>();
    for (const { state, event } of adjacencyMapToArray(adjacency)) {
      const entry = byState.get(serializeState(state)) ?? { state, out: 0 };
      if (state.can(event)) entry.out += 1;
      byState.set(serializeState(state), entry);
    }
    const waysOut = [...byState.values()];
    expect(waysOut.length).toBeGreaterThan(stateNames.length);
    expect(new Set(waysOut.map((w) => String(w.state.value)))).toEqual(new Set(stateNames));
    for (const { state, out } of waysOut) {
      expect({ state: String(state.value), final: out === 0 }).toEqual({
        state: String(state.value),
        final: isFinal(state),
      });
    }
  });

  it('can finish from every reachable state: each one has a path to signed-and-ended, withdrawn, terminated or expired', () => {
    for (const { state } of Object.values(adjacency)) {
      const onward = getShortestPaths(agreementMachine, { ...traversal, fromState: state, toState: isFinal });
      expect(onward.length).toBeGreaterThan(0);
    }
  });

  it('enumerates every simple path to an end, and every path ends in withdrawn, terminated or expired', () => {
    const paths = getSimplePaths(agreementMachine, { ...traversal, toState: isFinal });
    expect(paths.length).toBeGreaterThan(50);
    const ends = new Set<string>();
    for (const p of paths) {
      const end = String(p.state.value);
      ends.add(end);
      expect(FINAL_STATES).toContain(end);
      const visited = p.steps.map((s) => String(s.state.value));
      const signed = visited.includes('inForce');
      // Only a signed agreement can terminate or expire; only an unsigned one can be withdrawn.
      expect(signed).toBe(end !== 'withdrawn');
      expect(visited.slice(0, -1).some((v) => (FINAL_STATES as readonly string[]).includes(v))).toBe(false);
    }
    expect([...ends].sort()).toEqual(['expired', 'terminated', 'withdrawn']);
  });
});

describe('the approval path, step by step', () => {
  it('goes from draft to signed without cabinet when MFA raises no objection on a non-binding MOU', () => {
    const s = run(...toSigned);
    expect(s.value).toBe('inForce');
    expect(s.context.round).toBe(1);
  });

  it('sends the draft back to drafting when the committee sends it back', () => {
    expect(run({ type: 'SUBMIT_TO_COMMITTEE' }, resolution('sent-back')).value).toBe('drafting');
  });

  it('treats approval with amendments as approval', () => {
    expect(run({ type: 'SUBMIT_TO_COMMITTEE' }, resolution('approved-with-amendments')).value).toBe(
      'committeeApproved',
    );
  });

  it('lets MOI return the draft to the province', () => {
    expect(run(...toMfa.slice(0, 3), { type: 'RETURN_TO_PROVINCE' }).value).toBe('drafting');
  });

  it('repeats review rounds: comments → revision → resubmission → MFA review, counting rounds', () => {
    const s = run(
      ...toMfa,
      { type: 'RETURN_WITH_COMMENTS' },
      { type: 'RESUBMIT' },
      { type: 'RETURN_WITH_COMMENTS' },
      { type: 'RESUBMIT' },
    );
    expect(s.value).toBe('mfaReview');
    expect(s.context.round).toBe(3);
  });

  it('sends a substantive partner change back to MFA review', () => {
    const s = run(...toMfa, noObjection(), { type: 'SUBMIT_PARTNER_CHANGES' });
    expect(s.value).toBe('mfaReview');
    expect(s.context.round).toBe(2);
  });

  it('goes through cabinet approval only when MFA flags it', () => {
    const flagged = run(...toMfa, noObjection(true), { type: 'AGREE_FINAL_TEXT' });
    expect(flagged.value).toBe('cabinetApproval');
    expect(flagged.context).toMatchObject({ needsCabinetApproval: true, needsFullPowers: true });
    expect(
      run(...toMfa, noObjection(true), { type: 'AGREE_FINAL_TEXT' }, { type: 'RECORD_CABINET_APPROVAL' })
        .value,
    ).toBe('readyToSign');
    expect(run(...toMfa, noObjection(false), { type: 'AGREE_FINAL_TEXT' }).value).toBe('readyToSign');
  });

  it('allows withdrawal from every state before signing and from none after', () => {
    const structure = machineStructure();
    const withdrawable = new Set(structure.edges.filter((e) => e.event === 'WITHDRAW').map((e) => e.from));
    const beforeSigning = structure.states.filter((s) => s.tags.includes('beforeSigning')).map((s) => s.name);
    expect([...withdrawable].sort()).toEqual([...beforeSigning].sort());
    expect(run(...toSigned).can({ type: 'WITHDRAW' })).toBe(false);
  });

  it('takes an amendment back through review, and lets it be abandoned but never withdraws the signed agreement', () => {
    const inReview = run(...toSigned, { type: 'PROPOSE_AMENDMENT' }, ...toMfa);
    expect(inReview.value).toBe('mfaReview');
    expect(inReview.context.amending).toBe(true);
    expect(inReview.can({ type: 'WITHDRAW' })).toBe(false);
    expect(inReview.can({ type: 'ABANDON_AMENDMENT' })).toBe(true);
    const returned = run(...toSigned, { type: 'PROPOSE_AMENDMENT' }, ...toMfa.slice(0, 3), {
      type: 'RETURN_TO_PROVINCE',
    });
    expect(returned.value).toBe('amendment');
    const resigned = run(...toSigned, { type: 'PROPOSE_AMENDMENT' }, ...toSigned);
    expect(resigned.value).toBe('inForce');
    expect(resigned.context.amending).toBe(false);
  });

  it('renews, then expires or terminates', () => {
    expect(run(...toSigned, { type: 'PROPOSE_RENEWAL' }, { type: 'RECORD_RENEWAL' }).value).toBe('inForce');
    expect(run(...toSigned, { type: 'PROPOSE_RENEWAL' }, { type: 'RECORD_EXPIRY' }).value).toBe('expired');
    const ended = run(...toSigned, { type: 'TERMINATE' });
    expect(ended.value).toBe('terminated');
    expect(ended.status).toBe('done');
  });

  it('ignores events the state does not accept', () => {
    const s = run({ type: 'FORWARD_TO_MFA' }, signing);
    expect(s.value).toBe('drafting');
    expect(s.can({ type: 'FORWARD_TO_MFA' })).toBe(false);
  });

  it('restores from a persisted snapshot that went through JSON and continues', () => {
    const actor = createActor(agreementMachine).start();
    for (const e of [...toMfa, { type: 'RETURN_WITH_COMMENTS' } as const]) actor.send(e);
    const stored: unknown = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    const restored = createActor(agreementMachine, { snapshot: stored as Snap }).start();
    expect(restored.getSnapshot().value).toBe('revision');
    restored.send({ type: 'RESUBMIT' });
    expect(restored.getSnapshot().value).toBe('mfaReview');
    expect(restored.getSnapshot().context.round).toBe(2);
  });
});
