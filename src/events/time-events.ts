// The clock-driven source of the door: which time events fell due between two readings of the clock (pure).
import {
  ROLES,
  addMonths,
  EXPIRY_WARNING_MONTHS,
  overdueFrom,
  overdueLimit,
  type OverdueDays,
} from '../domain';
import { waitingStates } from '../../workflows';
import type { AgreementSummary } from '../app/ports';
import type { OverdueEvent, TermEvent } from './events';

/** The states someone has a next step in: the only ones the queue (and so the door) calls overdue. */
function overdueStates(): ReadonlySet<string> {
  return new Set(ROLES.flatMap((r) => waitingStates(r)));
}

/**
 * The overdue events whose moment lies in (from, to], by moment then id. Ids are deterministic (agreement, kind,
 * stateSince), so reading the same window again (a retry, a restart) gives the same events.
 */
export function dueTimeEvents(
  agreements: Iterable<Pick<AgreementSummary, 'id' | 'province' | 'state' | 'stateSince' | 'expiresOn'>>,
  window: { from: Date; to: Date },
  days: OverdueDays,
): (OverdueEvent | TermEvent)[] {
  const states = overdueStates();
  const out: (OverdueEvent | TermEvent)[] = [];
  for (const a of agreements) {
    out.push(...termEvents(a, window));
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

const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The start of a day in Bangkok (UTC+7), where the term's days are counted (src/domain/partnership/term.ts). */
const bangkokMidnight = (day: string): Date => new Date(`${day}T00:00:00+07:00`);

/** The term events of an agreement in force whose moment lies in (from, to]. */
function termEvents(
  a: Pick<AgreementSummary, 'id' | 'province' | 'state' | 'expiresOn'>,
  window: { from: Date; to: Date },
): TermEvent[] {
  if (a.state !== 'inForce' || !a.expiresOn) return [];
  const expiresOn = a.expiresOn;
  const moments: [TermEvent['kind'], Date][] = [
    // "Expiring" from the day after expiry minus six months; "expired" from the day after the expiry day.
    ['expiring', bangkokMidnight(nextDay(addMonths(expiresOn, -EXPIRY_WARNING_MONTHS)))],
    ['expired', bangkokMidnight(nextDay(expiresOn))],
  ];
  return moments
    .filter(([, due]) => due > window.from && due <= window.to)
    .map(([kind, due]) => ({
      kind,
      id: `${a.id}:${kind}:${expiresOn}`,
      agreementId: a.id,
      province: a.province,
      state: a.state,
      expiresOn,
      dueAt: due.toISOString(),
    }));
}
