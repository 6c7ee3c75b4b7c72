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

/** Attached files (GridFS on the database). A file is pending until its history entry is written. */
export interface AttachmentStore {
  /** Stores the bytes, marked pending; a failure part way is cleaned up here when it can be, else by `sweep`. */
  put(info: AttachmentInfo, bytes: Buffer): Promise<void>;
  /** The history entry is written: the file is kept. */
  commit(id: string): Promise<void>;
  info(id: string): Promise<AttachmentInfo | undefined>;
  /** The stored bytes, as stored (not checked here). */
  bytes(id: string): Promise<Buffer | undefined>;
  remove(id: string): Promise<void>;
  /**
   * Removes what an interrupted upload left: chunks of no file and pending files, made before `before`. Returns how
   * many of each went.
   */
  sweep(before: Date): Promise<{ chunks: number; files: number }>;
}
