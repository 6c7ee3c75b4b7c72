// Activities and attached files in their own collections: activities as plain documents, files in GridFS (which
// FerretDB v1 serves), so the agreement document does not grow with every photo.
import { GridFSBucket, ObjectId, type Collection, type Db, type Document } from 'mongodb';
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

interface FileDoc {
  _id: string;
  length: number;
  uploadDate: Date;
  metadata?: { state?: 'pending' | 'committed'; info?: AttachmentInfo };
}

export function createAttachmentStore(conn: Connection): AttachmentStore {
  const bucket = () => new GridFSBucket(db(conn), { bucketName: ATTACHMENTS_BUCKET });
  const files = () => db(conn).collection<FileDoc>(`${ATTACHMENTS_BUCKET}.files`);
  const chunks = () => db(conn).collection<Document>(`${ATTACHMENTS_BUCKET}.chunks`);
  const removeFile = async (id: string) => {
    await chunks().deleteMany({ files_id: id });
    await files().deleteOne({ _id: id });
  };
  return {
    async put(info, bytes) {
      const upload = bucket().openUploadStreamWithId(id(info.id), info.name || info.id, {
        metadata: { state: 'pending', info: plain(info) },
      });
      try {
        await new Promise<void>((resolve, reject) => {
          upload.once('finish', () => resolve());
          upload.once('error', reject);
          upload.end(bytes);
        });
      } catch (e) {
        // Best effort: when the database is away this fails too, and the sweep at the next start removes the rest.
        await removeFile(info.id).catch(() => undefined);
        throw e;
      }
    },
    async commit(fileId) {
      await files().updateOne({ _id: fileId }, { $set: { 'metadata.state': 'committed' } });
    },
    async info(fileId) {
      const d = await files().findOne({ _id: fileId });
      return d?.metadata?.info;
    },
    async bytes(fileId) {
      if (!(await files().findOne({ _id: fileId }, { projection: { _id: 1 } }))) return undefined;
      // The chunks as stored, in order: the SHA-256 in the history is the check (GridFS's own reader would throw
      // on a chunk of another length, and the record check must say "replaced", not fail).
      const parts: Buffer[] = [];
      for await (const c of chunks().find({ files_id: fileId }).sort({ n: 1 })) {
        const data = c.data as { buffer: Uint8Array } | Uint8Array;
        parts.push(Buffer.from(data instanceof Uint8Array ? data : data.buffer));
      }
      return Buffer.concat(parts);
    },
    remove: removeFile,
    async sweep(before) {
      const known = new Set<string>();
      const stale: string[] = [];
      for await (const f of files().find({}, { projection: { _id: 1, uploadDate: 1, metadata: 1 } })) {
        known.add(f._id);
        if (f.metadata?.state !== 'committed' && f.uploadDate < before) stale.push(f._id);
      }
      for (const s of stale) await removeFile(s);
      // Chunks of no file: an upload cut off before GridFS wrote its file document (a chunk's ObjectId dates it).
      const orphans = new Set<string>();
      for await (const c of chunks().find({}, { projection: { _id: 1, files_id: 1 } })) {
        const owner = String(c.files_id);
        const made = c._id instanceof ObjectId ? c._id.getTimestamp() : new Date(0);
        if (!known.has(owner) && made < before) orphans.add(owner);
      }
      let removed = 0;
      for (const o of orphans) removed += (await chunks().deleteMany({ files_id: o })).deletedCount;
      return { chunks: removed, files: stale.length };
    },
  };
}

/** GridFS ids are our own strings (the attachment's id). */
const id = (s: string) => s as unknown as ObjectId;
