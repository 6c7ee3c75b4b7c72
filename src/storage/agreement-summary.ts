// List queries over agreement summaries in memory: the same filter and order as the MongoDB repository.
import type { AgreementFilter, AgreementRecord, AgreementSummary, DistinctField, Page } from '../app/ports';

/** A summary as the start-up scan reads it, with the text hashes MFA cleared in it (for "cleared before"). */
export type ScannedSummary = AgreementSummary & { cleared?: readonly string[] };

export function summaryOf(r: AgreementRecord): AgreementSummary {
  return {
    id: r.id,
    province: r.province,
    kind: r.workingDraft.kind,
    title: r.workingDraft.title,
    partnerName: r.workingDraft.parties.partner.name,
    partnerCountryEn: r.workingDraft.parties.partner.country.en,
    state: r.state,
    stateSince: r.stateSince,
    updatedAt: r.updatedAt,
    rev: r.rev,
    ...(r.term ? { expiresOn: r.term.expiresOn } : {}),
  };
}

function hasText(s: AgreementSummary, text: string | undefined): boolean {
  const needle = text?.trim().slice(0, 200).toLowerCase();
  if (!needle) return true;
  return [s.title.th, s.title.en, s.partnerName.th, s.partnerName.en].some((t) =>
    t.toLowerCase().includes(needle),
  );
}

export function matchesFilter(s: AgreementSummary, f: AgreementFilter): boolean {
  return (
    (f.province === undefined || s.province === f.province) &&
    (f.state === undefined || s.state === f.state) &&
    (f.states === undefined || f.states.includes(s.state)) &&
    (f.kind === undefined || s.kind === f.kind) &&
    (f.partnerCountryEn === undefined || s.partnerCountryEn === f.partnerCountryEn) &&
    hasText(s, f.text)
  );
}

function sortValue(s: AgreementSummary, page: Page): string {
  const sort = page.sort ?? { key: 'updatedAt', dir: 'desc' };
  const lang = sort.lang ?? 'en';
  switch (sort.key) {
    case 'updatedAt':
      return s.updatedAt;
    case 'stateSince':
      return s.stateSince;
    case 'title':
      return s.title[lang];
    case 'partner':
      return s.partnerName[lang];
    case 'province':
      return s.province;
    case 'state':
      return s.state;
  }
}

/** Matching summaries in page order (ties broken by id ascending, as the database does). */
export function querySummaries(
  all: Iterable<AgreementSummary>,
  f: AgreementFilter,
  page?: Page,
): AgreementSummary[] {
  const p = page ?? { limit: 0, skip: 0 };
  const sign = (p.sort?.dir ?? 'desc') === 'asc' ? 1 : -1;
  const rows = [...all].filter((s) => matchesFilter(s, f));
  if (!page) return rows;
  return rows
    .map((s) => ({ s, v: sortValue(s, p) }))
    .sort((a, b) => (a.v === b.v ? (a.s.id < b.s.id ? -1 : 1) : a.v < b.v ? -sign : sign))
    .slice(p.skip, p.skip + p.limit)
    .map((x) => x.s);
}

export function distinctValues(
  all: Iterable<AgreementSummary>,
  field: DistinctField,
  f: AgreementFilter,
): string[] {
  return [...new Set(querySummaries(all, f).map((s) => s[field]))].sort();
}
