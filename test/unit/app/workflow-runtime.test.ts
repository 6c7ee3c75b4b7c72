import { createActor, createMachine, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from '@xstate/graph';
import {
  agreementRuntime,
  createWorkflowRuntime,
  initialPersistedSnapshot,
  restoreSnapshot,
  takeStep,
} from '../../../src/app/workflow-runtime';
import {
  agreementMachine,
  ALL_PROBE_EVENTS,
  machineStructure,
  type AgreementEvent,
  type AgreementMachineContext,
  type PersistedSnapshotJson,
} from '../../../workflows';
import { agreementMachineV2, WORKFLOW_V2 } from '../../support/agreement-machine-v2';

type Snap = SnapshotFrom<typeof agreementMachine>;

// Every combination of state and the flags that guards read; round only counts, so it is left out.
const variant = (s: { value: unknown; context: AgreementMachineContext }) =>
  `${String(s.value)}|amending=${s.context.amending}|cabinet=${s.context.needsCabinetApproval}|powers=${s.context.needsFullPowers}`;
const everyV1State = getShortestPaths(agreementMachine, {
  events: ALL_PROBE_EVENTS,
  serializeState: variant,
}).map((p) => p.state);
const storedAt = (machineVersion: number, s: Snap) => ({
  id: 'a-1',
  machineVersion,
  snapshot: JSON.parse(JSON.stringify(agreementMachine.getPersistedSnapshot(s))) as unknown,
});
const accepted = (s: { can(e: AgreementEvent): boolean }) =>
  ALL_PROBE_EVENTS.filter((e) => s.can(e)).map((e) => JSON.stringify(e));

const v2 = createWorkflowRuntime(WORKFLOW_V2);
/** Where version 2 puts an agreement that version 1 held in `s`. */
const inV2 = (s: Snap) =>
  s.value === 'committeeReview' && s.context.amending ? 'amendmentCommitteeReview' : s.value;

describe('a stored snapshot from version 1, run by version 2 of the machine', () => {
  it('covers every state of version 1, in every combination of the flags guards read', () => {
    const names = new Set(everyV1State.map((s) => String(s.value)));
    expect([...names].sort()).toEqual(
      machineStructure()
        .states.map((s) => s.name)
        .sort(),
    );
    expect(new Set(everyV1State.map(inV2))).toContain('amendmentCommitteeReview');
  });

  it.each(everyV1State.map((s) => [variant(s), s] as const))(
    '%s: is in the state the migration says, with the same context',
    (_name, s) => {
      const restored = v2.restoreSnapshot(storedAt(1, s));
      expect(restored.value).toBe(inV2(s));
      expect(restored.context).toEqual(s.context);
      expect(restored.status).toBe(s.status);
    },
  );

  it.each(everyV1State.map((s) => [variant(s), s] as const))(
    '%s: accepts what version 1 accepted, and each step lands where version 1’s would, migrated',
    (_name, s) => {
      const record = storedAt(1, s);
      expect(accepted(v2.restoreSnapshot(record))).toEqual(accepted(s));
      for (const event of ALL_PROBE_EVENTS.filter((e) => s.can(e))) {
        const [v1After] = transition(agreementMachine, s, event);
        const step = v2.takeStep(record, event);
        expect(step.before.value).toBe(inV2(s));
        expect({ value: step.after.value, context: step.after.context }).toEqual({
          value: inV2(v1After),
          context: v1After.context,
        });
        // What the step stores is read back by version 2 without any migration.
        expect(v2.restoreSnapshot({ ...record, machineVersion: 2, snapshot: step.persisted }).value).toBe(
          step.after.value,
        );
      }
    },
  );

  it('lets a split-off amendment continue: approved, sent back, or abandoned', () => {
    const held = everyV1State.find((s) => inV2(s) === 'amendmentCommitteeReview');
    if (!held) throw new Error('no amendment in committee review');
    const record = storedAt(1, held);
    const resolution = (outcome: 'approved' | 'sent-back'): AgreementEvent => ({
      type: 'RECORD_RESOLUTION',
      resolution: { meeting: '2/2566', date: '2023-02-01', outcome, text: { th: 'มติ', en: 'Resolution' } },
    });
    expect(v2.takeStep(record, resolution('approved')).after.value).toBe('committeeApproved');
    expect(v2.takeStep(record, resolution('sent-back')).after.value).toBe('amendment');
    expect(v2.takeStep(record, { type: 'ABANDON_AMENDMENT' }).after.value).toBe('inForce');
    expect(() => v2.takeStep(record, { type: 'WITHDRAW' })).toThrow(
      expect.objectContaining({ code: 'not-allowed' }),
    );
  });

  it('refuses a state the new machine does not define, naming it', () => {
    const lost = createWorkflowRuntime({
      ...WORKFLOW_V2,
      migrations: [{ from: 1, to: 2, migrate: (s) => ({ ...s, value: 'limbo' }) }],
    });
    expect(() => lost.restoreSnapshot(storedAt(1, everyV1State[0] as Snap))).toThrow(
      expect.objectContaining({
        code: 'conflict',
        userMessage: {
          th: expect.stringContaining('limbo') as string,
          en: expect.stringContaining('limbo') as string,
        },
      }),
    );
  });

  it('refuses, at start, a table that skips a version (one without a way from version 1 only refuses those records)', () => {
    expect(() => createWorkflowRuntime({ ...WORKFLOW_V2, migrations: [] })).not.toThrow();
    expect(() =>
      createWorkflowRuntime({ ...WORKFLOW_V2, migrations: [{ from: 1, to: 3, migrate: (s) => s }] }),
    ).toThrow(/n to n \+ 1/);
  });
});

describe('writes that do not step carry the upgraded snapshot', () => {
  const held = everyV1State.find((s) => inV2(s) === 'amendmentCommitteeReview') as Snap;
  const change = { set: { updatedAt: '2023-01-01T00:00:00.000Z' } };

  it('adds the snapshot, the current version and the new state name to a change of an old record', () => {
    const record = { ...storedAt(1, held), state: 'committeeReview' };
    const upgraded = v2.withUpgradedSnapshot(record, change);
    expect(upgraded.set).toMatchObject({
      ...change.set,
      machineVersion: 2,
      state: 'amendmentCommitteeReview',
    });
    expect(v2.restoreSnapshot({ ...record, ...upgraded.set }).value).toBe('amendmentCommitteeReview');
  });

  it('leaves the change alone for a current record, and for a change that already sets the snapshot', () => {
    const current = { ...storedAt(2, held), state: 'committeeReview' };
    expect(v2.withUpgradedSnapshot(current, change)).toBe(change);
    const step = { set: { ...change.set, snapshot: { stepped: true } } };
    expect(v2.withUpgradedSnapshot({ ...current, machineVersion: 1 }, step)).toBe(step);
  });

  it('refuses a change of a record saved by a newer machine', () => {
    expect(() => agreementRuntime.withUpgradedSnapshot({ ...storedAt(2, held), state: 'x' }, change)).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });
});

describe('the agreement runtime steps purely', () => {
  it('restores exactly what xstate’s own restore gives, in every state', () => {
    for (const s of everyV1State) {
      const record = storedAt(1, s);
      const pure = restoreSnapshot(record);
      const actor = createActor(agreementMachine, { snapshot: record.snapshot as Snap }).getSnapshot();
      expect({ value: pure.value, context: pure.context, status: pure.status, tags: [...pure.tags] }).toEqual(
        {
          value: actor.value,
          context: actor.context,
          status: actor.status,
          tags: [...actor.tags],
        },
      );
      expect(accepted(pure)).toEqual(accepted(actor));
    }
  });

  it('starts new agreements where a fresh actor starts', () => {
    expect(initialPersistedSnapshot()).toEqual(
      JSON.parse(JSON.stringify(createActor(agreementMachine).getPersistedSnapshot())),
    );
  });

  it('returns the state before and after and the snapshot to store, leaving the stored one untouched', () => {
    const record = { id: 'a-1', machineVersion: 1, snapshot: initialPersistedSnapshot() };
    const before = JSON.stringify(record.snapshot);
    const step = takeStep(record, { type: 'SUBMIT_TO_COMMITTEE' });
    expect([step.before.value, step.after.value, step.persisted.value]).toEqual([
      'drafting',
      'committeeReview',
      'committeeReview',
    ]);
    expect(JSON.stringify(record.snapshot)).toBe(before);
    expect(() => takeStep(record, { type: 'FORWARD_TO_MFA' })).toThrow(
      expect.objectContaining({ code: 'not-allowed' }),
    );
  });

  it('refuses a send the state accepts but that leaves it where it was', () => {
    const pinger = createMachine({ initial: 'idle', states: { idle: { on: { PING: 'idle' } } } });
    const runtime = createWorkflowRuntime({ machine: pinger, version: 1, migrations: [] });
    const record = { id: 'p-1', machineVersion: 1, snapshot: runtime.initialPersistedSnapshot() };
    expect(runtime.restoreSnapshot(record).can({ type: 'PING' })).toBe(true);
    expect(() => runtime.takeStep(record, { type: 'PING' })).toThrow(
      expect.objectContaining({ code: 'not-allowed' }),
    );
  });

  it('restores a machine with history states through xstate’s own restore, and goes back to where it was', () => {
    const lamp = createMachine({
      initial: 'on',
      states: {
        on: {
          initial: 'dim',
          states: { dim: { on: { UP: 'bright' } }, bright: {}, last: { type: 'history' } },
        },
        off: { on: { ON: 'on.last' } },
      },
      on: { OFF: '.off' },
    });
    const runtime = createWorkflowRuntime({ machine: lamp, version: 1, migrations: [] });
    let record = { id: 'l-1', machineVersion: 1, snapshot: runtime.initialPersistedSnapshot() as unknown };
    for (const type of ['UP', 'OFF'] as const)
      record = { ...record, snapshot: runtime.takeStep(record, { type }).persisted };
    expect((record.snapshot as PersistedSnapshotJson).historyValue).not.toEqual({});
    expect(runtime.restoreSnapshot(record).value).toBe('off');
    expect(runtime.takeStep(record, { type: 'ON' }).after.value).toEqual({ on: 'bright' });
  });
});

// The fixture is a real machine, not a copy that drifts: version 2 reaches its new state from a fresh start.
it('version 2 reaches amendmentCommitteeReview by its own events', () => {
  const reached = getShortestPaths(agreementMachineV2, { events: ALL_PROBE_EVENTS, serializeState: variant });
  expect(reached.map((p) => String(p.state.value))).toContain('amendmentCommitteeReview');
});
