// Verifies an agreement's record: the hash chain, its anchor kept outside the agreement, and every issued file.
import type { Bilingual } from './bilingual';
import { verifyHistoryChain, type HistoryEntry } from './history';

export const PROBLEM_KINDS = [
  'chain-broken',
  'head-mismatch',
  'entries-removed',
  'unanchored',
  'document-missing',
  'document-mismatch',
  'agreement-missing',
  /** A file attached beside the agreement (GridFS) is gone, or its bytes differ from the SHA-256 its entry recorded. */
  'attachment-missing',
  'attachment-mismatch',
  /** An activity beside the agreement is gone, or differs from the SHA-256 its latest entry recorded. */
  'activity-missing',
  'activity-mismatch',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export interface VerificationProblem {
  kind: ProblemKind;
  /** The history entry concerned. */
  seq?: number;
  message: Bilingual;
}

export interface Verification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  problems: VerificationProblem[];
}

export interface AnchorFacts {
  /** The anchor recorded for the chain's last entry, if any. */
  atLast?: { seq: number; hash: string };
  /** An anchor exists beyond the chain's last entry: entries were removed. */
  beyond: boolean;
}

export interface DocumentFact {
  seq: number;
  /** What the entry recorded: an issued document (default), an attached file, an activity. */
  what?: 'document' | 'attachment' | 'activity';
  expected: string;
  /** SHA-256 of the stored bytes; undefined when no file is stored. */
  actual?: string;
}

const REASON: Record<string, Bilingual> = {
  'hash-mismatch': { th: 'ข้อมูลของรายการถูกแก้ไข', en: 'the entry was edited' },
  'broken-link': { th: 'รายการไม่ต่อกับรายการก่อนหน้า', en: 'it does not link to the entry before it' },
  'bad-sequence': { th: 'ลำดับรายการผิด', en: 'its sequence number is wrong' },
};

/** The verdict from facts gathered by the caller (the record, its anchors, the stored files' hashes). Pure. */
export function verifyRecord(
  history: readonly HistoryEntry[],
  agreementId: string,
  anchors: AnchorFacts,
  documents: readonly DocumentFact[],
): Verification {
  const problems: VerificationProblem[] = [];
  const chain = verifyHistoryChain(agreementId, history);
  if (!chain.ok) {
    const r = REASON[chain.reason] ?? { th: chain.reason, en: chain.reason };
    problems.push({
      kind: 'chain-broken',
      seq: chain.brokenAt,
      message: {
        th: `ประวัติขาดความต่อเนื่องที่รายการ ${chain.brokenAt}: ${r.th}`,
        en: `The history chain breaks at entry ${chain.brokenAt}: ${r.en}`,
      },
    });
  }
  const last = history.at(-1);
  if (anchors.beyond) {
    problems.push({
      kind: 'entries-removed',
      message: {
        th: 'รายการล่าสุดของประวัติถูกลบ: มีหลักฐานยืนยันรายการที่อยู่หลังรายการสุดท้ายที่เหลืออยู่',
        en: 'The newest history entries were removed: an anchor exists beyond the last entry left',
      },
    });
  } else if (last && !anchors.atLast) {
    problems.push({
      kind: 'unanchored',
      seq: last.seq,
      message: {
        th: `รายการล่าสุด (${last.seq}) ไม่มีหลักฐานยืนยันที่บันทึกแยกไว้`,
        en: `The newest entry (${last.seq}) has no anchor kept outside the agreement`,
      },
    });
  } else if (last && anchors.atLast && anchors.atLast.hash !== last.hash) {
    problems.push({
      kind: 'head-mismatch',
      seq: last.seq,
      message: {
        th: `รายการล่าสุด (${last.seq}) ไม่ตรงกับหลักฐานที่บันทึกแยกไว้: ประวัติถูกแก้ไขหรือสร้างใหม่`,
        en: `The newest entry (${last.seq}) does not match its anchor: the history was edited or rebuilt`,
      },
    });
  }
  for (const d of documents) {
    if (d.what === 'attachment' || d.what === 'activity') {
      const p = besideProblem(d, d.what);
      if (p) problems.push(p);
      continue;
    }
    if (d.actual === undefined) {
      problems.push({
        kind: 'document-missing',
        seq: d.seq,
        message: {
          th: `ไม่พบแฟ้มเอกสารที่ออกในรายการ ${d.seq}`,
          en: `The file issued at entry ${d.seq} is not stored`,
        },
      });
    } else if (d.actual !== d.expected) {
      problems.push({
        kind: 'document-mismatch',
        seq: d.seq,
        message: {
          th: `แฟ้มเอกสารที่ออกในรายการ ${d.seq} ไม่ตรงกับค่า SHA-256 ที่บันทึกไว้`,
          en: `The file stored for entry ${d.seq} does not match the SHA-256 recorded when it was issued`,
        },
      });
    }
  }
  return {
    ok: problems.length === 0,
    entries: history.length,
    head: last ? { seq: last.seq, hash: last.hash } : null,
    problems,
  };
}

/** The entries that issued a document, i.e. whose stored file must still match. */
export function issuingEntries(history: readonly HistoryEntry[]): HistoryEntry[] {
  return history.filter((h) => h.documentSha256 !== undefined);
}

const BESIDE = {
  attachment: { th: 'ไฟล์แนบที่บันทึกในรายการ', en: 'The file attached at entry' },
  activity: { th: 'กิจกรรมที่บันทึกในรายการ', en: 'The activity recorded at entry' },
} as const;

/** A record kept beside the agreement (attached file, activity) against the SHA-256 its history entry recorded. */
function besideProblem(d: DocumentFact, what: 'attachment' | 'activity'): VerificationProblem | undefined {
  const w = BESIDE[what];
  if (d.actual === undefined)
    return {
      kind: `${what}-missing`,
      seq: d.seq,
      message: { th: `${w.th} ${d.seq} ไม่พบแล้ว`, en: `${w.en} ${d.seq} is no longer stored` },
    };
  if (d.actual !== d.expected)
    return {
      kind: `${what}-mismatch`,
      seq: d.seq,
      message: {
        th: `${w.th} ${d.seq} ไม่ตรงกับค่า SHA-256 ที่บันทึกไว้: ถูกแทนที่หรือแก้ไข`,
        en: `${w.en} ${d.seq} does not match the SHA-256 recorded: it was replaced or changed`,
      },
    };
  return undefined;
}
