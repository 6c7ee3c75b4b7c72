// The daily digest: once a day (after the hour, Bangkok time), each person who chose it gets one e-mail listing the
// agreements waiting for them that are overdue, and what landed on them since the day before. Keyed by day and person.
import { daysInStep, isOverdue, overdueLimit, type OverdueDays } from '../domain';
import { mayPerform, waitingStates } from '../../workflows';
import type { AgreementSummary } from '../app/ports';
import type { ClockCursorStore } from '../events/ports';
import type { DigestLine, Directory, NotificationStore, OutboxStore, Person } from './ports';

const BANGKOK_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
export const DIGEST_CURSOR = 'notifications-digest';

/** The Bangkok calendar day of a moment, and the hour there. */
export function bangkokDay(at: Date): { day: string; hour: number } {
  const local = new Date(at.getTime() + BANGKOK_MS);
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

/** The person's overdue agreements (pure): waiting for their role, visible to them, past the step's limit. */
export function overdueFor(
  person: Pick<Person, 'role' | 'province'>,
  summaries: Iterable<Pick<AgreementSummary, 'id' | 'province' | 'state' | 'stateSince' | 'title'>>,
  now: Date,
  days: OverdueDays,
): DigestLine[] {
  const states = new Set(waitingStates(person.role));
  const out: DigestLine[] = [];
  for (const a of summaries) {
    if (!states.has(a.state) || !mayPerform(person, 'VIEW', a.province)) continue;
    const limitDays = overdueLimit(days, a.state);
    const d = daysInStep(a.stateSince, now);
    if (isOverdue(d, limitDays))
      out.push({ agreementId: a.id, title: a.title, state: a.state, days: d, limitDays });
  }
  return out.sort((x, y) => y.days - x.days || x.agreementId.localeCompare(y.agreementId));
}

export interface DigestDeps {
  directory: Directory;
  notifications: NotificationStore;
  outbox: OutboxStore;
  cursors: ClockCursorStore;
  summaries: () => Promise<Iterable<AgreementSummary>>;
  overdueDays: OverdueDays;
  /** The Bangkok hour from which the day's digest is made. */
  hour: number;
}

/** Makes the day's digests when it is time and they were not made yet; answers how many were queued. */
export async function makeDigests(d: DigestDeps, now: Date): Promise<number> {
  const { day, hour } = bangkokDay(now);
  if (hour < d.hour) return 0;
  const done = await d.cursors.get(DIGEST_CURSOR);
  if (done !== undefined && done >= day) return 0;
  const people = (await d.directory.people()).filter(
    (p) => !p.disabled && p.email && p.notify === 'daily' && p.role !== 'admin',
  );
  let queued = 0;
  if (people.length > 0) {
    const summaries = [...(await d.summaries())];
    const since = new Date(now.getTime() - DAY_MS).toISOString();
    const createdAt = now.toISOString();
    for (const p of people) {
      const overdue = overdueFor(p, summaries, now, d.overdueDays);
      const notices = (await d.notifications.since(p.id, since)).map(
        ({ id: _i, userId: _u, read: _r, createdAt: _c, ...n }) => n,
      );
      // Keyed by day and person: made again after a crash, it is not queued twice.
      await d.outbox.enqueue([
        {
          id: `digest:${day}@${p.id}`,
          userId: p.id,
          message: { kind: 'digest', digest: { day, overdue, notices } },
          createdAt,
        },
      ]);
      queued++;
    }
  }
  await d.cursors.set(DIGEST_CURSOR, day);
  return queued;
}
