// What goes out of the door: a committed history entry of an agreement, or a time event that fell due; and the
// small interface a subscriber implements.
import type { HistoryEntry } from '../domain';

/** A committed history entry (a step, an edit, a comment, an import, the creation), with where the agreement is. */
export interface EntryEvent {
  kind: 'entry';
  /** `<agreementId>:<seq>`: the key a subscriber makes its effect idempotent by. */
  id: string;
  agreementId: string;
  province: string;
  /** The state the entry left the agreement in (the entry's `to`), the same whenever it is delivered. */
  state: string;
  entry: HistoryEntry;
}

/** An agreement has waited longer than its step allows (the queue's overdue badge), from `dueAt` on. */
export interface OverdueEvent {
  kind: 'overdue';
  /** `<agreementId>:overdue:<stateSince>`: once per stay in a state, however often the clock is read. */
  id: string;
  agreementId: string;
  province: string;
  state: string;
  stateSince: string;
  /** The limit in days (MOU_OVERDUE_DAYS, MOU_OVERDUE_DAYS_BY_STATE). */
  limitDays: number;
  dueAt: string;
}

/**
 * An agreement in force comes to the end of its term: `expiring` when the last six months begin (the queue's
 * "expires within 6 months"), `expired` the day after its expiry day, unless renewed before.
 */
export interface TermEvent {
  kind: 'expiring' | 'expired';
  /** `<agreementId>:<kind>:<expiresOn>`: once per term; a renewal's new expiry gives new events. */
  id: string;
  agreementId: string;
  province: string;
  state: string;
  /** The term's last day (YYYY-MM-DD). */
  expiresOn: string;
  dueAt: string;
}

export type DoorEvent = EntryEvent | OverdueEvent | TermEvent;

/**
 * A consumer of the door (notifications, statistics, reminders). `handle` may be called more than once for the
 * same event (after a crash, or a retry), so its effect must be keyed by `event.id`; it is called in order per
 * agreement, and a throw means "not handled": the event comes again later, with a growing pause.
 */
export interface Subscriber {
  /** Stable and unique: the subscriber's positions are stored under it. */
  name: string;
  handle(event: DoorEvent): Promise<void>;
}

/** The entries of a record after `afterSeq`, in order, as events. */
export function entryEvents(
  record: { id: string; province: string; history: readonly HistoryEntry[] },
  afterSeq: number,
): EntryEvent[] {
  return record.history
    .filter((e) => e.seq > afterSeq)
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => ({
      kind: 'entry',
      id: `${record.id}:${entry.seq}`,
      agreementId: record.id,
      province: record.province,
      state: entry.to,
      entry,
    }));
}
