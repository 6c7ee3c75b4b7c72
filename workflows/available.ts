// Which events a person can send now: permitted by the role table AND accepted by the current state.
import type { SnapshotFrom } from 'xstate';
import type { Actor } from '../src/domain/roles';
import type { AgreementMachine } from './agreement-machine';
import { EVENT_TYPES, PROBE_EVENTS, type AgreementEventType } from './events';
import { mayPerform } from './permissions';

export type AgreementSnapshot = SnapshotFrom<AgreementMachine>;

/** An event type counts as accepted when any of its representative forms (one per guard branch) is. */
export function stateAccepts(snapshot: AgreementSnapshot, type: AgreementEventType): boolean {
  return PROBE_EVENTS[type].some((e) => snapshot.can(e));
}

export function availableEvents(
  snapshot: AgreementSnapshot,
  actor: Pick<Actor, 'role' | 'province'>,
  agreement: { province: string },
): AgreementEventType[] {
  return EVENT_TYPES.filter((t) => mayPerform(actor, t, agreement.province) && stateAccepts(snapshot, t));
}
