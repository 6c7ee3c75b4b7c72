// Plans one workflow step, purely: the machine's transition and the effects it names, the step's rules, the change to
// store and the agreement as it will be (from which the step's document is issued). Nothing is read or written here.
import { chainEntry, type Actor, type HistoryEntryInput } from '../domain';
import type { AgreementEvent } from '../../workflows';
import { applyChange } from './apply-change';
import type { AgreementChange, AgreementRecord } from './ports';
import { who, type SendOptions } from './service-checks';
import { interpretEffects, type StepOutcome } from './step-effects';
import { assertStepRules } from './step-rules';
import { agreementRuntime, stateName, type StepRuntime } from './workflow-runtime';

export interface StepPlan {
  /** Everything the step stores except its history entry, which gets the issued document's hash. */
  change: AgreementChange;
  entry: HistoryEntryInput;
  /** The agreement after the step (with the entry as far as it is known): what the step's document shows. */
  after: AgreementRecord;
  /** The drafting gate the step runs (before anything is written), when it names one. */
  gate: StepOutcome['gate'];
  /** The document the step issues, when it names one. */
  document: StepOutcome['document'];
}

export function planStep(
  record: AgreementRecord,
  actor: Actor,
  event: AgreementEvent,
  options: SendOptions,
  at: string,
  runtime: StepRuntime = agreementRuntime,
): StepPlan {
  // The state decides first (not-allowed), then the step's rules (validation-failed); both before any effect counts.
  const step = runtime.takeStep(record, event);
  const author = { userId: actor.userId, name: actor.name };
  const outcome = interpretEffects(step.effects, { record, event, context: step.before.context, author, at });
  assertStepRules(outcome.issues);
  const to = stateName(step.after);
  const { needsCabinetApproval, needsFullPowers, round } = step.after.context;
  const entry: HistoryEntryInput = {
    at,
    actor: who(actor),
    event: event.type,
    from: stateName(step.before),
    to,
    ...(outcome.versionNo !== undefined ? { versionNo: outcome.versionNo } : {}),
    ...(outcome.detail ? { detail: outcome.detail } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
  const change: AgreementChange = {
    set: {
      snapshot: step.persisted,
      machineVersion: runtime.version,
      state: to,
      stateSince: at,
      round,
      flags: { needsCabinetApproval, needsFullPowers },
      updatedAt: at,
      ...(outcome.signing ? { signing: outcome.signing } : {}),
      ...(outcome.term ? { term: outcome.term } : {}),
      ...(outcome.cleared ? { cleared: outcome.cleared } : {}),
    },
    push: {
      ...(outcome.version ? { versions: outcome.version } : {}),
      ...(outcome.resolution ? { resolutions: outcome.resolution } : {}),
    },
  };
  const provisional = chainEntry(record.id, record.history, entry);
  const after = applyChange(record, { ...change, push: { ...change.push, history: provisional } });
  return { change, entry, after, gate: outcome.gate, document: outcome.document };
}
