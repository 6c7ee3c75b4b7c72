// One language's text of an imported MOU: title, preamble, the articles by their headings, the closing, and where
// the signature block starts. Paragraphs it cannot place are returned by index, for the report.
import type { Lang } from '../model';
import { parseBookmarkName } from '../word-anchors';
import { headingOf, isClosingStart, isSignatureLine, type HeadingLine } from './draft-lines';
import type { Line, Section } from './draft-layout';

export interface SectionArticle {
  readonly no: number;
  readonly heading: string;
  readonly text: string;
  /** Our own bookmark for this article's heading, in this language, stands on the heading line. */
  readonly anchored: boolean;
}

export interface SectionText {
  readonly lang: Lang;
  readonly title?: string;
  readonly preamble?: string;
  readonly articles: readonly SectionArticle[];
  /** Numbers that stand twice: only the first is taken. */
  readonly duplicates: readonly number[];
  readonly closing?: string;
  /** Paragraph indexes read into one of the parts above. */
  readonly placed: ReadonlySet<number>;
  /** Paragraph indexes of the signature block(s). */
  readonly signature: ReadonlySet<number>;
  /** Our heading bookmarks on lines that were not recognised as headings (the file was edited). */
  readonly anchorsMissed: number;
}

const mine = (l: Line, lang: Lang) => l.script === lang || l.script === 'none';
const join = (lines: readonly Line[], sep = '\n') => lines.map((l) => l.text).join(sep);

function hasHeadingAnchor(l: Line, lang: Lang): boolean {
  return l.p.bookmarks.some((n) => {
    const a = parseBookmarkName(n);
    return a?.lang === lang && a.ref.kind === 'article' && a.ref.part === 'h';
  });
}

/** The title is the first bold run of the front matter, else its first paragraph; the preamble is the rest. */
function front(lines: readonly Line[], placed: Set<number>): { title?: string; preamble?: string } {
  const firstBold = lines.findIndex((l) => l.p.bold);
  const start = firstBold >= 0 && firstBold <= 2 ? firstBold : 0;
  let end = start + 1;
  if (lines[start]?.p.bold) while (lines[end]?.p.bold) end++;
  const title = lines.slice(start, end);
  const preamble = lines.slice(end);
  for (const l of [...title, ...preamble]) placed.add(l.p.index);
  return {
    ...(title.length > 0 ? { title: join(title, ' ') } : {}),
    ...(preamble.length > 0 ? { preamble: join(preamble) } : {}),
  };
}

export function readSection(section: Section): SectionText {
  const { lang } = section;
  const lines = section.lines;
  const placed = new Set<number>();
  const signature = new Set<number>();
  const heads: { at: number; h: HeadingLine }[] = [];
  lines.forEach((l, at) => {
    const h = l.script === lang ? headingOf(l.p, l.text, lang) : undefined;
    if (h) heads.push({ at, h });
  });
  const own = (from: number, to: number) => lines.slice(from, to).filter((l) => mine(l, lang));

  const first = heads[0]?.at ?? lines.length;
  const frontMatter = front(own(0, first), placed);

  // After the last heading: the rest of its text, the closing, then the signature block to the section's end.
  const last = heads[heads.length - 1]?.at ?? lines.length;
  const after = (i: number) =>
    lines.findIndex((l, at) => at > i && isClosingStart(l.text, lang) && mine(l, lang));
  const closingAt = heads.length > 0 ? after(last) : -1;
  const signFrom = closingAt >= 0 ? closingAt : last;
  let signAt = lines.findIndex((l, at) => at > signFrom && (l.inOtherTable || isSignatureLine(l.text)));
  if (signAt < 0) signAt = lines.length;
  for (const l of lines.slice(signAt)) signature.add(l.p.index);
  const bodyEnd = closingAt >= 0 ? closingAt : signAt;

  const articles: SectionArticle[] = [];
  const duplicates: number[] = [];
  heads.forEach(({ at, h }, k) => {
    const end = k === heads.length - 1 ? bodyEnd : (heads[k + 1]?.at ?? bodyEnd);
    let body = own(at + 1, end);
    let heading = h.heading;
    // "Article 1" alone on its line, its heading bold on the next.
    const next = body[0];
    if (heading === '' && h.runIn === '' && next?.p.bold && next.text.length <= 80 && body.length > 1) {
      heading = next.text;
      body = body.slice(1);
      placed.add(next.p.index);
    }
    if (articles.some((a) => a.no === h.no)) {
      duplicates.push(h.no);
      return;
    }
    const line = lines[at];
    if (line) placed.add(line.p.index);
    for (const l of body) placed.add(l.p.index);
    const text = [h.runIn, join(body)].filter((t) => t !== '').join('\n');
    articles.push({ no: h.no, heading, text, anchored: line !== undefined && hasHeadingAnchor(line, lang) });
  });

  const closingLines = closingAt >= 0 ? own(closingAt, signAt) : [];
  for (const l of closingLines) placed.add(l.p.index);
  const anchorsMissed = lines.filter(
    (l) => hasHeadingAnchor(l, lang) && !heads.some((h) => lines[h.at] === l),
  ).length;
  return {
    lang,
    ...frontMatter,
    articles,
    duplicates,
    ...(closingLines.length > 0 ? { closing: join(closingLines) } : {}),
    placed,
    signature,
    anchorsMissed,
  };
}
