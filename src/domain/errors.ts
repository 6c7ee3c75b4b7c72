// The one error hierarchy: every error a user can cause has a stable code and a message in both languages.
import type { Bilingual } from './bilingual';

export type ErrorCode =
  | 'invalid-input'
  | 'validation-failed'
  /** A step the pre-review checks warn about: taken once the warnings are acknowledged (and recorded). */
  | 'warnings-unacknowledged'
  | 'unauthenticated'
  | 'not-allowed'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'db-unavailable'
  /** PDF conversion is not possible here (no LibreOffice) or did not finish in time. */
  | 'pdf-unavailable'
  /** A stored record no longer matches what was recorded (an issued file's SHA-256, the history's anchor). */
  | 'integrity-failure';

export interface FieldIssue {
  path: string;
  message: Bilingual;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: Bilingual;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, message: Bilingual, issues: readonly FieldIssue[] = []) {
    super(message.en);
    this.name = 'DomainError';
    this.code = code;
    this.userMessage = message;
    this.issues = issues;
  }
}

export const notFound = (what: Bilingual = { th: 'ไม่พบข้อมูลที่ต้องการ', en: 'Not found' }) =>
  new DomainError('not-found', what);

export const notAllowed = (why: Bilingual) => new DomainError('not-allowed', why);

export const conflict = (
  why: Bilingual = {
    th: 'ข้อมูลถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'Someone else changed this agreement first. Reload it and try again.',
  },
) => new DomainError('conflict', why);

export const invalid = (why: Bilingual, issues: readonly FieldIssue[] = []) =>
  new DomainError('validation-failed', why, issues);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
