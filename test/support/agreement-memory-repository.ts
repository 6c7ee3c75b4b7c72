// An in-memory AgreementRepository with the same compare-and-set rules, for unit tests of the layers above.
import { conflict, notFound } from '../../src/domain';
import type { AgreementChange, AgreementRecord, AgreementRepository } from '../../src/app/ports';
import { applyChange } from '../../src/app/apply-change';
import {
  distinctValues,
  querySummaries,
  summaryOf,
  type ScannedSummary,
} from '../../src/storage/agreement-summary';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export interface MemoryAgreementRepository extends AgreementRepository {
  scanSummaries(batchSize: number): AsyncIterable<ScannedSummary[]>;
  applyUnguarded(id: string, change: AgreementChange): Promise<AgreementRecord>;
}

export function createMemoryAgreementRepository(): MemoryAgreementRepository {
  const rows = new Map<string, AgreementRecord>();
  const summaries = () => [...rows.values()].map(summaryOf);
  const applyTo = (r: AgreementRecord, change: AgreementChange) => {
    const next = applyChange(r, copy(change));
    rows.set(r.id, next);
    return copy(next);
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
      return applyTo(r, change);
    },
    async applyUnguarded(id, change) {
      const r = rows.get(id);
      if (!r) throw notFound();
      return applyTo(r, change);
    },
    async list(filter, page = { limit: 50, skip: 0 }) {
      return copy(querySummaries(summaries(), filter, page));
    },
    async count(filter) {
      return querySummaries(summaries(), filter).length;
    },
    async distinct(field, filter) {
      return distinctValues(summaries(), field, filter);
    },
    async clearedAmong(hashes, exceptId) {
      const wanted = new Set(hashes);
      const found = new Set<string>();
      for (const r of rows.values())
        if (r.id !== exceptId) for (const h of r.cleared ?? []) if (wanted.has(h)) found.add(h);
      return found;
    },
    async *scanSummaries(batchSize) {
      const all: ScannedSummary[] = copy(
        [...rows.values()].map((r) => ({
          ...summaryOf(r),
          ...(r.cleared?.length ? { cleared: r.cleared } : {}),
        })),
      );
      for (let i = 0; i < all.length; i += batchSize) yield all.slice(i, i + batchSize);
    },
  };
}
