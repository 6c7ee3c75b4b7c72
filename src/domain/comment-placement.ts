// Where a review comment belongs in the text as it reads now: under the article it was made on, wherever that moved.
import type { Agreement } from './aggregate';
import type { Bilingual } from './bilingual';
import type { Comment } from './comment';
import type { Version } from './version';

/**
 * `was` is the article's number in the version the comment was made on; `now` its number in the working draft.
 * A comment whose article is gone says where it went: the first later version without it, or the draft being
 * revised (not yet sent) when every version still has it.
 */
export type CommentPlace =
  | { readonly kind: 'document' }
  | { readonly kind: 'preamble' }
  | {
      readonly kind: 'article';
      readonly key: string;
      readonly was: number;
      readonly now: number;
      readonly moved: boolean;
    }
  | {
      readonly kind: 'removed';
      readonly key: string;
      readonly was: number;
      /** The article's heading in the commented version, so a reader knows what the comment was about. */
      readonly heading: Bilingual | undefined;
      readonly removedIn: { readonly versionNo: number } | 'draft';
    };

export function placeComment(a: Pick<Agreement, 'versions' | 'workingDraft'>, c: Comment): CommentPlace {
  const anchor = c.anchor;
  if (anchor.kind !== 'article') return { kind: anchor.kind };
  const { key } = anchor;
  const commented = a.versions.find((v) => v.no === c.versionNo)?.content.articles.find((x) => x.key === key);
  const was = commented?.no ?? anchor.no;
  const now = a.workingDraft.articles.find((x) => x.key === key);
  if (now) return { kind: 'article', key, was, now: now.no, moved: now.no !== was };
  const gone = a.versions.find((v) => v.no > c.versionNo && !v.content.articles.some((x) => x.key === key));
  return {
    kind: 'removed',
    key,
    was,
    heading: commented?.heading,
    removedIn: gone ? { versionNo: gone.no } : 'draft',
  };
}

/**
 * The version a review round looked at: the one its comments were made on, else (a round without comments yet)
 * the latest version while that round is the current one.
 */
export function roundVersion(
  a: Pick<Agreement, 'versions' | 'comments' | 'round'>,
  round: number,
): Version | undefined {
  const commented = a.comments.find((c) => c.round === round)?.versionNo;
  if (commented !== undefined) return a.versions.find((v) => v.no === commented);
  return round === a.round ? a.versions.at(-1) : undefined;
}
