// What the partnership service needs from storage: activities and attached files, each in their own collection.
import type { Activity, AttachmentContentType } from '../domain';

/** Activities beside the agreement (one document each); the agreement's history keeps each one's SHA-256. */
export interface ActivityStore {
  /** Stores the activity, replacing the one with its id. */
  put(activity: Activity): Promise<void>;
  get(id: string): Promise<Activity | undefined>;
  /** The agreement's activities, by start date then id. */
  list(agreementId: string): Promise<Activity[]>;
  remove(id: string): Promise<void>;
}

/** A file attached to an agreement, one of its versions or one of its activities. */
export interface AttachmentInfo {
  id: string;
  agreementId: string;
  name: string;
  kind: string;
  contentType: AttachmentContentType;
  size: number;
  sha256: string;
  activityId?: string;
  versionNo?: number;
  uploadedAt: string;
  uploadedBy: { userId: string; name: string };
}

/** Attached files (GridFS's layout on the database). An upload is journalled until its history entry is written. */
export interface AttachmentStore {
  /** Stores the bytes (journalled as unfinished); a failure part way is cleaned up here when it can be. */
  put(info: AttachmentInfo, bytes: Buffer): Promise<void>;
  /** The history entry is written: the upload is finished and the file kept. */
  commit(id: string): Promise<void>;
  info(id: string): Promise<AttachmentInfo | undefined>;
  /** The stored bytes, as stored (not checked here). */
  bytes(id: string): Promise<Buffer | undefined>;
  /** Removes the file, its chunks and its journal entry; resolves to how many chunks there were. */
  remove(id: string): Promise<number>;
  /** Uploads begun before `before` and not finished: a crash or an outage interrupted them. */
  unfinished(before: Date): Promise<{ id: string; agreementId: string }[]>;
}
