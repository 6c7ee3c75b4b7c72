// An in-memory AgreementRepository with the same compare-and-set rules, for unit tests of the layers above.
import { conflict, notFound } from '../domain';
import type { AgreementFilter, AgreementRecord, AgreementRepository, AgreementSummary, Page } from '../app/ports';

function hasText(r: AgreementRecord, text: string | undefined): boolean {
  const needle = text?.trim().toLowerCase();
  if (!needle) return true;
  const { title, parties } = r.workingDraft;
  return [title.th, title.en, parties.partner.name.th, parties.partner.name.en].some((s) => s.toLowerCase().includes(needle));
}

function matches(r: AgreementRecord, f: AgreementFilter): boolean {
  return (
    (f.province === undefined || r.province === f.province) &&
    (f.state === undefined || r.state === f.state) &&
    (f.states === undefined || f.states.includes(r.state)) &&
    (f.kind === undefined || r.workingDraft.kind === f.kind) &&
    (f.partnerCountryEn === undefined || r.workingDraft.parties.partner.country.en === f.partnerCountryEn) &&
    hasText(r, f.text)
  );
}

function sortValue(r: AgreementRecord, page: Page): string {
  const s = page.sort ?? { key: 'updatedAt', dir: 'desc' };
  const lang = s.lang ?? 'en';
  switch (s.key) {
    case 'updatedAt':
      return r.updatedAt;
    case 'stateSince':
      return r.stateSince;
    case 'title':
      return r.workingDraft.title[lang];
    case 'partner':
      return r.workingDraft.parties.partner.name[lang];
    case 'province':
      return r.province;
    case 'state':
      return r.state;
  }
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createMemoryAgreementRepository(): AgreementRepository {
  const rows = new Map<string, AgreementRecord>();
  const sorted = (f: AgreementFilter, page: Page = { limit: 0, skip: 0 }) => {
    const sign = (page.sort?.dir ?? 'desc') === 'asc' ? 1 : -1;
    return [...rows.values()]
      .filter((r) => matches(r, f))
      .sort((a, b) => {
        const [x, y] = [sortValue(a, page), sortValue(b, page)];
        return x === y ? (a.id < b.id ? -1 : 1) : x < y ? -sign : sign;
      });
  };
  return {
    async insert(record) {
      if (rows.has(record.id)) throw conflict();
      rows.set(record.id, copy(record));
    },
    async get(id) {
      const r = rows.get(id);
      if (!r) throw notFound();
      return copy(r);
    },
    async apply(id, expectedRev, change) {
      const r = rows.get(id);
      if (!r) throw notFound();
      if (r.rev !== expectedRev) throw conflict();
      const next: AgreementRecord = { ...r, ...copy(change.set), rev: r.rev + 1 };
      const push = change.push ?? {};
      if (push.versions) next.versions = [...r.versions, copy(push.versions)];
      if (push.resolutions) next.resolutions = [...r.resolutions, copy(push.resolutions)];
      if (push.history) next.history = [...r.history, copy(push.history)];
      rows.set(id, next);
      return copy(next);
    },
    async list(filter, page = { limit: 50, skip: 0 }) {
      return sorted(filter, page)
        .slice(page.skip, page.skip + page.limit)
        .map((r): AgreementSummary => ({
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
        }));
    },
    async count(filter) {
      return sorted(filter).length;
    },
    async distinct(field, filter) {
      const value = (r: AgreementRecord) =>
        field === 'province' ? r.province : r.workingDraft.parties.partner.country.en;
      return [...new Set(sorted(filter).map(value))].sort();
    },
  };
}
