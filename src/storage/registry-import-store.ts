// The log of imports of existing pairs, one document per file (keyed by its SHA-256): the ids it plans first, then
// done — so an import cut short is completed by the next try of the same file, never doubled.
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { RegistryImportLog, RegistryImportStore } from '../app/ports';

export const REGISTRY_IMPORTS_COLLECTION = 'registry_imports';

interface LogDoc extends Document {
  _id: string;
  at: string;
  by: string;
  fileName: string;
  ids: string[];
  done: boolean;
}

export function createRegistryImportStore(conn: Connection): RegistryImportStore {
  const logs = (): Collection<LogDoc> => {
    const db = conn.db;
    if (!db) throw new Error('the database connection is not open');
    return db.collection<LogDoc>(REGISTRY_IMPORTS_COLLECTION) as unknown as Collection<LogDoc>;
  };
  const out = (d: LogDoc): RegistryImportLog => ({
    fileSha256: d._id,
    at: d.at,
    by: d.by,
    fileName: d.fileName,
    ids: d.ids,
    done: d.done,
  });
  return {
    async get(sha) {
      const d = await logs().findOne({ _id: sha });
      return d ? out(d) : undefined;
    },
    async begin(log) {
      const { fileSha256, ...rest } = log;
      await logs().replaceOne({ _id: fileSha256 }, { ...rest, done: false }, { upsert: true });
    },
    async finish(sha) {
      await logs().updateOne({ _id: sha }, { $set: { done: true } });
    },
  };
}
