// The statistics' facts, one small document per agreement in their own collection (src/statistics/ports.ts).
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AgreementFact } from '../statistics/facts';
import type { FactStore } from '../statistics/ports';
import { isDuplicateKeyError } from './errors';

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
      // Only over an older fact; when there is none, an insert (a duplicate means a later one landed meanwhile).
      const r = await facts().replaceOne({ _id: id, seq: { $lt: fact.seq } }, rest);
      if (r.matchedCount > 0) return;
      try {
        await facts().insertOne({ _id: id, ...rest });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
    },
  };
}
