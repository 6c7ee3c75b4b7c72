// An in-memory AgreementRepository with the same compare-and-set rules, for unit tests of the layers above.
import { conflict, notFound } from '../domain';
import type { AgreementFilter, AgreementRecord, AgreementRepository, AgreementSummary } from '../app/ports';

function matches(r: AgreementRecord, f: AgreementFilter): boolean {
  return (
    (f.province === undefined || r.province === f.province) &&
    (f.state === undefined || r.state === f.state) &&
    (f.kind === undefined || r.workingDraft.kind === f.kind) &&
    (f.partnerCountryEn === undefined || r.workingDraft.parties.partner.country.en === f.partnerCountryEn)
  );
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createMemoryAgreementRepository(): AgreementRepository {
  const rows = new Map<string, AgreementRecord>();
  const sorted = (f: AgreementFilter) =>
    [...rows.values()]
      .filter((r) => matches(r, f))
      .sort((a, b) =>
        a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1,
      );
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
      return sorted(filter)
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
  };
}
