// The statistics' facts, one small document per agreement in their own collection (src/statistics/ports.ts).
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AgreementFact } from '../statistics/facts';
import type { FactStore } from '../statistics/ports';

export const STATISTICS_COLLECTION = 'statistics_facts';

type FactDoc = Omit<AgreementFact, 'id'> & { _id: string };

export function createFactStore(conn: Connection): FactStore {
  const facts = (): Collection<FactDoc> => {
    const db = conn.db;
    if (!db) throw new Error('the database connection is not open');
    return db.collection<FactDoc>(STATISTICS_COLLECTION) as unknown as Collection<FactDoc>;
  };
  return {
    async all() {
      const out: AgreementFact[] = [];
      for await (const { _id, ...rest } of facts().find({})) out.push({ id: _id, ...rest });
      return out;
    },
    async put(fact) {
      const { id, ...rest } = fact;
      // By _id alone: FerretDB v1 answers only that filter from its index (any other decodes every fact). The
      // subscriber never folds an entry at or before the fact's seq, and only the leaseholder writes.
      await facts().replaceOne({ _id: id }, rest, { upsert: true });
    },
  };
}
