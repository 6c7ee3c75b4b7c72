// The figures MOI reads, computed from the kept facts (pure): counts by province, country, kind and state, signings
// per year, median and 90th-percentile days per step, activities per pair per year, and the pairs gone quiet.
import type { AgreementFact } from './facts';

export interface StatisticsFilter {
  /** Agreements signed in this year (Gregorian); step days of steps finished in it. */
  year?: number;
  province?: string;
}

export interface Statistics {
  total: number;
  byProvince: { province: string; count: number }[];
  byCountry: { country: string; count: number }[];
  byKind: { kind: string; count: number }[];
  byState: { state: string; count: number }[];
  signedByYear: { year: number; count: number }[];
  stepDays: { state: string; median: number; p90: number; count: number }[];
  activitiesByYear: { year: number; activities: number; pairs: number; perPair: number }[];
  dormant: {
    id: string;
    province: string;
    partner: { th: string; en: string };
    lastActiveAt: string | null;
  }[];
  /** Pairs in force signed before the end of the year just ended (or of unknown signing) with no evaluation of it. */
  missingEvaluations: { id: string; province: string; partner: { th: string; en: string }; year: number }[];
}

/** States in which a pair counts as existing and can go quiet. */
export const LIVE_STATES: ReadonlySet<string> = new Set(['inForce', 'renewal', 'amendment']);
const DORMANT_YEARS = 2;

/** The value below which `q` of the sorted values lie (nearest rank, as a person would count). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? 0;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  // Largest first, then by name: the same order for the same data.
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function computeStatistics(
  all: Iterable<AgreementFact>,
  filter: StatisticsFilter,
  now: Date,
): Statistics {
  const facts: AgreementFact[] = [];
  const stepsOf: AgreementFact[] = [];
  for (const f of all) {
    if (filter.province !== undefined && f.province !== filter.province) continue;
    stepsOf.push(f);
    if (filter.year !== undefined && f.signed?.slice(0, 4) !== String(filter.year)) continue;
    facts.push(f);
  }
  const spans = new Map<string, number[]>();
  for (const f of stepsOf)
    for (const s of f.steps) {
      if (filter.year !== undefined && s.endedAt.slice(0, 4) !== String(filter.year)) continue;
      const list = spans.get(s.state) ?? [];
      list.push(s.days);
      spans.set(s.state, list);
    }
  const activity = new Map<number, { activities: number; pairs: number }>();
  for (const f of facts) {
    const years = new Map<number, number>();
    for (const y of Object.values(f.activities)) years.set(y, (years.get(y) ?? 0) + 1);
    for (const [y, n] of years) {
      const a = activity.get(y) ?? { activities: 0, pairs: 0 };
      activity.set(y, { activities: a.activities + n, pairs: a.pairs + 1 });
    }
  }
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - DORMANT_YEARS);
  const quietSince = cutoff.toISOString();
  const live = facts.filter((f) => LIVE_STATES.has(f.state));
  return {
    total: facts.length,
    byProvince: countBy(facts, (f) => f.province).map(([province, count]) => ({ province, count })),
    byCountry: countBy(facts, (f) => f.country).map(([country, count]) => ({ country, count })),
    byKind: countBy(facts, (f) => f.kind).map(([kind, count]) => ({ kind, count })),
    byState: countBy(facts, (f) => f.state).map(([state, count]) => ({ state, count })),
    signedByYear: countBy(
      facts.filter((f) => f.signed),
      (f) => f.signed?.slice(0, 4) ?? '',
    )
      .map(([year, count]) => ({ year: Number(year), count }))
      .sort((a, b) => a.year - b.year),
    stepDays: [...spans.entries()]
      .map(([state, days]) => {
        const sorted = [...days].sort((a, b) => a - b);
        return { state, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), count: sorted.length };
      })
      .sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0)),
    activitiesByYear: [...activity.entries()]
      .map(([year, a]) => ({
        year,
        ...a,
        perPair: live.length ? Math.round((a.activities / live.length) * 100) / 100 : 0,
      }))
      .sort((a, b) => a.year - b.year),
    dormant: live
      .filter((f) => f.lastActiveAt === undefined || f.lastActiveAt < quietSince)
      .sort((a, b) => (a.lastActiveAt ?? '').localeCompare(b.lastActiveAt ?? '') || a.id.localeCompare(b.id))
      .map((f) => ({
        id: f.id,
        province: f.province,
        partner: f.partner,
        lastActiveAt: f.lastActiveAt ?? null,
      })),
    missingEvaluations: missingEvaluations(live, now),
  };
}

/** The evaluations due and not recorded: of the year just ended, for each pair in force signed by its end. */
export function missingEvaluations(
  live: readonly AgreementFact[],
  now: Date,
): Statistics['missingEvaluations'] {
  const year = now.getUTCFullYear() - 1;
  return live
    .filter(
      (f) => (f.signed === undefined || Number(f.signed.slice(0, 4)) <= year) && !f.evaluated?.includes(year),
    )
    .map((f) => ({ id: f.id, province: f.province, partner: f.partner, year }))
    .sort((a, b) => a.province.localeCompare(b.province) || a.id.localeCompare(b.id));
}
