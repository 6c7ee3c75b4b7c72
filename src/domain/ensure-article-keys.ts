// Old agreements have no article keys: derive them deterministically (versions in order, then the draft), and key old comments.
import { z } from 'zod';
import { AgreementContentInput, type AgreementContent, type Article } from './agreement';
import { Agreement } from './aggregate';
import { derivedArticleKey, type NewArticleKey } from './article-key';
import { keyContent } from './article-keys';
import { CommentInput, type Comment } from './comment';
import { VersionInput, type Version } from './version';

/** An agreement as stored before article keys; ensureArticleKeys turns it into an Agreement. */
export const UnkeyedAgreement = Agreement.extend({
  workingDraft: AgreementContentInput,
  versions: z.array(VersionInput),
  comments: z.array(CommentInput),
}).strict();
export type UnkeyedAgreement = z.infer<typeof UnkeyedAgreement>;

/** The parts of an agreement that carry article keys. */
export interface KeyedParts {
  id: string;
  workingDraft: AgreementContentInput;
  versions: readonly VersionInput[];
  comments: readonly CommentInput[];
}

export type WithKeys<T extends KeyedParts> = Omit<T, 'workingDraft' | 'versions' | 'comments'> & {
  workingDraft: AgreementContent;
  versions: Version[];
  comments: Comment[];
};

/**
 * Version 1's keys come from (agreement id, article no); a later version's article inherits the key of the article
 * it aligns with in the version before (src/domain/article-alignment.ts), and a new one gets a key derived from
 * (id, version, no). The working draft inherits from the latest version the same way. Keys already present are kept.
 */
function versionKeys(id: string, versionNo: number, first: boolean): NewArticleKey {
  return first ? (a) => derivedArticleKey(id, a.no) : (a) => derivedArticleKey(id, `v${versionNo}`, a.no);
}

function keyComment(c: CommentInput, versions: readonly Version[], agreementId: string): Comment {
  const anchor = c.anchor;
  if (anchor.kind !== 'article') return { ...c, anchor };
  if (anchor.key !== undefined) return { ...c, anchor: { ...anchor, key: anchor.key } };
  const onVersion = versions.find((v) => v.no === c.versionNo);
  const article = onVersion?.content.articles.find((a) => a.no === anchor.no);
  // An article the comment's version never had: a key no article holds, so the comment reads as on a removed article.
  const key = article?.key ?? derivedArticleKey(agreementId, `v${c.versionNo}`, anchor.no, 'missing');
  return { ...c, anchor: { ...anchor, key } };
}

/**
 * Pure and deterministic: the same stored agreement always gets the same keys, so reading twice agrees. Keys already
 * there are kept, so an agreement stored with keys comes back unchanged.
 */
export function ensureArticleKeys<T extends KeyedParts>(a: T): WithKeys<T> {
  let previous: AgreementContent | undefined;
  const versions = a.versions.map((v, i): Version => {
    const content = keyContent(v.content, previous, versionKeys(a.id, v.no, i === 0));
    previous = content;
    return { ...v, content };
  });
  const workingDraft = keyContent(a.workingDraft, previous, (x) => derivedArticleKey(a.id, 'draft', x.no));
  const comments = a.comments.map((c) => keyComment(c, versions, a.id));
  return { ...a, workingDraft, versions, comments };
}

/** Keys for a chain of texts (a fixture's draft 1 and draft 2): each inherits from the one before. */
export function keyChain(seed: string, contents: readonly AgreementContentInput[]): AgreementContent[] {
  let previous: AgreementContent | undefined;
  return contents.map((c, i) => {
    previous = keyContent(c, previous, versionKeys(seed, i + 1, i === 0));
    return previous;
  });
}

/** The key of article `no` in a content, if it has one. */
export function keyOfArticle(content: { articles: readonly Article[] }, no: number): string | undefined {
  return content.articles.find((a) => a.no === no)?.key;
}
