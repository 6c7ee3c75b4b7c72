// Review comments: anchored to an article, the preamble or the whole document, answered by the province.
import { z } from 'zod';
import { Bilingual, PartialBilingual } from './bilingual';
import { Role } from './roles';

export const CommentAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document') }).strict(),
  z.object({ kind: z.literal('preamble') }).strict(),
  z.object({ kind: z.literal('article'), no: z.number().int().min(1).max(999) }).strict(),
]);
export type CommentAnchor = z.infer<typeof CommentAnchor>;

export const COMMENT_STATUSES = ['open', 'accepted', 'partly-accepted', 'not-accepted'] as const;
export const CommentStatus = z.enum(COMMENT_STATUSES);
export type CommentStatus = z.infer<typeof CommentStatus>;

export const Comment = z
  .object({
    id: z.string().min(1).max(64),
    /** Review round, 1 for the first MFA review. */
    round: z.number().int().min(1),
    /** The version the comment was made on. */
    versionNo: z.number().int().min(1),
    author: z
      .object({
        userId: z.string(),
        name: z.string(),
        role: Role,
        /** Organisation shown as the Word comment author, e.g. "MFA – Department of Treaties and Legal Affairs". */
        organisation: Bilingual,
      })
      .strict(),
    anchor: CommentAnchor,
    text: Bilingual,
    quote: PartialBilingual.optional(),
    suggestion: PartialBilingual.optional(),
    status: CommentStatus,
    response: PartialBilingual.optional(),
    createdAt: z.string(),
    answeredAt: z.string().optional(),
  })
  .strict();
export type Comment = z.infer<typeof Comment>;

/** The fixture convention: null = whole document, 0 = preamble, n = article n. */
export function anchorFromArticleRef(ref: number | null): CommentAnchor {
  if (ref === null) return { kind: 'document' };
  if (ref === 0) return { kind: 'preamble' };
  return { kind: 'article', no: ref };
}

export function anchorLabel(a: CommentAnchor): Bilingual {
  switch (a.kind) {
    case 'document':
      return { th: 'ทั้งฉบับ', en: 'Whole document' };
    case 'preamble':
      return { th: 'อารัมภบท', en: 'Preamble' };
    case 'article':
      return { th: `ข้อ ${a.no}`, en: `Article ${a.no}` };
  }
}
