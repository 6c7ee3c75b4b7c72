// Uploaded Word files between the preview page and the person's confirmation: in memory, per person and agreement,
// for a limited time. Nothing of it is part of the record; after a restart or expiry the person uploads again.
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors';

/** The confirmation of an upload that is no longer kept (expired, used, or the app restarted). */
export const uploadExpired = () =>
  new DomainError('not-found', {
    th: 'ไฟล์ที่อัปโหลดหมดเวลาแล้ว (เก็บไว้ ๓๐ นาที) กรุณาอัปโหลดอีกครั้ง',
    en: 'The uploaded file has expired (it is kept for 30 minutes); please upload it again',
  });

export interface PendingImport {
  readonly userId: string;
  readonly agreementId: string;
  readonly versionNo: number;
  readonly bytes: Buffer;
  readonly fileName: string;
}

export interface PendingImports {
  /** Keeps the file and returns the token the confirmation form carries. */
  put(p: PendingImport): string;
  /** The file for this person and agreement, if the token is theirs and not expired (it stays until confirmed). */
  get(token: string, userId: string, agreementId: string): PendingImport | undefined;
  drop(token: string): void;
  readonly size: number;
}

export function pendingImports(
  o: { ttlMs?: number; maxEntries?: number; maxBytes?: number; now?: () => number } = {},
): PendingImports {
  const ttl = o.ttlMs ?? 30 * 60_000;
  const maxEntries = o.maxEntries ?? 50;
  const maxBytes = o.maxBytes ?? 200 * 1024 * 1024;
  const now = o.now ?? Date.now;
  const entries = new Map<string, PendingImport & { expires: number }>();
  const sweep = () => {
    const t = now();
    for (const [k, v] of entries) if (v.expires <= t) entries.delete(k);
    let bytes = [...entries.values()].reduce((n, v) => n + v.bytes.length, 0);
    // Oldest first (a Map keeps insertion order) until within the limits.
    for (const [k, v] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= v.bytes.length;
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

/** Keeps an uploaded file for `userId`'s confirmation on agreement `agreementId`; the token the next form carries. */
export function keepUpload(
  pending: PendingImports,
  userId: string,
  agreementId: string,
  versionNo: number,
  file: { readonly bytes: Buffer; readonly name: string },
): string {
  return pending.put({ userId, agreementId, versionNo, bytes: file.bytes, fileName: file.name });
}
