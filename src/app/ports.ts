// What the application layer needs from the outside world: storage, a clock and ids, passed in, never imported.
import type { GazetteerEdit } from '../domain/checks';
import type { Agreement, AgreementKind, Bilingual, HistoryEntry, Resolution, Version } from '../domain';

/** An agreement as stored: the aggregate plus its workflow snapshot and compare-and-set counter. */
export interface AgreementRecord extends Agreement {
  /** Version counter for compare-and-set; +1 on every change. */
  rev: number;
  /** The statechart version the snapshot was made with. */
  machineVersion: number;
  /** The persisted XState snapshot (JSON). */
  snapshot: unknown;
}

/** The fields a list page needs, without versions or history. */
export interface AgreementSummary {
  id: string;
  province: string;
  kind: AgreementKind;
  title: Bilingual;
  partnerName: Bilingual;
  partnerCountryEn: string;
  state: string;
  stateSince: string;
  updatedAt: string;
  rev: number;
  /** The term's expiry (signed agreements): the queue's "expires within 6 months" and "expired, not renewed". */
  expiresOn?: string;
}

export interface AgreementFilter {
  province?: string;
  state?: string;
  /** Any of these states (the queue: every state waiting for a role). */
  states?: readonly string[];
  kind?: AgreementKind;
  partnerCountryEn?: string;
  /** Case-insensitive literal text in the title or the partner's name (either language). */
  text?: string;
}

export const SORT_KEYS = ['updatedAt', 'stateSince', 'title', 'partner', 'province', 'state'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Page {
  limit: number;
  skip: number;
  /** Default: updatedAt descending. Ties are broken by id, so the order is total. */
  sort?: { key: SortKey; dir: 'asc' | 'desc'; lang?: 'th' | 'en' };
}

/** Fields whose distinct values a list page offers as filters or counts. */
export type DistinctField = 'province' | 'partnerCountryEn';

export type ChangeableField =
  | 'workingDraft'
  | 'stale'
  | 'cleared'
  | 'comments'
  | 'signing'
  | 'term'
  | 'flags'
  | 'state'
  | 'stateSince'
  | 'round'
  | 'snapshot'
  | 'machineVersion'
  | 'updatedAt';

/** One atomic change: fields to set and entries to append; rev is incremented by the repository. */
export interface AgreementChange {
  set: Partial<Pick<AgreementRecord, ChangeableField>> & { updatedAt: string };
  push?: { versions?: Version; resolutions?: Resolution; history?: HistoryEntry };
}

export interface AgreementRepository {
  insert(record: AgreementRecord): Promise<void>;
  /** Throws not-found. */
  get(id: string): Promise<AgreementRecord>;
  /**
   * Applies the change only if the stored rev still equals expectedRev, in one update.
   * Throws conflict when someone else changed it first, not-found when it does not exist.
   */
  apply(id: string, expectedRev: number, change: AgreementChange): Promise<AgreementRecord>;
  /** Newest first (updatedAt, then id). */
  list(filter: AgreementFilter, page?: Page): Promise<AgreementSummary[]>;
  count(filter: AgreementFilter): Promise<number>;
  /** Distinct values of a field among the matching agreements, sorted. */
  distinct(field: DistinctField, filter: AgreementFilter): Promise<string[]>;
  /** Which of these article text hashes MFA has cleared in an agreement other than `exceptId`. */
  clearedAmong(hashes: readonly string[], exceptId: string): Promise<Set<string>>;
}

export interface Clock {
  now(): Date;
}

export type IdGenerator = () => string;

export const systemClock: Clock = { now: () => new Date() };

/** A document exactly as a step issued it: its bytes are what was sent, whatever the templates do later. */
export interface IssuedFile {
  agreementId: string;
  /** The history entry that issued it. */
  seq: number;
  event: string;
  versionNo: number;
  doc: string;
  layout: string;
  fileName: string;
  sha256: string;
  issuedAt: string;
  bytes: Buffer;
}

/** Issued files, stored apart from the agreement (content-addressed, so a losing concurrent step stores no clash). */
export interface IssuedFileStore {
  /** Stores the file; storing the same (agreement, seq, sha256) again is a no-op. */
  put(file: IssuedFile): Promise<void>;
  /** The file the entry `seq` recorded with this SHA-256, as stored (its bytes are not checked here). */
  get(agreementId: string, seq: number, sha256: string): Promise<IssuedFile | undefined>;
}

/** The newest history entry of an agreement, kept outside the agreement document. */
export interface HistoryHead {
  seq: number;
  hash: string;
}

/** Append-only anchors of each agreement's history chain: one record per entry, never changed or removed. */
export interface HistoryHeadStore {
  /** Anchors these entries; anchoring an entry again is a no-op. */
  anchor(agreementId: string, heads: readonly HistoryHead[]): Promise<void>;
  /** The anchor of entry `seq`, if there is one. */
  get(agreementId: string, seq: number): Promise<HistoryHead | undefined>;
  /** Every agreement's newest anchor, in one pass (for verifying a whole database). */
  newest(progress?: (done: number) => void): Promise<Map<string, HistoryHead>>;
}

/** The admins' edits of the gazetteer (src/domain/checks/gazetteer-edits.ts), one record per province or partner. */
export interface GazetteerStore {
  list(): Promise<GazetteerEdit[]>;
  /** Stores the edit, replacing an earlier one of the same kind and id. */
  put(edit: GazetteerEdit, by: { userId: string; at: string }): Promise<void>;
}

/** PDF variants: plain, or PDF/A-2b for archiving. */
export type PdfVariant = 'plain' | 'pdfa';

/** An outside program that turns a .docx into a PDF (LibreOffice headless; src/platform/libreoffice.ts). */
export interface PdfConverter {
  /** Why conversion is impossible here (e.g. no LibreOffice found), or undefined when it can run. */
  unavailable(): string | undefined;
  /** Converts one file; rejects with PdfTimeout when it takes longer than timeoutMs (the process tree is killed). */
  convert(docx: Buffer, variant: PdfVariant, timeoutMs: number): Promise<Buffer>;
}

/** Converted PDFs by key (the .docx SHA-256 and variant); derived data, safe to lose. */
export interface PdfCache {
  get(key: string): Promise<Buffer | undefined>;
  put(key: string, pdf: Buffer): Promise<void>;
}

export class PdfTimeout extends Error {}

/** One import of MOI's list of existing pairs, by the file's SHA-256. */
export interface RegistryImportLog {
  fileSha256: string;
  at: string;
  by: string;
  fileName: string;
  /** The agreements it brings in, planned before the first is written. */
  ids: string[];
  /** Every planned agreement is written. */
  done: boolean;
}

export interface RegistryImportStore {
  get(fileSha256: string): Promise<RegistryImportLog | undefined>;
  /** Records the plan (replacing an unfinished one of the same file). */
  begin(log: Omit<RegistryImportLog, 'done'>): Promise<void>;
  finish(fileSha256: string): Promise<void>;
}
