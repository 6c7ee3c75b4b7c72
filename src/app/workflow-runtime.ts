// Restores an agreement's statechart from its stored snapshot (upgrading an old one) and computes the next one, purely.
import {
  createActor,
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventFromLogic,
  type Snapshot,
  type SnapshotFrom,
} from 'xstate';
import { DomainError, notAllowed } from '../domain';
import {
  AGREEMENT_WORKFLOW,
  checkMigrations,
  stepEffects,
  upgradeSnapshot,
  type AgreementEvent,
  type AgreementMachine,
  type AgreementMachineContext,
  type PersistedSnapshotJson,
  type StepEffect,
  type VersionedMachine,
} from '../../workflows';
import type { AgreementChange, AgreementRecord } from './ports';

/** What the runtime reads from a stored agreement. */
export type StoredWorkflow = Pick<AgreementRecord, 'id' | 'machineVersion' | 'snapshot'>;

export interface Step<S> {
  before: S;
  after: S;
  /** The snapshot after the step, as JSON to store with the runtime's (current) version. */
  persisted: PersistedSnapshotJson;
  /** What the step does, as the machine names it: its transition's effects, then those of the states it enters. */
  effects: StepEffect[];
}

export interface WorkflowRuntime<M extends AnyStateMachine> {
  /** The machine version every write stores. */
  version: number;
  initialPersistedSnapshot(): PersistedSnapshotJson;
  /** The snapshot of an agreement that is in `state` with the initial context (a pair brought in as it stands). */
  persistedSnapshotIn(state: string): PersistedSnapshotJson;
  /** The stored snapshot in the current machine, upgraded in memory when it was saved by an older one. */
  restoreSnapshot(record: StoredWorkflow): SnapshotFrom<M>;
  /** One event from the stored (upgraded) snapshot; refuses an event the state does not accept. */
  takeStep(record: StoredWorkflow, event: EventFromLogic<M>): Step<SnapshotFrom<M>>;
  /**
   * The change, plus the upgraded snapshot and current version when the record was saved by an older machine,
   * for writes that do not step (content edits, comments); a step's change already carries both.
   */
  withUpgradedSnapshot(
    record: StoredWorkflow & Pick<AgreementRecord, 'state'>,
    change: AgreementChange,
  ): AgreementChange;
}

/** What taking a step needs of a runtime: any machine over the agreement's context and events (a variant too). */
export interface StepRuntime {
  version: number;
  takeStep(
    record: StoredWorkflow,
    event: AgreementEvent,
  ): Step<{ value: unknown; context: AgreementMachineContext }>;
}

/** The state as one name: the agreement machine's own state names; a nested state as parent.child. */
export function stateName(snapshot: { value: unknown }): string {
  const name = (v: unknown): string =>
    typeof v === 'object' && v !== null
      ? Object.entries(v)
          .map(([region, child]) => `${region}.${name(child)}`)
          .join(',')
      : String(v);
  return name(snapshot.value);
}

const isEmpty = (o: object) => Object.keys(o).length === 0;
const toJson = (persisted: Snapshot<unknown>): PersistedSnapshotJson =>
  JSON.parse(JSON.stringify(persisted)) as PersistedSnapshotJson;

export function createWorkflowRuntime<M extends AnyStateMachine>(
  workflow: VersionedMachine<M>,
): WorkflowRuntime<M> {
  const { version } = workflow;
  checkMigrations(version, workflow.migrations);
  // xstate's generic signatures do not resolve for an unknown M; the runtime works on the machine's general
  // type and hands back M's snapshot type, which is what the machine produces.
  const machine: AnyStateMachine = workflow.machine;

  // resolveState is pure and rebuilds the state nodes from the value, which is all a machine without invoked
  // actors or history states needs; for a snapshot holding either, xstate's own restore (an actor that is built,
  // never started, so no action runs) revives them.
  function resolve(record: StoredWorkflow, json: PersistedSnapshotJson): AnyMachineSnapshot {
    try {
      if (isEmpty(json.children) && isEmpty(json.historyValue)) {
        const { value, context, status, output, error } = json;
        return machine.resolveState({ value, context, status, output, error });
      }
      return createActor(machine, { snapshot: json as Snapshot<unknown> }).getSnapshot();
    } catch {
      // A state the machine does not define: a migration is missing or wrong.
      throw new DomainError('conflict', {
        th: `สถานะกระบวนงานของความตกลง ${record.id} (${stateName(json)}) ไม่มีในกระบวนงานรุ่น ${version} กรุณาแจ้งผู้ดูแลระบบ`,
        en: `Agreement ${record.id} is in ${stateName(json)}, which workflow version ${version} does not define; tell the administrator`,
      });
    }
  }

  const restore = (record: StoredWorkflow) => resolve(record, upgradeSnapshot(workflow, record));

  return {
    version,
    initialPersistedSnapshot: () => toJson(machine.getPersistedSnapshot(initialTransition(machine)[0])),
    restoreSnapshot: (record) => restore(record) as SnapshotFrom<M>,
    persistedSnapshotIn(state) {
      const initial = initialTransition(machine)[0];
      return toJson(
        machine.getPersistedSnapshot(machine.resolveState({ value: state, context: initial.context })),
      );
    },

    takeStep(record, event) {
      const before = restore(record);
      const refused = notAllowed({
        th: `ขั้นตอน ${event.type} ทำไม่ได้ในสถานะ ${stateName(before)}`,
        en: `${event.type} is not possible while the agreement is in ${stateName(before)}`,
      });
      if (!before.can(event)) throw refused;
      // transition() is pure: it returns the actions to execute instead of running them (a context assignment is
      // applied, not returned), so the named effects come back in order: exit, transition, entry.
      const [after, actions] = transition(machine, before, event);
      // Nothing would be recorded for a step that stays in its state.
      if (stateName(after) === stateName(before)) throw refused;
      return {
        before: before as SnapshotFrom<M>,
        after: after as SnapshotFrom<M>,
        persisted: toJson(machine.getPersistedSnapshot(after)),
        effects: stepEffects(actions),
      };
    },

    withUpgradedSnapshot(record, change) {
      if (record.machineVersion === version || change.set.snapshot !== undefined) return change;
      // Re-persisted from the restored snapshot, so what is stored is what this machine reads back.
      const restored = restore(record);
      const state = stateName(restored);
      return {
        ...change,
        set: {
          ...change.set,
          snapshot: toJson(machine.getPersistedSnapshot(restored)),
          machineVersion: version,
          // Lists and queues filter on the stored state name; it follows a migration that renames or splits one.
          ...(state !== record.state ? { state } : {}),
        },
      };
    },
  };
}

/** The runtime of the agreement machine at its current version. */
export const agreementRuntime: WorkflowRuntime<AgreementMachine> = createWorkflowRuntime(AGREEMENT_WORKFLOW);

export const {
  initialPersistedSnapshot,
  restoreSnapshot,
  takeStep,
  withUpgradedSnapshot,
  persistedSnapshotIn,
} = agreementRuntime;
