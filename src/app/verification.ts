// Verifies agreements' records against what is kept outside them: history anchors and stored issued files.
import { issuingEntries, sha256Hex, verifyRecord, type DocumentFact, type Verification } from '../domain';
import type { AgreementRecord, HistoryHead, HistoryHeadStore, IssuedFileStore } from './ports';

export interface VerificationDeps {
  heads: HistoryHeadStore;
  files: IssuedFileStore;
  /** Records kept beside the agreement (attached files, activities): the SHA-256 of each as stored now. */
  beside?: BesideRecords;
}

export interface BesideRecords {
  attachmentSha256(id: string): Promise<string | undefined>;
  activitySha256(id: string): Promise<string | undefined>;
}

/** Each attached file's entry, and each activity's latest entry, with the SHA-256 of what is stored now. */
async function besideFacts(
  beside: BesideRecords | undefined,
  record: AgreementRecord,
): Promise<DocumentFact[]> {
  if (!beside) return [];
  const latestOfActivity = new Map<string, { seq: number; sha256: string }>();
  const facts: DocumentFact[] = [];
  for (const h of record.history) {
    const d = h.detail;
    if (d?.code === 'activity') latestOfActivity.set(d.id, { seq: h.seq, sha256: d.sha256 });
    if (d?.code === 'attachment') {
      const actual = await beside.attachmentSha256(d.id);
      facts.push({ seq: h.seq, what: 'attachment', expected: d.sha256, ...(actual ? { actual } : {}) });
    }
  }
  for (const [id, { seq, sha256 }] of latestOfActivity) {
    const actual = await beside.activitySha256(id);
    facts.push({ seq, what: 'activity', expected: sha256, ...(actual ? { actual } : {}) });
  }
  return facts.sort((x, y) => x.seq - y.seq);
}

export interface DatabaseVerification {
  agreements: number;
  entries: number;
  documents: number;
  failed: { id: string; problems: Verification['problems'] }[];
}

async function documentFacts(files: IssuedFileStore, record: AgreementRecord): Promise<DocumentFact[]> {
  const facts: DocumentFact[] = [];
  for (const h of issuingEntries(record.history)) {
    const expected = h.documentSha256 ?? '';
    const stored = await files.get(record.id, h.seq, expected);
    facts.push({ seq: h.seq, expected, ...(stored ? { actual: sha256Hex(stored.bytes) } : {}) });
  }
  return facts;
}

/** One agreement: its chain, the anchor of its last entry (and none beyond it), each issued file's bytes. */
export async function verifyAgreement(
  deps: VerificationDeps,
  record: AgreementRecord,
): Promise<Verification> {
  const last = record.history.at(-1);
  const [atLast, beyond] = last
    ? await Promise.all([deps.heads.get(record.id, last.seq), deps.heads.get(record.id, last.seq + 1)])
    : [undefined, undefined];
  const anchors = { ...(atLast ? { atLast } : {}), beyond: beyond !== undefined };
  const facts = [...(await documentFacts(deps.files, record)), ...(await besideFacts(deps.beside, record))];
  return verifyRecord(record.history, record.id, anchors, facts);
}

/** Facts about the last entry from every agreement's newest anchor (one pass over the anchors). */
function anchorsFrom(newest: HistoryHead | undefined, record: AgreementRecord) {
  const last = record.history.at(-1);
  if (!newest || !last || newest.seq < last.seq) return { beyond: false };
  return newest.seq > last.seq ? { beyond: true } : { atLast: newest, beyond: false };
}

/** Every agreement of a database, read in one pass; `progress` after each agreement. */
export async function verifyDatabase(
  deps: VerificationDeps,
  records: AsyncIterable<AgreementRecord>,
  progress?: (done: number, failed: number) => void,
): Promise<DatabaseVerification> {
  const newest = await deps.heads.newest();
  const out: DatabaseVerification = { agreements: 0, entries: 0, documents: 0, failed: [] };
  const seen = new Set<string>();
  for await (const record of records) {
    seen.add(record.id);
    const docs = [...(await documentFacts(deps.files, record)), ...(await besideFacts(deps.beside, record))];
    const v = verifyRecord(record.history, record.id, anchorsFrom(newest.get(record.id), record), docs);
    out.agreements++;
    out.entries += v.entries;
    out.documents += docs.length;
    if (!v.ok) out.failed.push({ id: record.id, problems: v.problems });
    progress?.(out.agreements, out.failed.length);
  }
  // Anchors of an agreement that is no longer there: the whole record was removed.
  for (const [id, head] of newest) {
    if (seen.has(id)) continue;
    out.failed.push({
      id,
      problems: [
        {
          kind: 'agreement-missing',
          seq: head.seq,
          message: {
            th: `ความตกลง ${id} มีหลักฐานยืนยันประวัติถึงรายการ ${head.seq} แต่ไม่พบความตกลงนี้แล้ว`,
            en: `Agreement ${id} has history anchors up to entry ${head.seq} but is no longer stored`,
          },
        },
      ],
    });
  }
  return out;
}

export interface Verifier {
  /** Verifies now (the API, the CLI). */
  verify(record: AgreementRecord): Promise<Verification>;
  /**
   * The same, remembered for `ttlMs` per (agreement, rev): the agreement page shows it on every view, and a
   * file swapped behind the app's back shows there within that time (the API and the CLI always check anew).
   */
  recent(record: AgreementRecord): Promise<Verification>;
}

export function createVerifier(deps: VerificationDeps, ttlMs = 60_000, now = () => Date.now()): Verifier {
  const memo = new Map<string, { at: number; v: Promise<Verification> }>();
  const verify = (record: AgreementRecord) => verifyAgreement(deps, record);
  return {
    verify,
    recent(record) {
      const key = `${record.id}\u0000${record.rev}`;
      const hit = memo.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.v;
      if (memo.size > 5000) memo.clear();
      const v = verify(record);
      memo.set(key, { at: now(), v });
      v.catch(() => memo.delete(key));
      return v;
    },
  };
}
