// The admins' gazetteer edits: one document per province or partner, keyed "<kind>:<id>".
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { GazetteerStore } from '../app/ports';
import { GazetteerEdit } from '../domain/checks';

export const GAZETTEER_COLLECTION = 'gazetteer_edits';

export function createGazetteerStore(conn: Connection): GazetteerStore {
  const edits = (): Collection<Document> => {
    const db = conn.db;
    if (!db) throw new Error('the database connection is not open');
    return db.collection(GAZETTEER_COLLECTION) as unknown as Collection<Document>;
  };
  return {
    async list() {
      const docs = await edits().find({}).toArray();
      // Validated on the way out too: a record changed behind the app's back is left out rather than trusted.
      return docs.flatMap((d) => {
        const r = GazetteerEdit.safeParse(d.edit);
        return r.success ? [r.data] : [];
      });
    },
    async put(edit, by) {
      await edits().replaceOne(
        { _id: `${edit.kind}:${edit.id}` as never },
        { edit, updatedBy: by.userId, updatedAt: by.at },
        { upsert: true },
      );
    },
  };
}
