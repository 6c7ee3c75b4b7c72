// Review comments on a page: each under its article (found by key), with a note where that article is now.
import type { AgreementRecord } from '../../app/ports';
import {
  commentsOfRound,
  placeComment,
  type AgreementContent,
  type Comment,
  type CommentPlace,
} from '../../domain';
import type { Labels } from './labels';

/** What the reader is told when the commented article no longer stands where the comment's version had it. */
function placeNote(p: CommentPlace, l: Labels): string {
  switch (p.kind) {
    case 'document':
    case 'preamble':
      return '';
    case 'article':
      return p.moved ? l.t('agreement.review.nowArticle', { no: p.now }) : '';
    case 'removed':
      return p.removedIn === 'draft'
        ? l.t('agreement.review.removedInDraft')
        : l.t('agreement.review.removedInVersion', { no: p.removedIn.versionNo });
  }
}

export function commentView(c: Comment, l: Labels, place: CommentPlace) {
  return {
    ...c,
    placeNote: placeNote(place, l),
    /** The article as it was in the commented version, for a comment whose article has since been removed. */
    removedArticle:
      place.kind === 'removed'
        ? {
            label: l.t('agreement.review.articleOfVersion', { no: place.was, version: c.versionNo }),
            heading: place.heading ?? { th: '', en: '' },
          }
        : undefined,
    anchorLabel: l.anchor(c.anchor),
    statusLabel: l.commentStatus(c.status),
    open: c.status === 'open',
    withdrawn: c.status === 'withdrawn',
    authorId: c.author.userId,
    hasSuggestion: Boolean(c.suggestion?.th || c.suggestion?.en),
    hasResponse: Boolean(c.response?.th || c.response?.en),
  };
}

/**
 * A round's comments sorted by where they show in `text` (the working draft, or the version the round reviewed):
 * on an article by its key; a comment whose article `text` does not have goes to `elsewhere`, listed after the
 * articles with its answer form, so no open comment is ever hidden.
 */
export function commentsOn(record: AgreementRecord, round: number, text: AgreementContent, l: Labels) {
  const views = commentsOfRound(record, round).map((c) => ({
    c,
    view: commentView(c, l, placeComment(record, c)),
  }));
  const keys = new Set(text.articles.map((a) => a.key));
  const where = (c: Comment) =>
    c.anchor.kind !== 'article' ? c.anchor.kind : keys.has(c.anchor.key) ? c.anchor.key : 'elsewhere';
  const at = (place: string) => views.filter((x) => where(x.c) === place).map((x) => x.view);
  return {
    all: views.map((x) => x.view),
    document: at('document'),
    preamble: at('preamble'),
    onArticle: (key: string) => at(key),
    elsewhere: at('elsewhere'),
  };
}
