// Review comments → Word comment notes, anchored on the article, the preamble or the title (whole document).
import type { AgreementContent } from '../domain/agreement';
import type { Comment, CommentAnchor } from '../domain/comment';
import { parseMarkup } from './markup';
import type { Lang, Note } from './model';
import type { TemplateSet } from './templates';

/**
 * The anchor name templates give a block (`anchor="…"`): an article's is its key, so a comment stays on its article
 * wherever that article now stands; a comment on an article the text no longer has falls back to the title.
 */
export function anchorName(a: CommentAnchor, content: AgreementContent): string {
  switch (a.kind) {
    case 'document':
      return 'document';
    case 'preamble':
      return 'preamble';
    case 'article': {
      if (!content.articles.some((x) => x.key === a.key)) return 'document';
      // A comment on the partner's text marks that text, while it has the article; else the article's Thai and English.
      const partner = a.lang === 'partner' && content.partnerText?.articles.some((x) => x.key === a.key);
      return partner ? partnerAnchor(`article:${a.key}`) : `article:${a.key}`;
    }
  }
}

/** Where comments on a block's partner-language text attach (the layouts attach them to the partner's paragraphs). */
export const partnerAnchor = (anchor: string): string => `${anchor}:partner`;

/** "MFA – Department of Treaties" → "MFA"; "Ministry of Interior" → "MI". */
export function initialsOf(author: string): string {
  const first = author.split(/\s+/)[0] ?? '';
  if (/^[A-Z]{2,6}$/.test(first)) return first;
  const caps = author.match(/\b\p{Lu}/gu) ?? [];
  return caps.slice(0, 4).join('') || author.slice(0, 2);
}

/** Comment timestamps are data (createdAt); only a missing or unreadable one falls back to the document date. */
function commentDate(createdAt: string, fallback: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(createdAt) && !Number.isNaN(Date.parse(createdAt))
    ? createdAt
    : `${fallback}T00:00:00Z`;
}

export function commentNotes(
  comments: readonly Comment[],
  content: AgreementContent,
  templates: TemplateSet,
  fallbackDate: string,
): Note[] {
  const fragment = templates.fragment('review-comment');
  return comments.map((c, id) => {
    const parsed = parseMarkup(
      fragment({
        text: c.text,
        suggestion: { th: c.suggestion?.th ?? null, en: c.suggestion?.en ?? null },
        quote: { th: c.quote?.th ?? null, en: c.quote?.en ?? null },
      }),
    );
    const paras = parsed.blocks.flatMap((b) =>
      b.kind === 'text'
        ? (['th', 'en'] as const satisfies readonly Lang[]).flatMap((lang) =>
            (b[lang] ?? []).map((para) => ({ lang, para })),
          )
        : [],
    );
    const author = c.author.organisation.en;
    return {
      id,
      anchor: anchorName(c.anchor, content),
      author,
      initials: initialsOf(author),
      date: commentDate(c.createdAt, fallbackDate),
      paras,
    };
  });
}
