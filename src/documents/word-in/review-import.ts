// A reviewer's annotated Word file → its comments and suggested wording, each placed on the article (or the title,
// preamble, closing) and the language it concerns. Placement uses our bookmarks (word-anchors.ts) first, and the
// text where a file has lost them; edits made with tracking off are found by comparing the file's text under each
// bookmark with the version's. Nothing here stores anything: the service previews the result and records it.
import type { AgreementContent } from '../../domain/agreement';
import type { Lang } from '../../domain/bilingual';
import { langOfText } from '../../domain/script';
import { parseBookmarkName, type AnchorRef, type ParsedAnchor } from '../word-anchors';
import type { BodyPara } from './body';
import type { FileIdentity } from './identity';
import { differingPart, groupChanges } from './text-changes';
import type { WordComment } from './comments';
import type { WordPackage } from './package';
import { readReviewFile, type ReviewFile } from './review-file';
import { ARTICLE_PREFIX, norm } from './wording';

/** Where an imported item belongs: an article (its number in the imported version and its key), or a text block. */
export type ImportAnchor =
  | {
      readonly kind: 'article';
      readonly no: number;
      readonly key: string;
      /** On the article's partner-language text (a comment in the partner's paragraphs). */
      readonly lang?: 'partner';
    }
  | { readonly kind: 'title' | 'preamble' | 'closing' | 'document' };

export interface ImportedComment {
  readonly anchor: ImportAnchor;
  readonly lang?: Lang;
  readonly author: string;
  readonly date?: string;
  readonly text: string;
  readonly quote?: string;
  readonly resolved?: boolean;
  readonly replies?: readonly { readonly author: string; readonly text: string }[];
}

export type SuggestionKind = 'insert' | 'delete' | 'replace' | 'untracked';

export interface ImportedSuggestion {
  readonly anchor: ImportAnchor;
  readonly lang: Lang;
  readonly kind: SuggestionKind;
  /** The article's heading or its text (articles only). */
  readonly field?: 'heading' | 'text';
  readonly before?: string;
  readonly after?: string;
  /** The whole wording of that field in that language as the file has it with the change. */
  readonly wording: string;
  readonly author?: string;
  readonly date?: string;
}

export interface UnplacedItem {
  readonly item: 'comment' | 'suggestion';
  readonly text: string;
  readonly author?: string;
}

export interface ReviewImport {
  readonly identity: FileIdentity;
  readonly comments: readonly ImportedComment[];
  readonly suggestions: readonly ImportedSuggestion[];
  readonly unplaced: readonly UnplacedItem[];
  /** Comments the file carries that are already on record (the review copy prints them): left out. */
  readonly alreadyRecorded: number;
  /** How items were placed: by our bookmarks, or by matching text where the file had none. */
  readonly placedBy: 'bookmarks' | 'text';
}

export interface ReviewImportOptions {
  readonly content: AgreementContent;
  readonly versionNo: number;
  /** Comment texts already on record (either language): the review copy's own comments come back with the file. */
  readonly recorded?: readonly string[];
}

/** The anchors of ours around a paragraph, articles first (a paragraph is in at most one block of ours). */
function ourAnchors(p: BodyPara): ParsedAnchor[] {
  return p.bookmarks.flatMap((b) => {
    const a = parseBookmarkName(b);
    return a ? [a] : [];
  });
}

function toImportAnchor(ref: AnchorRef, content: AgreementContent): ImportAnchor | undefined {
  if (ref.kind !== 'article') return { kind: ref.kind };
  const article = content.articles.find((a) => a.key === ref.key);
  return article ? { kind: 'article', no: article.no, key: article.key } : undefined;
}

/** Blocks of the version as text, for placing by wording where a file has no anchors. */
function textTargets(content: AgreementContent) {
  const out: { anchor: ImportAnchor; lang: Lang; field?: 'heading' | 'text'; text: string }[] = [];
  for (const lang of ['th', 'en'] as const) {
    out.push({ anchor: { kind: 'title' }, lang, text: content.title[lang] });
    out.push({ anchor: { kind: 'preamble' }, lang, text: content.preamble[lang] });
    for (const a of content.articles) {
      const anchor = { kind: 'article', no: a.no, key: a.key } as const;
      out.push({ anchor, lang, field: 'heading', text: a.heading[lang] });
      out.push({ anchor, lang, field: 'text', text: a.text[lang] });
    }
    if (content.closing) out.push({ anchor: { kind: 'closing' }, lang, text: content.closing[lang] });
  }
  return out.filter((t) => norm(t.text) !== '');
}

/** `lang` undefined: the partner's text (its comments are kept; its wording is not a Thai or English suggestion). */
interface Placement {
  readonly anchor: ImportAnchor;
  readonly lang: Lang | undefined;
  readonly field?: 'heading' | 'text';
}

/** The one block of the version whose wording holds `snippet` (or is held by it); undefined when none or several. */
function placeByText(snippet: string, targets: ReturnType<typeof textTargets>): Placement | undefined {
  const s = norm(snippet).replace(ARTICLE_PREFIX, '');
  if (s.length < 2) return undefined;
  const hits = targets.filter((t) => {
    const text = norm(t.text);
    return text.includes(s) || (s.length >= 12 && s.includes(text));
  });
  const distinct = new Map(hits.map((h) => [anchorId(h.anchor) + h.lang + (h.field ?? ''), h]));
  if (distinct.size !== 1) return undefined;
  const [hit] = distinct.values();
  return hit ? { anchor: hit.anchor, lang: hit.lang, ...(hit.field ? { field: hit.field } : {}) } : undefined;
}

const anchorId = (a: ImportAnchor): string => (a.kind === 'article' ? `article:${a.key}` : a.kind);

function placeByBookmark(p: BodyPara, content: AgreementContent): Placement | undefined {
  const anchors = ourAnchors(p);
  const best = anchors.find((a) => a.ref.kind === 'article') ?? anchors[0];
  if (!best) return undefined;
  const anchor = toImportAnchor(best.ref, content);
  if (!anchor) return undefined;
  const field = best.ref.kind === 'article' ? (best.ref.part === 'h' ? 'heading' : 'text') : undefined;
  if (best.lang === 'partner')
    return anchor.kind === 'article'
      ? { anchor: { ...anchor, lang: 'partner' }, lang: undefined }
      : undefined;
  return { anchor, lang: best.lang, ...(field ? { field } : {}) };
}

/** What the version says under an anchor of ours, as the document prints it (heading without its number). */
function versionText(ref: AnchorRef, lang: Lang, content: AgreementContent): string | undefined {
  switch (ref.kind) {
    case 'title':
      return content.title[lang] || undefined;
    case 'preamble':
      return content.preamble[lang];
    case 'closing': {
      const c = content.closing?.[lang];
      // A closing with placeholders prints filled in: not comparable word for word.
      return c !== undefined && !c.includes('{{') ? c : undefined;
    }
    case 'article': {
      const a = content.articles.find((x) => x.key === ref.key);
      if (!a) return undefined;
      return ref.part === 'h' ? a.heading[lang] : a.text[lang];
    }
  }
}

/** Groups the file's paragraphs by our bookmarks: (anchor, language, part) → paragraphs in order. */
function byBookmark(paras: readonly BodyPara[], versionNo: number) {
  const groups = new Map<string, { anchor: ParsedAnchor; paras: BodyPara[] }>();
  for (const p of paras) {
    for (const a of ourAnchors(p)) {
      if (a.versionNo !== versionNo) continue;
      const id = `${a.ref.kind}|${a.ref.kind === 'article' ? `${a.ref.key}|${a.ref.part}` : ''}|${a.lang}`;
      const g = groups.get(id) ?? { anchor: a, paras: [] };
      g.paras.push(p);
      groups.set(id, g);
    }
  }
  return [...groups.values()];
}

/**
 * LibreOffice writes a reply as a second comment, not linked, over the same range as the one it answers: in a file
 * it saved, a later comment starting where an earlier one starts and quoting the same text is read as its reply.
 */
function threadLibreOfficeReplies(
  comments: readonly WordComment[],
  startOf: ReadonlyMap<string, number>,
): WordComment[] {
  const out: WordComment[] = [];
  for (const c of comments) {
    const parent = out.find(
      (p) =>
        p.quote !== undefined &&
        p.quote === c.quote &&
        startOf.get(p.id) !== undefined &&
        startOf.get(p.id) === startOf.get(c.id),
    );
    if (parent && c.replies.length === 0) {
      const i = out.indexOf(parent);
      out[i] = { ...parent, replies: [...parent.replies, { author: c.author, text: c.text }] };
    } else out.push(c);
  }
  return out;
}

function isRecorded(text: string, recorded: readonly string[]): boolean {
  const t = norm(text);
  return recorded.some((r) => {
    const n = norm(r);
    return n.length > 0 && t.includes(n);
  });
}

/** Reads an annotated file against the version it should be a copy of. */
export async function readReviewImport(
  pkg: WordPackage,
  options: ReviewImportOptions,
): Promise<ReviewImport> {
  return placeReviewFile(await readReviewFile(pkg), options);
}

/** Places the items of a file already read (review-file.ts) on the version it should be a copy of. */
export function placeReviewFile(file: ReviewFile, options: ReviewImportOptions): ReviewImport {
  const { content, versionNo } = options;
  const { paras, identity, startOf } = file;
  const hasAnchors = identity.bookmarkVersions.includes(versionNo);
  const targets = textTargets(content);

  const all = file.comments;
  // The copy's own comments (already on record) first, so that none is taken for a LibreOffice reply.
  let comments = all.filter((c) => !isRecorded(c.text, options.recorded ?? []));
  const alreadyRecorded = all.length - comments.length;
  if (identity.application?.includes('LibreOffice')) comments = threadLibreOfficeReplies(comments, startOf);

  const unplaced: UnplacedItem[] = [];
  const placedComments: ImportedComment[] = [];
  for (const c of comments) {
    const at = startOf.get(c.id);
    const para = at !== undefined ? paras[at] : undefined;
    const placed =
      (para && placeByBookmark(para, content)) ??
      (c.quote ? placeByText(c.quote, targets) : undefined) ??
      (para ? placeByText(para.text, targets) : undefined);
    if (!placed) {
      unplaced.push({ item: 'comment', text: c.text, author: c.author });
      continue;
    }
    // On the partner's text the quote is in the partner's language: neither Thai nor English.
    const lang = placed.lang === undefined ? undefined : c.quote ? langOfText(c.quote) : placed.lang;
    placedComments.push({
      anchor: placed.anchor,
      ...(lang ? { lang } : {}),
      author: c.author,
      ...(c.date ? { date: c.date } : {}),
      text: c.text,
      ...(c.quote ? { quote: c.quote } : {}),
      ...(c.resolved ? { resolved: true } : {}),
      ...(c.replies.length > 0 ? { replies: c.replies } : {}),
    });
  }

  const suggestions: ImportedSuggestion[] = [];
  // Tracked changes, paragraph by paragraph; the wording is the whole field as the file reads with them accepted.
  const groups = hasAnchors ? byBookmark(paras, versionNo) : [];
  const wordingOf = (p: BodyPara): string => {
    const g = groups.find((x) => x.paras.includes(p) && x.anchor.ref.kind === 'article');
    return (g ?? groups.find((x) => x.paras.includes(p)))?.paras.map((q) => q.text).join('\n') ?? p.text;
  };
  for (const p of paras) {
    if (p.changes.length === 0) continue;
    const placed =
      placeByBookmark(p, content) ?? placeByText(p.original, targets) ?? placeByText(p.text, targets);
    for (const g of groupChanges(p.changes)) {
      if (!placed || placed.lang === undefined) {
        unplaced.push({
          item: 'suggestion',
          text: g.after ?? g.before ?? '',
          ...(g.author ? { author: g.author } : {}),
        });
        continue;
      }
      suggestions.push({
        anchor: placed.anchor,
        lang: placed.lang,
        kind: g.kind,
        ...(placed.field ? { field: placed.field } : {}),
        ...(g.before !== undefined ? { before: g.before } : {}),
        ...(g.after !== undefined ? { after: g.after } : {}),
        wording: wordingOf(p).replace(placed.field === 'heading' ? ARTICLE_PREFIX : /^$/, ''),
        ...(g.author ? { author: g.author } : {}),
        ...(g.date ? { date: g.date } : {}),
      });
    }
  }

  // Edits made with tracking off: the file's text before its tracked changes differs from the version's.
  for (const g of groups) {
    const lang = g.anchor.lang;
    // byBookmark leaves the partner's text out; the narrowing says so to the compiler.
    if (lang === 'partner') continue;
    const expected = versionText(g.anchor.ref, lang, content);
    if (expected === undefined) continue;
    let original = g.paras.map((p) => p.original).join('\n');
    if (g.anchor.ref.kind === 'article' && g.anchor.ref.part === 'h')
      original = original.replace(ARTICLE_PREFIX, '');
    if (norm(original) === norm(expected)) continue;
    const anchor = toImportAnchor(g.anchor.ref, content);
    if (!anchor) continue;
    const diff = differingPart(norm(expected), norm(original));
    const field =
      g.anchor.ref.kind === 'article' ? (g.anchor.ref.part === 'h' ? 'heading' : 'text') : undefined;
    suggestions.push({
      anchor,
      lang,
      kind: 'untracked',
      ...(field ? { field } : {}),
      ...(diff.before ? { before: diff.before } : {}),
      ...(diff.after ? { after: diff.after } : {}),
      wording: original,
    });
  }

  return {
    identity,
    comments: placedComments,
    suggestions,
    unplaced,
    alreadyRecorded,
    placedBy: hasAnchors ? 'bookmarks' : 'text',
  };
}

/** The result with the id of each item, the one place item ids are made: c1, c2… for comments, s1… for suggestions. */
export function withItemIds(r: ReviewImport) {
  return {
    placedBy: r.placedBy,
    identity: r.identity,
    comments: r.comments.map((c, i) => ({ id: `c${i + 1}`, ...c })),
    suggestions: r.suggestions.map((s, i) => ({ id: `s${i + 1}`, ...s })),
    unplaced: r.unplaced,
    alreadyRecorded: r.alreadyRecorded,
  };
}
export type ItemIds = ReturnType<typeof withItemIds>;
