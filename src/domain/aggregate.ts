// The Agreement aggregate: one MOU with its working draft, versions, review comments, resolutions, history.
import { z } from 'zod';
import { AgreementContent } from './agreement';
import { Comment } from './comment';
import { HistoryEntry } from './history';
import { Resolution } from './resolution';
import { Signing } from './signing';
import { TermRecord } from './partnership/term';
import { StaleMark } from './parity';
import { Version } from './version';

/** Set by MOI/MFA at review; neither is a fixed rule (a standard non-binding MOU needs neither). */
export const AgreementFlags = z
  .object({
    needsCabinetApproval: z.boolean(),
    /** Authority to sign (full powers) from MFA, needed only for a binding instrument. */
    needsFullPowers: z.boolean(),
  })
  .strict();
export type AgreementFlags = z.infer<typeof AgreementFlags>;

export const NO_FLAGS: AgreementFlags = { needsCabinetApproval: false, needsFullPowers: false };

export const Agreement = z
  .object({
    id: z.string().min(1).max(64),
    /** Province id from the catalogue (the Thai party). */
    province: z.string().min(1).max(64),
    /** The editable copy; frozen into a new Version when it leaves the province. */
    workingDraft: AgreementContent,
    versions: z.array(Version),
    comments: z.array(Comment),
    resolutions: z.array(Resolution),
    signing: Signing.optional(),
    /** The term from signing, with its renewals and expiry (a deadline kept as data). */
    term: TermRecord.optional(),
    flags: AgreementFlags,
    /** Current workflow state name (e.g. "mfaReview"). */
    state: z.string(),
    /** When the agreement entered its current state: "how long has this waited, and where". */
    stateSince: z.string(),
    /** MFA review round; 1 for the first review. */
    round: z.number().int().min(0),
    history: z.array(HistoryEntry),
    /** Articles of the working draft whose one language has not followed a change to the other (parity locks). */
    stale: z.array(StaleMark).optional(),
    /** Text hashes (src/domain/cleared.ts) of the articles of the version MFA gave no objection to. */
    cleared: z
      .array(z.string().regex(/^[0-9a-f]{32}$/))
      .max(400)
      .optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type Agreement = z.infer<typeof Agreement>;

export function commentsOfRound(a: Pick<Agreement, 'comments'>, round: number): Comment[] {
  return a.comments.filter((c) => c.round === round);
}
