// The agreement's history: who did what, from which state to which, chained by SHA-256 so tampering shows.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { stableStringify } from './canonical-json';
import { Bilingual } from './bilingual';
import { CommentStatus } from './comment';
import { ResolutionOutcome } from './resolution';
import { Role } from './roles';

/** What the program records about a step, as data (each page words it in its reader's language). */
export const StepDetail = z.discriminatedUnion('code', [
  z.object({ code: z.literal('resolution'), meeting: z.string(), outcome: ResolutionOutcome }).strict(),
  z
    .object({
      code: z.literal('signing'),
      date: z.string(),
      place: Bilingual,
      /** The term recorded at signing (entries written before terms have none). */
      term: z
        .object({ years: z.number(), noticeMonths: z.number(), expiresOn: z.string() })
        .strict()
        .optional(),
    })
    .strict(),
  /** A renewal: from when, for how many years, and the new expiry. */
  z
    .object({ code: z.literal('renewal'), date: z.string(), years: z.number(), expiresOn: z.string() })
    .strict(),
  /** An activity recorded or changed beside the agreement: its id and the SHA-256 of its canonical JSON. */
  z
    .object({
      code: z.literal('activity'),
      id: z.string().min(1).max(64),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  /** The province's yearly evaluation of a pair in force: the year and the SHA-256 of the evaluation as recorded. */
  z
    .object({
      code: z.literal('evaluation'),
      year: z.number().int().min(1900).max(2600),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  /** A file attached beside the agreement (GridFS): its id, SHA-256, size, type, name and what it is attached to. */
  z
    .object({
      code: z.literal('attachment'),
      id: z.string().min(1).max(64),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().min(1),
      contentType: z.string().min(1).max(100),
      name: z.string().max(255),
      kind: z.string().min(1).max(32),
      activityId: z.string().min(1).max(64).optional(),
      versionNo: z.number().int().min(1).optional(),
    })
    .strict(),
  z
    .object({
      code: z.literal('no-objection'),
      needsCabinetApproval: z.boolean(),
      needsFullPowers: z.boolean(),
    })
    .strict(),
  z.object({ code: z.literal('answer'), status: CommentStatus }).strict(),
  /** A reviewer's annotated Word file imported: its SHA-256 and the comments it became. */
  z
    .object({
      code: z.literal('import'),
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
      comments: z.array(z.string().min(1).max(64)).max(500),
    })
    .strict(),
  /** An existing pair brought in from MOI's list: the file's SHA-256 and its row; no approval step is invented. */
  z
    .object({
      code: z.literal('registry-import'),
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
      row: z.number().int().min(2),
      signed: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      termYears: z.number().positive().max(100).optional(),
      reference: z.string().max(200).optional(),
    })
    .strict(),
]);
export type StepDetail = z.infer<typeof StepDetail>;

export const GENESIS_HASH = '0'.repeat(64);
const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const HistoryEntry = z
  .object({
    /** 0 for the creation entry, then 1, 2, … */
    seq: z.number().int().min(0),
    at: z.string(),
    actor: z.object({ userId: z.string(), name: z.string(), role: Role }).strict(),
    /** The workflow event (e.g. FORWARD_TO_MFA), or CREATE for the first entry. */
    event: z.string().min(1).max(64),
    /** null only for the creation entry. */
    from: z.string().nullable(),
    to: z.string(),
    /** The content version the step concerned, when there is one. */
    versionNo: z.number().int().min(1).optional(),
    /** SHA-256 of a document issued at this step (e.g. the cover memo .docx), computed by the server. */
    documentSha256: Sha256Hex.optional(),
    /** Which document that is (mou, memo, review, redline, signing…); its bytes are stored as issued. */
    doc: z.string().min(1).max(32).optional(),
    /** The comment an entry concerns (added, answered, withdrawn). */
    commentId: z.string().min(1).max(64).optional(),
    /** SHA-256 of the canonical JSON of the working draft as saved (draft edits). */
    contentSha256: Sha256Hex.optional(),
    /** Pre-review warnings the person acknowledged at this step (src/domain/checks: rule@anchor/lang#excerpt). */
    acknowledged: z.array(z.string().min(1).max(200)).max(500).optional(),
    /** Articles whose other language the person confirmed at this edit ("<key>:th" / "<key>:en"). */
    confirmed: z.array(z.string().min(1).max(40)).max(400).optional(),
    /** What the step recorded, as data (newer entries); older entries have it in English in `note`. */
    detail: StepDetail.optional(),
    /** The person's own note (e.g. a withdrawal reason); before `detail`, also the program's English words. */
    note: z.string().max(2000).optional(),
    prevHash: Sha256Hex,
    hash: Sha256Hex,
  })
  .strict();
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export type HistoryEntryInput = Omit<HistoryEntry, 'seq' | 'prevHash' | 'hash'>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The hash covers the agreement id too, so an entry cannot be moved to another agreement's chain. */
export function hashEntry(agreementId: string, entry: Omit<HistoryEntry, 'hash'>): string {
  const { seq, at, actor, event, from, to, versionNo, documentSha256, note, prevHash } = entry;
  const { doc, commentId, contentSha256, acknowledged, confirmed, detail } = entry;
  // Fields an entry lacks are left out of the canonical JSON, so entries written before a field existed still verify.
  const covered = {
    ...{ agreementId, seq, at, actor, event, from, to, versionNo, documentSha256, note, prevHash },
    ...{ doc, commentId, contentSha256, acknowledged, confirmed, detail },
  };
  return sha256Hex(stableStringify(covered));
}

/** The next entry of the chain, linked to the last one. */
export function chainEntry(
  agreementId: string,
  history: readonly HistoryEntry[],
  input: HistoryEntryInput,
): HistoryEntry {
  const last = history.at(-1);
  const unhashed = { ...input, seq: last ? last.seq + 1 : 0, prevHash: last ? last.hash : GENESIS_HASH };
  return { ...unhashed, hash: hashEntry(agreementId, unhashed) };
}

export type ChainVerdict =
  | { ok: true; length: number; head: string }
  | { ok: false; brokenAt: number; reason: 'hash-mismatch' | 'broken-link' | 'bad-sequence' };

/** Recomputes every hash and link; the first entry that does not match is reported. */
export function verifyHistoryChain(agreementId: string, history: readonly HistoryEntry[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [i, e] of history.entries()) {
    if (e.seq !== i) return { ok: false, brokenAt: i, reason: 'bad-sequence' };
    if (e.prevHash !== prev) return { ok: false, brokenAt: i, reason: 'broken-link' };
    const { hash, ...rest } = e;
    if (hashEntry(agreementId, rest) !== hash) return { ok: false, brokenAt: i, reason: 'hash-mismatch' };
    prev = hash;
  }
  return { ok: true, length: history.length, head: prev };
}

/** An entry's detail and the person's note: from `detail`, or read back from an older entry's English note. */
export function readStepNote(
  e: Pick<HistoryEntry, 'event' | 'detail' | 'note'>,
  signingPlace?: Bilingual,
): { detail?: StepDetail; note?: string } {
  if (e.detail || !e.note)
    return { ...(e.detail ? { detail: e.detail } : {}), ...(e.note ? { note: e.note } : {}) };
  const [head = '', ...rest] = e.note.split(' — ');
  const note = rest.length ? { note: rest.join(' — ') } : {};
  const legacy = legacyDetail(e.event, head, signingPlace);
  return legacy ? { detail: legacy, ...note } : { note: e.note };
}

function legacyDetail(event: string, head: string, place?: Bilingual): StepDetail | undefined {
  const words = head.split(' ');
  switch (event) {
    case 'RECORD_RESOLUTION': {
      const outcome = ResolutionOutcome.safeParse(words[1]);
      return words.length === 2 && outcome.success
        ? { code: 'resolution', meeting: words[0] ?? '', outcome: outcome.data }
        : undefined;
    }
    case 'RECORD_SIGNING': {
      const date = words[0] ?? '';
      const en = words.slice(1).join(' ');
      return /^\d{4}-\d{2}-\d{2}$/.test(date)
        ? { code: 'signing', date, place: place && place.en === en ? place : { th: en, en } }
        : undefined;
    }
    case 'GIVE_NO_OBJECTION': {
      const m = /^needsCabinetApproval=(true|false) needsFullPowers=(true|false)$/.exec(head);
      return m
        ? { code: 'no-objection', needsCabinetApproval: m[1] === 'true', needsFullPowers: m[2] === 'true' }
        : undefined;
    }
    case 'ANSWER_COMMENT': {
      const status = CommentStatus.safeParse(head);
      return status.success ? { code: 'answer', status: status.data } : undefined;
    }
    default:
      return undefined;
  }
}
