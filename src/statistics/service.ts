// MOI's statistics, kept current through the door out: a subscriber folds each committed entry into its agreement's
// fact (its own collection), and requests read the facts held in memory, never the agreements.
import type { Actor } from '../domain';
import { notAllowed } from '../domain';
import type { Subscriber } from '../events/events';
import type { Clock } from '../app/ports';
import { foldEntry, type AgreementFact, type FactSummary } from './facts';
import {
  computeStatistics,
  LIVE_STATES,
  missingEvaluations,
  type Statistics,
  type StatisticsFilter,
} from './figures';
import type { FactStore } from './ports';

export interface StatisticsService {
  /** The door's subscriber ("statistics"). */
  subscriber: Subscriber;
  figures(actor: Actor, filter: StatisticsFilter): Promise<Statistics>;
  /** The facts the figures are made of (the annual report lists the pairs from them), for MOI, MFA and admins. */
  facts(actor: Actor, filter: StatisticsFilter): Promise<AgreementFact[]>;
  /** The evaluations due and not recorded that the actor's queue shows: a secretary's province's, else all. */
  evaluationsDue(actor: Actor): Promise<Statistics['missingEvaluations']>;
  /** Facts folded so far per agreement (the last entry seq): tests and the bench wait on it. */
  seqOf(agreementId: string): Promise<number>;
}

export interface StatisticsDeps {
  store: FactStore;
  /** The agreement as it stands now (the read cache answers from memory). */
  summary: (agreementId: string) => Promise<FactSummary>;
  clock: Clock;
  /**
   * How long facts read from the store are used before they are read again: Infinity when this process is the
   * database's single writer (its own subscriber keeps them), a few seconds when other instances may hold the lease.
   */
  maxAgeMs: number;
}

const READERS = new Set(['moi', 'mfa', 'admin']);
const refused = () =>
  notAllowed({
    th: 'สถิติสำหรับกระทรวงมหาดไทย กระทรวงการต่างประเทศ และผู้ดูแลระบบ',
    en: 'Statistics are for MOI, MFA and administrators',
  });

/** The statistics' name at the door (its positions and lease are kept under it). */
export const STATISTICS_SUBSCRIBER = 'statistics';

export function createStatisticsService(d: StatisticsDeps): StatisticsService {
  let facts: Map<string, AgreementFact> | undefined;
  let loading: Promise<Map<string, AgreementFact>> | undefined;
  let loadedAt = 0;
  let version = 0;
  const memo = new Map<string, { version: number; day: string; value: Statistics }>();

  async function load(): Promise<Map<string, AgreementFact>> {
    const fresh = facts && (d.maxAgeMs === Infinity || Date.now() - loadedAt < d.maxAgeMs);
    if (fresh && facts) return facts;
    loading ??= d.store
      .all()
      .then((list) => {
        facts = new Map(list.map((f) => [f.id, f]));
        loadedAt = Date.now();
        version++;
        return facts;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  const subscriber: Subscriber = {
    name: STATISTICS_SUBSCRIBER,
    async handle(event) {
      if (event.kind !== 'entry') return;
      const known = await load();
      const before = known.get(event.agreementId);
      if (before && event.entry.seq <= before.seq) return;
      const after = foldEntry(before, await d.summary(event.agreementId), event.entry);
      await d.store.put(after);
      known.set(after.id, after);
      version++;
    },
  };

  return {
    subscriber,
    async figures(actor, filter) {
      if (!READERS.has(actor.role)) throw refused();
      const known = await load();
      const now = d.clock.now();
      const key = `${filter.year ?? ''}|${filter.province ?? ''}`;
      const day = now.toISOString().slice(0, 10);
      const hit = memo.get(key);
      if (hit && hit.version === version && hit.day === day) return hit.value;
      const value = computeStatistics(known.values(), filter, now);
      if (memo.size > 500) memo.clear();
      memo.set(key, { version, day, value });
      return value;
    },
    async facts(actor, filter) {
      if (!READERS.has(actor.role)) throw refused();
      return [...(await load()).values()]
        .filter((f) => filter.province === undefined || f.province === filter.province)
        .sort((a, b) => a.province.localeCompare(b.province) || a.partner.en.localeCompare(b.partner.en));
    },
    async evaluationsDue(actor) {
      const known = await load();
      const live = [...known.values()].filter(
        (f) =>
          LIVE_STATES.has(f.state) &&
          (actor.role !== 'secretary' || (actor.province !== undefined && f.province === actor.province)),
      );
      return missingEvaluations(live, d.clock.now());
    },
    async seqOf(id) {
      return (await load()).get(id)?.seq ?? -1;
    },
  };
}
