// What a caller asks the document pipeline for: which document, which layout, which content and context.
import { z } from 'zod';
import { AgreementContentInput } from '../domain/agreement';
import { Bilingual, Text } from '../domain/bilingual';
import { CommentInput } from '../domain/comment';
import { SigningSignatory } from '../domain/signing';
import { parseIsoDate } from '../domain/thai-format';
import { DOC_TYPES } from './templates';

export { DOC_TYPES, type DocType } from './templates';

/**
 * parallel: Thai and English side by side. sequential: the Thai text, then the English text, one signature block.
 * separate: two originals in one file, the Thai text with the Thai party first, then the English text with the
 * partner first, each signed (MOU and signing copy only; DOMAIN.md §8).
 */
export const LAYOUTS = ['parallel', 'sequential', 'separate'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** "YYYY-MM-DD" that is a real calendar date. */
export const IsoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseIsoDate(s) !== undefined, {
    message: 'must be a date written YYYY-MM-DD',
  });

/** When nothing else fixes a date, documents use this one, so output never depends on the clock. */
export const FIXED_DATE = '2000-01-01';

export const RenderMeta = z
  .object({
    /** The agreement's id, written into the file's custom properties so that an import can tell whose it is. */
    agreement: z.string().min(1).max(64).optional(),
    /** Date of the document (memo date, date of tracked changes). Default: FIXED_DATE. */
    date: IsoDate.optional(),
    /** Thai digits (๑๒๓) in generated numbers of the Thai text and page numbers; default "thai". */
    numerals: z.enum(['thai', 'arabic']).optional(),
    /** A final text: no DRAFT mark on mou and plan (review, redline and comparison are always drafts). */
    final: z.boolean().optional(),
    /** Province id (src/domain/catalogue/provinces): names the committee in the cover memo. */
    province: z.string().max(64).optional(),
    /** The province's committee as the admins name it in the gazetteer; the catalogue's name otherwise. */
    committeeName: Bilingual.optional(),
    /** The provincial committee's resolution, cited by the cover memo. */
    committee: z.object({ meeting: Text, date: IsoDate, resolution: Bilingual }).strict().optional(),
    /** Place and date of signing; fill the closing's {{place.*}} / {{date.*}} placeholders. */
    signing: z
      .object({
        place: Bilingual.optional(),
        /** The place as the partner's text names it: fills {{place.<tag>}} of its closing. */
        partnerPlace: Text.optional(),
        date: IsoDate.optional(),
        /** Who signed, as recorded at signing: printed in the signature blocks instead of the draft's offices. */
        signatories: z.object({ thai: SigningSignatory, partner: SigningSignatory }).strict().optional(),
      })
      .strict()
      .optional(),
    /** The renewal a record of renewal states: signed when, renewed from when, for how long, until when. */
    renewal: z
      .object({
        signedOn: IsoDate,
        date: IsoDate,
        years: z.number().int().min(1).max(99),
        expiresOn: IsoDate,
      })
      .strict()
      .optional(),
    /** Cover memo particulars (Thai official memo). */
    memo: z
      .object({ office: Text.optional(), ref: Text.optional(), to: Text.optional(), signer: Text.optional() })
      .strict()
      .optional(),
    /** The font of the partner language's runs; default: Noto Serif CJK in the script's variant (partner-context.ts). */
    partnerFont: Text.optional(),
    /** Author written on tracked changes; default "MOU Engine". */
    revisionAuthor: Text.optional(),
  })
  .strict();
export type RenderMeta = z.infer<typeof RenderMeta>;

export const RenderInput = z
  .object({
    doc: z.enum(DOC_TYPES),
    layout: z.enum(LAYOUTS),
    /** Article keys may be left out (older files): articles are then paired by number, heading and wording. */
    content: AgreementContentInput,
    versionNo: z.number().int().min(1).max(999),
    /** Version N−1: required by redline and comparison. */
    previous: AgreementContentInput.optional(),
    /** Review comments: required by review and comparison (may be empty); they attach by article key. */
    comments: z.array(CommentInput).max(500).optional(),
    meta: RenderMeta.optional(),
  })
  .strict();
export type RenderInput = z.input<typeof RenderInput>;
export type ValidRenderInput = z.output<typeof RenderInput>;
