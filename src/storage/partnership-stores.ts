// Activities and attached files in their own collections: activities as plain documents, files in GridFS's layout
// (attachments.files and attachments.chunks), so the agreement document does not grow with every photo.
import { createHash } from 'node:crypto';
import { Binary, ObjectId, type Collection, type Db, type Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Activity } from '../domain';
import type { ActivityStore, AttachmentInfo, AttachmentStore } from '../app/partnership-ports';

export const ACTIVITIES_COLLECTION = 'activities';
export const ATTACHMENTS_BUCKET = 'attachments';

function db(conn: Connection): Db {
  const d = conn.db;
  if (!d) throw new Error('the database connection is not open');
  // mongoose carries its own copy of the driver's types; the database is the same object.
  return d as unknown as Db;
}

/** Drops undefined, so what is stored equals what the domain hashed. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function createActivityStore(conn: Connection): ActivityStore {
  let indexed = false;
  const activities = async (): Promise<Collection<Document>> => {
    const c = db(conn).collection(ACTIVITIES_COLLECTION);
    if (!indexed) {
      await c.createIndex({ agreementId: 1 });
      indexed = true;
    }
    return c;
  };
  const toActivity = (d: Document): Activity => {
    const { _id, ...rest } = d;
    return { ...(rest as Omit<Activity, 'id'>), id: String(_id) };
  };
  return {
    async put(a) {
      const { id, ...rest } = plain(a);
      await (await activities()).replaceOne({ _id: id as never }, rest, { upsert: true });
    },
    async get(id) {
      const d = await (await activities()).findOne({ _id: id as never });
      return d ? toActivity(d) : undefined;
    },
    async list(agreementId) {
      const docs = await (await activities()).find({ agreementId }).toArray();
      return docs.map(toActivity).sort((x, y) => x.start.localeCompare(y.start) || x.id.localeCompare(y.id));
    },
    async remove(id) {
      await (await activities()).deleteOne({ _id: id as never });
    },
  };
}

/** GridFS's default chunk size, and how many chunks go in one write. */
const CHUNK_BYTES = 255 * 1024;
const CHUNKS_PER_WRITE = 8;

/**
 * A chunk's ObjectId: the upload's second (as GridFS's driver would stamp it, so the sweep can date an orphan) and
 * eight bytes of SHA-256 over the file's id and the chunk's number.
 */
function chunkId(uploadDate: Date, fileId: string, n: number): ObjectId {
  const b = Buffer.alloc(12);
  b.writeUInt32BE(Math.floor(uploadDate.getTime() / 1000), 0);
  createHash('sha256').update(`${fileId}:${n}`).digest().copy(b, 4, 0, 8);
  return new ObjectId(b);
}

interface FileDoc {
  _id: string;
  length: number;
  chunkSize: number;
  filename: string;
  uploadDate: Date;
  metadata?: { state?: 'pending' | 'committed'; info?: AttachmentInfo };
}

/** An upload under way: written before its first chunk, removed once its file is kept or removed. */
interface UploadDoc {
  _id: string;
  agreementId: string;
  uploadDate: Date;
  length: number;
}

export const UPLOADS_COLLECTION = 'attachment_uploads';

export function createAttachmentStore(conn: Connection): AttachmentStore {
  const files = () => db(conn).collection<FileDoc>(`${ATTACHMENTS_BUCKET}.files`);
  const chunks = () => db(conn).collection<Document>(`${ATTACHMENTS_BUCKET}.chunks`);
  const uploads = () => db(conn).collection<UploadDoc>(UPLOADS_COLLECTION);
  /** Every chunk of an upload, by _id (from its journal entry or its file document); how many were there. */
  const removeFile = async (id: string): Promise<number> => {
    const u = (await uploads().findOne({ _id: id })) ?? (await files().findOne({ _id: id }));
    let removed = 0;
    if (u) {
      const ids = Array.from({ length: Math.ceil(u.length / CHUNK_BYTES) }, (_, n) =>
        chunkId(u.uploadDate, id, n),
      );
      for (const _id of ids) removed += (await chunks().deleteOne({ _id })).deletedCount;
    }
    await files().deleteOne({ _id: id });
    await uploads().deleteOne({ _id: id });
    return removed;
  };
  return {
    async put(info, bytes) {
      // GridFS's layout (chunks first, the file document last, so a file document means a complete file), written
      // here so that each chunk's ObjectId is known from the file: FerretDB v1 decodes every document for a filter
      // other than _id, so reading chunks by files_id would grow with all the files stored; by _id it does not. The
      // journal entry comes first: whatever an interruption leaves, the sweep finds it there (no scan of chunks).
      const uploadDate = new Date(Math.floor(Date.now() / 1000) * 1000);
      const count = Math.ceil(bytes.length / CHUNK_BYTES);
      await uploads().insertOne({
        _id: info.id,
        agreementId: info.agreementId,
        uploadDate,
        length: bytes.length,
      });
      try {
        for (let first = 0; first < count; first += CHUNKS_PER_WRITE) {
          const docs = [];
          for (let n = first; n < Math.min(count, first + CHUNKS_PER_WRITE); n++)
            docs.push({
              _id: chunkId(uploadDate, info.id, n),
              files_id: info.id,
              n,
              data: new Binary(bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES)),
            });
          await chunks().insertMany(docs, { ordered: true });
        }
        await files().insertOne({
          _id: info.id,
          length: bytes.length,
          chunkSize: CHUNK_BYTES,
          uploadDate,
          filename: info.name || info.id,
          metadata: { info: plain(info) },
        });
      } catch (e) {
        // Best effort: when the database is away this fails too, and the sweep at the next start removes the rest.
        await removeFile(info.id).catch(() => undefined);
        throw e;
      }
    },
    async commit(fileId) {
      await uploads().deleteOne({ _id: fileId });
    },
    async info(fileId) {
      const d = await files().findOne({ _id: fileId });
      return d?.metadata?.info;
    },
    async bytes(fileId) {
      const f = await files().findOne({ _id: fileId });
      if (!f) return undefined;
      // The chunks as stored, each by its _id: the SHA-256 in the history is the check (a chunk replaced, resized or
      // gone gives other bytes, which the record check reports; GridFS's own reader would throw instead).
      const parts: Buffer[] = [];
      for (let n = 0; n < Math.ceil(f.length / f.chunkSize); n++) {
        const c = await chunks().findOne({ _id: chunkId(f.uploadDate, fileId, n) });
        const data = c?.data as { buffer: Uint8Array } | Uint8Array | undefined;
        if (data) parts.push(Buffer.from(data instanceof Uint8Array ? data : data.buffer));
      }
      return Buffer.concat(parts);
    },
    remove: removeFile,
    async unfinished(before) {
      const list = await uploads()
        .find({ uploadDate: { $lt: before } })
        .toArray();
      return list.map((u) => ({ id: u._id, agreementId: u.agreementId }));
    },
  };
}
