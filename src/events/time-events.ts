// The clock-driven source of the door: which time events fell due between two readings of the clock (pure).
import { ROLES, overdueFrom, overdueLimit, type OverdueDays } from '../domain';
import { waitingStates } from '../../workflows';
import type { AgreementSummary } from '../app/ports';
import type { OverdueEvent } from './events';

/** The states someone has a next step in: the only ones the queue (and so the door) calls overdue. */
function overdueStates(): ReadonlySet<string> {
  return new Set(ROLES.flatMap((r) => waitingStates(r)));
}

/**
 * The overdue events whose moment lies in (from, to], by moment then id. Ids are deterministic (agreement, kind,
 * stateSince), so reading the same window again (a retry, a restart) gives the same events.
 */
export function dueTimeEvents(
  agreements: Iterable<Pick<AgreementSummary, 'id' | 'province' | 'state' | 'stateSince'>>,
  window: { from: Date; to: Date },
  days: OverdueDays,
): OverdueEvent[] {
  const states = overdueStates();
  const out: OverdueEvent[] = [];
  for (const a of agreements) {
    if (!states.has(a.state)) continue;
    const limitDays = overdueLimit(days, a.state);
    const due = overdueFrom(a.stateSince, limitDays);
    if (!(due > window.from && due <= window.to)) continue;
    out.push({
      kind: 'overdue',
      id: `${a.id}:overdue:${a.stateSince}`,
      agreementId: a.id,
      province: a.province,
      state: a.state,
      stateSince: a.stateSince,
      limitDays,
      dueAt: due.toISOString(),
    });
  }
  return out.sort((x, y) => x.dueAt.localeCompare(y.dueAt) || x.id.localeCompare(y.id));
}
