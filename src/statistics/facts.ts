// What statistics keep of each agreement, folded entry by entry from the door (pure): where it is, what it is,
// when it was signed, how long each finished step took, and its activities by year.
import type { AgreementKind, HistoryEntry } from '../domain';

export interface StepSpan {
  /** The state that was left. */
  state: string;
  days: number;
  /** When it was left (ISO): the year filter reads it. */
  endedAt: string;
}

export interface AgreementFact {
  id: string;
  province: string;
  kind: AgreementKind;
  /** The partner's country in English, as the agreement list filters it. */
  country: string;
  partner: { th: string; en: string };
  state: string;
  /** When the current state was entered (the last entry that changed it). */
  enteredAt: string;
  /** The last history entry folded in (-1: none). */
  seq: number;
  /** YYYY-MM-DD, when the signing (or the imported list) gives it. */
  signed?: string;
  steps: StepSpan[];
  /** Activity id → the year it was recorded in. */
  activities: Record<string, number>;
  /** The last activity's time, else the signing's. */
  lastActiveAt?: string;
  /** Years the province has evaluated (absent on facts kept before evaluations). */
  evaluated?: number[];
}

/** The fields of the agreement as it stands (its list summary). */
export interface FactSummary {
  id: string;
  province: string;
  kind: AgreementKind;
  partnerCountryEn: string;
  partnerName: { th: string; en: string };
}

const DAY_MS = 86_400_000;

/** Days between two ISO times, to a tenth of a day. */
export const daysBetween = (from: string, to: string): number =>
  Math.round(((Date.parse(to) - Date.parse(from)) / DAY_MS) * 10) / 10;

/** An entry's detail code, whatever detail variants exist (activities come from issue 22's records). */
const detailOf = (e: HistoryEntry): { code: string; [k: string]: unknown } | undefined =>
  e.detail as { code: string; [k: string]: unknown } | undefined;

/** The fact after `entry`; an entry at or before the fact's seq changes nothing (delivered again). */
export function foldEntry(
  fact: AgreementFact | undefined,
  summary: FactSummary,
  entry: HistoryEntry,
): AgreementFact {
  if (fact && entry.seq <= fact.seq) return fact;
  const base: AgreementFact = fact ?? {
    id: summary.id,
    province: summary.province,
    kind: summary.kind,
    country: summary.partnerCountryEn,
    partner: summary.partnerName,
    state: entry.to,
    enteredAt: entry.at,
    seq: -1,
    steps: [],
    activities: {},
  };
  const next: AgreementFact = {
    ...base,
    province: summary.province,
    kind: summary.kind,
    country: summary.partnerCountryEn,
    partner: summary.partnerName,
    seq: entry.seq,
  };
  if (entry.from !== null && entry.from !== entry.to) {
    next.steps = [
      ...base.steps,
      { state: entry.from, days: daysBetween(base.enteredAt, entry.at), endedAt: entry.at },
    ];
    next.enteredAt = entry.at;
  }
  if (entry.from === null) next.enteredAt = entry.at;
  next.state = entry.to;
  const d = detailOf(entry);
  const signed =
    d?.code === 'signing' && typeof d.date === 'string'
      ? d.date
      : d?.code === 'registry-import' && typeof d.signed === 'string'
        ? d.signed
        : undefined;
  if (signed) {
    next.signed = signed;
    if (!next.lastActiveAt || next.lastActiveAt < signed) next.lastActiveAt = `${signed}T00:00:00.000Z`;
  }
  if (d?.code === 'evaluation' && typeof d.year === 'number' && !(base.evaluated ?? []).includes(d.year))
    next.evaluated = [...(base.evaluated ?? []), d.year].sort((a, b) => a - b);
  if (d?.code === 'activity' && typeof d.id === 'string') {
    next.activities = { ...base.activities, [d.id]: base.activities[d.id] ?? Number(entry.at.slice(0, 4)) };
    if (!next.lastActiveAt || next.lastActiveAt < entry.at) next.lastActiveAt = entry.at;
  }
  return next;
}
