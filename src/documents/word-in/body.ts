// The body of an imported document as paragraphs in document order: the text as it reads with the tracked changes
// accepted and as it read before them, where the paragraph stands (a table cell), the bookmarks around it, the
// tracked changes and comment ranges in it. Every Word import reads documents through this one walk.
import type { XmlElement, XmlNode } from './xml';
import { hasThai } from '../../domain/script';

export interface BodyChange {
  readonly kind: 'insert' | 'delete';
  readonly text: string;
  readonly author?: string;
  readonly date?: string;
  /** Offset in the paragraph's `original` text where the change stands (deleted text starts there). */
  readonly at: number;
}

export interface BodyPara {
  /** Position among all paragraphs of the body, from 0. */
  readonly index: number;
  /** The text with tracked changes accepted (insertions kept, deletions dropped). */
  readonly text: string;
  /** The text before the tracked changes (deletions kept, insertions dropped). */
  readonly original: string;
  /** The cell of a top-level table the paragraph is in: the table's number in the body, row and column. */
  readonly cell?: { readonly table: number; readonly row: number; readonly col: number };
  /** Names of the bookmarks open at any point of the paragraph. */
  readonly bookmarks: readonly string[];
  readonly changes: readonly BodyChange[];
  /** Ids of the comments whose range starts / ends in this paragraph (or just before / after it). */
  readonly commentStarts: readonly string[];
  readonly commentEnds: readonly string[];
  /** The paragraph's style id (w:pStyle), when it has one. */
  readonly style?: string;
  /** Every run of the paragraph is bold (a heading written as bold body text). */
  readonly bold: boolean;
}

const INSERTS = new Set(['w:ins', 'w:moveTo']);
const DELETES = new Set(['w:del', 'w:moveFrom']);

interface Building {
  text: string;
  original: string;
  changes: BodyChange[];
  bookmarks: Set<string>;
  commentStarts: string[];
  commentEnds: string[];
  style?: string;
  runs: number;
  boldRuns: number;
}

const attr = (el: XmlElement, name: string): string | undefined => el.attrs[name];
const textChildren = (el: XmlElement): string =>
  el.children.filter((c): c is string => typeof c === 'string').join('');

function isBold(rPr: XmlElement | undefined, name: 'w:b' | 'w:bCs' = 'w:b'): boolean {
  const b = rPr?.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
  if (!b) return false;
  const v = attr(b, 'w:val');
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}

/** Reads `w:body` (or any container of paragraphs and tables) into paragraphs. */
export function readBody(body: XmlElement): BodyPara[] {
  const out: BodyPara[] = [];
  /** Open bookmarks: id → name. */
  const open = new Map<string, string>();
  /** Comment range marks seen between paragraphs, given to the next paragraph. */
  let pendingStarts: string[] = [];
  let tables = 0;
  let cell: BodyPara['cell'];
  let current: Building | undefined;
  /** Bookmarks that ended between paragraphs still cover the paragraph before them (already recorded). */

  const run = (r: XmlElement, change: 'insert' | 'delete' | undefined, meta: XmlElement | undefined) => {
    const b = current;
    if (!b) return;
    let rPr: XmlElement | undefined;
    let piece = '';
    for (const c of r.children) {
      if (typeof c === 'string') continue;
      if (c.name === 'w:rPr') rPr = c;
      else if (c.name === 'w:t' || c.name === 'w:delText') piece += textChildren(c);
      else if (c.name === 'w:tab' || c.name === 'w:ptab') piece += '\t';
      else if (c.name === 'w:br' || c.name === 'w:cr') piece += attr(c, 'w:type') === 'page' ? '' : '\n';
      else if (c.name === 'w:noBreakHyphen') piece += '-';
    }
    if (piece === '') return;
    b.runs++;
    // Thai is a complex script: its bold is w:bCs, and LibreOffice writes only that for a bold Thai run.
    if (isBold(rPr) || (hasThai(piece) && isBold(rPr, 'w:bCs'))) b.boldRuns++;
    if (change === 'insert') {
      b.changes.push({ kind: 'insert', text: piece, at: b.original.length, ...changeMeta(meta) });
      b.text += piece;
    } else if (change === 'delete') {
      b.changes.push({ kind: 'delete', text: piece, at: b.original.length, ...changeMeta(meta) });
      b.original += piece;
    } else {
      b.text += piece;
      b.original += piece;
    }
  };

  const inline = (n: XmlNode, change: 'insert' | 'delete' | undefined, meta: XmlElement | undefined) => {
    if (typeof n === 'string') return;
    const b = current;
    switch (n.name) {
      case 'w:r':
        run(n, change, meta);
        return;
      case 'w:pPr':
      case 'w:rPr':
        return;
      case 'w:bookmarkStart':
      case 'w:bookmarkEnd':
        bookmark(n);
        return;
      case 'w:commentRangeStart':
        b?.commentStarts.push(attr(n, 'w:id') ?? '');
        return;
      case 'w:commentRangeEnd':
        b?.commentEnds.push(attr(n, 'w:id') ?? '');
        return;
    }
    if (INSERTS.has(n.name)) {
      for (const c of n.children) inline(c, 'insert', n);
      return;
    }
    if (DELETES.has(n.name)) {
      for (const c of n.children) inline(c, 'delete', n);
      return;
    }
    // Hyperlinks, smart tags, content controls, simple fields: their runs count as the paragraph's own.
    for (const c of n.children) inline(c, change, meta);
  };

  /** A bookmark's start opens it (and marks the paragraph it is in); its end closes it. */
  const bookmark = (n: XmlElement) => {
    if (n.name === 'w:bookmarkEnd') {
      open.delete(attr(n, 'w:id') ?? '');
      return;
    }
    const name = attr(n, 'w:name');
    if (name === undefined) return;
    open.set(attr(n, 'w:id') ?? name, name);
    current?.bookmarks.add(name);
  };

  const paragraph = (p: XmlElement) => {
    const style = p.children
      .filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:pPr')
      .flatMap((ppr) => ppr.children)
      .find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:pStyle');
    const styleId = style ? attr(style, 'w:val') : undefined;
    current = {
      text: '',
      original: '',
      changes: [],
      bookmarks: new Set(open.values()),
      commentStarts: pendingStarts,
      commentEnds: [],
      ...(styleId !== undefined ? { style: styleId } : {}),
      runs: 0,
      boldRuns: 0,
    };
    pendingStarts = [];
    for (const c of p.children) inline(c, undefined, undefined);
    const b = current;
    out.push({
      index: out.length,
      text: b.text,
      original: b.original,
      ...(cell ? { cell } : {}),
      bookmarks: [...b.bookmarks],
      changes: b.changes,
      commentStarts: b.commentStarts,
      commentEnds: b.commentEnds,
      ...(b.style !== undefined ? { style: b.style } : {}),
      bold: b.runs > 0 && b.runs === b.boldRuns,
    });
    current = undefined;
  };

  const block = (n: XmlNode, depth: number) => {
    if (typeof n === 'string') return;
    switch (n.name) {
      case 'w:p':
        paragraph(n);
        return;
      case 'w:tbl':
        table(n, depth);
        return;
      case 'w:bookmarkStart':
      case 'w:bookmarkEnd':
        bookmark(n);
        return;
      case 'w:commentRangeStart':
        pendingStarts.push(attr(n, 'w:id') ?? '');
        return;
      case 'w:commentRangeEnd': {
        // Between paragraphs: the range ended with the paragraph before.
        const last = out[out.length - 1];
        if (last) (last.commentEnds as string[]).push(attr(n, 'w:id') ?? '');
        return;
      }
      case 'w:sectPr':
        return;
    }
    for (const c of n.children) block(c, depth);
  };

  const table = (t: XmlElement, depth: number) => {
    const no = depth === 0 ? tables++ : undefined;
    const outer = cell;
    let row = 0;
    for (const tr of t.children) {
      if (typeof tr === 'string' || tr.name !== 'w:tr') {
        if (typeof tr !== 'string') block(tr, depth + 1);
        continue;
      }
      let col = 0;
      for (const tc of tr.children) {
        if (typeof tc === 'string') continue;
        if (tc.name !== 'w:tc') {
          block(tc, depth + 1);
          continue;
        }
        if (no !== undefined) cell = { table: no, row, col };
        for (const c of tc.children) block(c, depth + 1);
        col++;
      }
      row++;
    }
    cell = outer;
  };

  for (const c of body.children) block(c, 0);
  return out;
}

function changeMeta(el: XmlElement | undefined): { author?: string; date?: string } {
  const author = el ? attr(el, 'w:author') : undefined;
  const date = el ? attr(el, 'w:date') : undefined;
  return { ...(author ? { author } : {}), ...(date ? { date } : {}) };
}

/** The `w:body` of a parsed document.xml, or undefined. */
export function bodyOf(document: XmlElement): XmlElement | undefined {
  return document.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:body');
}
