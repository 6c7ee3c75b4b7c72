// When an agreement is overdue in its step: the one rule the queue's badges and the door's time events share.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days a step may wait (MOU_OVERDUE_DAYS), with per-step overrides (MOU_OVERDUE_DAYS_BY_STATE). */
export interface OverdueDays {
  default: number;
  byState: Readonly<Record<string, number>>;
}

export function overdueLimit(days: OverdueDays, state: string): number {
  return days.byState[state] ?? days.default;
}

/** Whole days since the step began (never negative). */
export function daysInStep(stateSince: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(stateSince)) / DAY_MS));
}

/** Overdue once the whole days in the step exceed the limit. */
export function isOverdue(daysInState: number, limit: number): boolean {
  return daysInState > limit;
}

/** The first moment `isOverdue` holds for a step begun at `stateSince`: limit + 1 whole days later. */
export function overdueFrom(stateSince: string, limit: number): Date {
  return new Date(Date.parse(stateSince) + (limit + 1) * DAY_MS);
}
