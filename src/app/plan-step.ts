// Plans one workflow step, purely: the machine's transition, the step's rules, its effects, the change to store
// and the agreement as it will be (from which the step's document is issued). Nothing is read or written here.
import { chainEntry, type Actor, type HistoryEntryInput } from '../domain';
import { AGREEMENT_MACHINE_VERSION, type AgreementEvent } from '../../workflows';
import { applyChange } from './apply-change';
import type { AgreementChange, AgreementRecord } from './ports';
import { who, type SendOptions } from './service-checks';
import { effectsOf } from './step-effects';
import { validateStep } from './step-rules';
import { stateName, takeStep } from './workflow-runtime';

export interface StepPlan {
  /** Everything the step stores except its history entry, which gets the issued document's hash. */
  change: AgreementChange;
  entry: HistoryEntryInput;
  /** The agreement after the step (with the entry as far as it is known): what the step's document shows. */
  after: AgreementRecord;
}

export function planStep(
  record: AgreementRecord,
  actor: Actor,
  event: AgreementEvent,
  options: SendOptions,
  at: string,
): StepPlan {
  // The state decides first (not-allowed), then the step's rules (validation-failed).
  const step = takeStep(record, event);
  validateStep(event, record, step.before.context);
  const to = stateName(step.after);
  const effects = effectsOf(event, record, { userId: actor.userId, name: actor.name }, at);
  const note = options.note;
  const { needsCabinetApproval, needsFullPowers, round } = step.after.context;
  const entry: HistoryEntryInput = {
    at,
    actor: who(actor),
    event: event.type,
    from: stateName(step.before),
    to,
    ...(effects.versionNo !== undefined ? { versionNo: effects.versionNo } : {}),
    ...(effects.detail ? { detail: effects.detail } : {}),
    ...(note ? { note } : {}),
  };
  const change: AgreementChange = {
    set: {
      snapshot: step.persisted,
      machineVersion: AGREEMENT_MACHINE_VERSION,
      state: to,
      stateSince: at,
      round,
      flags: { needsCabinetApproval, needsFullPowers },
      updatedAt: at,
      ...(effects.signing ? { signing: effects.signing } : {}),
    },
    push: {
      ...(effects.version ? { versions: effects.version } : {}),
      ...(effects.resolution ? { resolutions: effects.resolution } : {}),
    },
  };
  const provisional = chainEntry(record.id, record.history, entry);
  const after = applyChange(record, { ...change, push: { ...change.push, history: provisional } });
  return { change, entry, after };
}
