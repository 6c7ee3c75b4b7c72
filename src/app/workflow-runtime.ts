// Restores an agreement's statechart from its stored snapshot and computes the next one, without side effects.
import { createActor, type Snapshot } from 'xstate';
import { DomainError, notAllowed } from '../domain';
import {
  AGREEMENT_MACHINE_VERSION,
  agreementMachine,
  type AgreementEvent,
  type AgreementSnapshot,
} from '../../workflows';
import type { AgreementRecord } from './ports';

function checkMachineVersion(record: Pick<AgreementRecord, 'machineVersion' | 'id'>): void {
  if (record.machineVersion !== AGREEMENT_MACHINE_VERSION) {
    throw new DomainError('conflict', {
      th: `ความตกลง ${record.id} ถูกบันทึกด้วยกระบวนงานรุ่นอื่น (รุ่น ${record.machineVersion}) ต้องปรับข้อมูลก่อนดำเนินการต่อ`,
      en: `Agreement ${record.id} was saved by workflow version ${record.machineVersion}; it must be migrated before it can continue`,
    });
  }
}

/** The initial snapshot of a new agreement, as JSON to store. */
export function initialPersistedSnapshot(): unknown {
  const actor = createActor(agreementMachine);
  const persisted = actor.getPersistedSnapshot();
  return JSON.parse(JSON.stringify(persisted));
}

export function restoreSnapshot(
  record: Pick<AgreementRecord, 'machineVersion' | 'id' | 'snapshot'>,
): AgreementSnapshot {
  checkMachineVersion(record);
  const actor = createActor(agreementMachine, { snapshot: record.snapshot as Snapshot<unknown> });
  return actor.getSnapshot();
}

export function stateName(snapshot: AgreementSnapshot): string {
  return String(snapshot.value);
}

export interface Step {
  before: AgreementSnapshot;
  after: AgreementSnapshot;
  persisted: unknown;
}

/**
 * Sends one event to an actor restored from the stored snapshot. Refuses an event the state does
 * not accept, and a send that leaves the state unchanged (nothing would be recorded).
 */
export function takeStep(
  record: Pick<AgreementRecord, 'machineVersion' | 'id' | 'snapshot'>,
  event: AgreementEvent,
): Step {
  checkMachineVersion(record);
  const actor = createActor(agreementMachine, { snapshot: record.snapshot as Snapshot<unknown> });
  actor.start();
  try {
    const before = actor.getSnapshot();
    const refused = notAllowed({
      th: `ขั้นตอน ${event.type} ทำไม่ได้ในสถานะ ${stateName(before)}`,
      en: `${event.type} is not possible while the agreement is in ${stateName(before)}`,
    });
    if (!before.can(event)) throw refused;
    actor.send(event);
    const after = actor.getSnapshot();
    if (stateName(after) === stateName(before)) throw refused;
    return { before, after, persisted: JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) };
  } finally {
    actor.stop();
  }
}
