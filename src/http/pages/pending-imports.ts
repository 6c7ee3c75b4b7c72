// Uploaded Word files between the preview page and the person's confirmation: in memory, per person and agreement,
// for a limited time. What is kept is what the confirmation needs: the review import keeps the preview it showed
// (confirm places nothing again), the partner's text keeps the file. Nothing of it is part of the record; after a
// restart or expiry the person uploads again.
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors';

/** The confirmation of an upload that is no longer kept (expired, used, or the app restarted). */
export const uploadExpired = () =>
  new DomainError('not-found', {
    th: 'ไฟล์ที่อัปโหลดหมดเวลาแล้ว (เก็บไว้ ๓๐ นาที) กรุณาอัปโหลดอีกครั้ง',
    en: 'The uploaded file has expired (it is kept for 30 minutes); please upload it again',
  });

export interface PendingImport<T = Buffer> {
  readonly userId: string;
  readonly agreementId: string;
  readonly versionNo: number;
  /** What the confirmation uses: the file's bytes, or what was read from them. */
  readonly held: T;
  /** The uploaded file's size in bytes, counted against the store's limit. */
  readonly bytes: number;
  readonly fileName: string;
}

export interface PendingImports<T = Buffer> {
  /** Keeps the upload and returns the token the confirmation form carries. */
  put(p: PendingImport<T>): string;
  /** The upload for this person and agreement, if the token is theirs and not expired (it stays until confirmed). */
  get(token: string, userId: string, agreementId: string): PendingImport<T> | undefined;
  drop(token: string): void;
  readonly size: number;
}

export function pendingImports<T = Buffer>(
  o: { ttlMs?: number; maxEntries?: number; maxBytes?: number; now?: () => number } = {},
): PendingImports<T> {
  const ttl = o.ttlMs ?? 30 * 60_000;
  const maxEntries = o.maxEntries ?? 50;
  const maxBytes = o.maxBytes ?? 200 * 1024 * 1024;
  const now = o.now ?? Date.now;
  const entries = new Map<string, PendingImport<T> & { expires: number }>();
  const sweep = () => {
    const t = now();
    for (const [k, v] of entries) if (v.expires <= t) entries.delete(k);
    let bytes = [...entries.values()].reduce((n, v) => n + v.bytes, 0);
    // Oldest first (a Map keeps insertion order) until within the limits.
    for (const [k, v] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= v.bytes;
    }
  };
  return {
    put(p) {
      const token = randomBytes(18).toString('base64url');
      entries.set(token, { ...p, expires: now() + ttl });
      sweep();
      return token;
    },
    get(token, userId, agreementId) {
      sweep();
      const e = entries.get(token);
      return e && e.userId === userId && e.agreementId === agreementId ? e : undefined;
    },
    drop(token) {
      entries.delete(token);
    },
    get size() {
      sweep();
      return entries.size;
    },
  };
}

/** Keeps what was read from an upload (or the file itself) for `userId`'s confirmation; the token the next form carries. */
export function keepUpload<T = Buffer>(
  pending: PendingImports<T>,
  userId: string,
  agreementId: string,
  versionNo: number,
  file: { readonly bytes: Buffer; readonly name: string },
  held: T,
): string {
  return pending.put({ userId, agreementId, versionNo, held, bytes: file.bytes.length, fileName: file.name });
}
