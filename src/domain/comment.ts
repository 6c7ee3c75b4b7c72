// Review comments: anchored to an article, the preamble or the whole document, answered by the province.
import { z } from 'zod';
import { ArticleKey } from './article-key';
import { Bilingual, PartialBilingual } from './bilingual';
import { Role } from './roles';

const DocumentAnchor = z.object({ kind: z.literal('document') }).strict();
const PreambleAnchor = z.object({ kind: z.literal('preamble') }).strict();
const ArticleAnchor = z
  .object({
    kind: z.literal('article'),
    /** The article's number in the version the comment was made on (for display and the fixture convention). */
    no: z.number().int().min(1).max(999),
    /** The article's identity: where the comment belongs after the article moved or was renumbered. */
    key: ArticleKey,
    /** On the article's partner-language text (src/domain/partner-text.ts) rather than its Thai and English. */
    lang: z.literal('partner').optional(),
  })
  .strict();

export const CommentAnchor = z.discriminatedUnion('kind', [DocumentAnchor, PreambleAnchor, ArticleAnchor]);
export type CommentAnchor = z.infer<typeof CommentAnchor>;

/** An anchor as a reviewer, an old client or old stored data gives it: the article's key may be missing. */
export const CommentAnchorInput = z.discriminatedUnion('kind', [
  DocumentAnchor,
  PreambleAnchor,
  ArticleAnchor.extend({ key: ArticleKey.optional() }).strict(),
]);
export type CommentAnchorInput = z.infer<typeof CommentAnchorInput>;

/** withdrawn: taken back by its author while the round was open; kept on record, needs no answer. */
export const COMMENT_STATUSES = ['open', 'accepted', 'partly-accepted', 'not-accepted', 'withdrawn'] as const;
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
    withdrawnAt: z.string().optional(),
  })
  .strict();
export type Comment = z.infer<typeof Comment>;

/** A comment as stored before article keys (and as render requests may carry it): its anchor may lack the key. */
export const CommentInput = Comment.extend({ anchor: CommentAnchorInput }).strict();
export type CommentInput = z.infer<typeof CommentInput>;

/** The fixture convention: null = whole document, 0 = preamble, n = article n (its key is filled in later). */
export function anchorFromArticleRef(ref: number | null): CommentAnchorInput {
  if (ref === null) return { kind: 'document' };
  if (ref === 0) return { kind: 'preamble' };
  return { kind: 'article', no: ref };
}

export function anchorLabel(a: CommentAnchorInput): Bilingual {
  switch (a.kind) {
    case 'document':
      return { th: 'ทั้งฉบับ', en: 'Whole document' };
    case 'preamble':
      return { th: 'อารัมภบท', en: 'Preamble' };
    case 'article':
      return { th: `ข้อ ${a.no}`, en: `Article ${a.no}` };
  }
}
