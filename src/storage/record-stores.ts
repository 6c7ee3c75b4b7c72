// Issued files and history anchors in their own collections, looked up by _id only (FerretDB decodes every
// document for any other filter).
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { HistoryHead, HistoryHeadStore, IssuedFile, IssuedFileStore } from '../app/ports';
import { isDuplicateKeyError } from './errors';

export const ISSUED_COLLECTION = 'issued_documents';
export const HEADS_COLLECTION = 'history_heads';

const fileId = (agreementId: string, seq: number, sha256: string) => `${agreementId}:${seq}:${sha256}`;
const headId = (agreementId: string, seq: number) => `${agreementId}:${seq}`;

function collection(conn: Connection, name: string): Collection<Document> {
  const db = conn.db;
  if (!db) throw new Error('the database connection is not open');
  return db.collection(name) as unknown as Collection<Document>;
}

/**
 * Inserts in one round trip, treating "already there" as done: both stores are append-only and keyed by what they
 * hold, so a duplicate key means the same record was stored before.
 */
async function insertOnce(c: Collection<Document>, docs: Document[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await c.insertMany(docs, { ordered: false });
  } catch (e) {
    const errors = (e as { writeErrors?: unknown }).writeErrors;
    const list: unknown[] = Array.isArray(errors) ? errors : errors ? [errors] : [e];
    if (!list.every((w) => isDuplicateKeyError(w) || isDuplicateKeyError((w as { err?: unknown }).err)))
      throw e;
  }
}

export function createIssuedFileStore(conn: Connection): IssuedFileStore {
  const files = () => collection(conn, ISSUED_COLLECTION);
  return {
    async put(f) {
      const { bytes, ...meta } = f;
      await insertOnce(files(), [{ _id: fileId(f.agreementId, f.seq, f.sha256) as never, ...meta, bytes }]);
    },
    async get(agreementId, seq, sha256) {
      const d = await files().findOne({ _id: fileId(agreementId, seq, sha256) as never });
      if (!d) return undefined;
      // A Buffer is stored as BSON binary and read back as the driver's Binary (its bytes in .buffer).
      const { _id, bytes, ...meta } = d as unknown as Omit<IssuedFile, 'bytes'> & {
        _id: string;
        bytes: { buffer: Uint8Array };
      };
      void _id;
      return { ...meta, bytes: Buffer.from(bytes.buffer) };
    },
  };
}

export function createHistoryHeadStore(conn: Connection): HistoryHeadStore {
  const heads = () => collection(conn, HEADS_COLLECTION);
  return {
    async anchor(agreementId, list) {
      await insertOnce(
        heads(),
        list.map((h) => ({
          _id: headId(agreementId, h.seq) as never,
          agreementId,
          seq: h.seq,
          hash: h.hash,
        })),
      );
    },
    async get(agreementId, seq) {
      const d = await heads().findOne({ _id: headId(agreementId, seq) as never });
      return d ? { seq: d.seq as number, hash: d.hash as string } : undefined;
    },
    async newest(progress) {
      const out = new Map<string, HistoryHead>();
      let n = 0;
      for await (const d of heads().find({}, { projection: { agreementId: 1, seq: 1, hash: 1 } })) {
        const id = d.agreementId as string;
        const seq = d.seq as number;
        if ((out.get(id)?.seq ?? -1) < seq) out.set(id, { seq, hash: d.hash as string });
        if (++n % 1000 === 0) progress?.(n);
      }
      return out;
    },
  };
}
