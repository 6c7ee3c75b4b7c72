// A render request may come without article keys (CLI files, old clients): key its texts and comments before composing.
import type { AgreementContent } from '../domain/agreement';
import { derivedArticleKey } from '../domain/article-key';
import { keyContent } from '../domain/article-keys';
import type { Comment, CommentInput } from '../domain/comment';
import type { ValidRenderInput } from './input';

export interface KeyedTexts {
  readonly content: AgreementContent;
  readonly previous: AgreementContent | undefined;
  readonly comments: readonly Comment[];
}

/**
 * Keys present are kept. Without them, the previous text's come from its article numbers and the current text
 * inherits them by alignment (the same pairing as before keys existed); a comment without a key gets the key of its
 * article in the text it was made on (this version's for a review copy, the previous one's for a comparison).
 * Keys derived here are never stored and never printed: they only pair articles and comments within one document.
 */
export function keyedTexts(input: ValidRenderInput): KeyedTexts {
  const previous = input.previous
    ? keyContent(input.previous, undefined, (a) => derivedArticleKey('previous', a.no))
    : undefined;
  const content = keyContent(input.content, previous, (a) => derivedArticleKey('current', a.no));
  const keyOf = (c: CommentInput, no: number) => {
    const on = c.versionNo === input.versionNo || !previous ? content : previous;
    return on.articles.find((a) => a.no === no)?.key ?? derivedArticleKey('missing', c.versionNo, no);
  };
  const comments = (input.comments ?? []).map((c): Comment => {
    const a = c.anchor;
    if (a.kind !== 'article') return { ...c, anchor: a };
    return { ...c, anchor: { ...a, key: a.key ?? keyOf(c, a.no) } };
  });
  return { content, previous, comments };
}
