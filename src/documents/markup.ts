// Parses the fixed HTML-like markup that templates emit into the document model. Entities are decoded exactly once.
import type { Align, BiParas, Block, LangPara, Para, Slot, Span, TableCell } from './model';
import { Cursor, MarkupError, tokenize, type Token } from './markup-tokens';

export { MarkupError, decodeEntities } from './markup-tokens';

const ALIGNS: readonly Align[] = ['left', 'center', 'right', 'justify'];
function align(v: string | undefined): Align | undefined {
  if (v === undefined) return undefined;
  const a = ALIGNS.find((x) => x === v);
  if (!a) throw new MarkupError(`bad align "${v}"`);
  return a;
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  sizePt?: number;
}

/** A font size in points: positive, at most 96, in half points (Word stores half points). */
function size(v: string | undefined): { sizePt?: number } {
  if (v === undefined) return {};
  const n = Number(v);
  if (!(n > 0 && n <= 96 && Number.isInteger(n * 2))) throw new MarkupError(`bad size "${v}"`);
  return { sizePt: n };
}

/** Inline content up to `</end>`: text, <b>, <i> (each may set a size), <tab/>, <br/>. A newline or <br/> starts a
 * new paragraph. A tab character in text is a space: only the template's <tab/> moves to a tab stop. */
function inline(c: Cursor, end: string, base: Omit<Para, 'spans'>, style: Style, out: Span[][]): void {
  for (;;) {
    const tok = c.next();
    if (tok.t === 'close') {
      if (tok.name !== end) throw new MarkupError(`expected </${end}>, got </${tok.name}>`);
      return;
    }
    if (tok.t === 'text') {
      const lines = tok.text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').split('\n');
      lines.forEach((line, k) => {
        if (k > 0) out.push([]);
        if (line !== '') out[out.length - 1]?.push({ text: line, ...style });
      });
      continue;
    }
    if (tok.name === 'br' && tok.selfClosing) out.push([]);
    else if (tok.name === 'tab' && tok.selfClosing)
      out[out.length - 1]?.push({ text: '', tab: true, ...style });
    else if ((tok.name === 'b' || tok.name === 'i') && !tok.selfClosing) {
      const inner = { ...style, [tok.name === 'b' ? 'bold' : 'italic']: true, ...size(tok.attrs.size) };
      inline(c, tok.name, base, inner, out);
    } else throw new MarkupError(`<${tok.name}> is not allowed inside a paragraph`);
  }
}

function paragraphs(c: Cursor, end: string, defaults: Omit<Para, 'spans'>): Para[] {
  const paras: Para[] = [];
  const flush = (lines: Span[][], base: Omit<Para, 'spans'>) => {
    for (const spans of lines) paras.push({ ...base, spans });
  };
  const first = c.peekPastSpace();
  if (first?.t === 'open' && first.name === 'p') {
    c.children(end, (tok) => {
      if (tok.name !== 'p') throw new MarkupError(`<${tok.name}> where <p> was expected`);
      const base = { ...defaults, ...paraAttrs(tok.attrs) };
      const lines: Span[][] = [[]];
      if (!tok.selfClosing) inline(c, 'p', base, {}, lines);
      flush(lines, base);
    });
  } else {
    const lines: Span[][] = [[]];
    inline(c, end, defaults, {}, lines);
    flush(lines, defaults);
  }
  return paras;
}

function paraAttrs(attrs: Readonly<Record<string, string>>): Omit<Para, 'spans'> {
  const a = align(attrs.align);
  const indent = attrs.indent === undefined ? undefined : Number(attrs.indent);
  if (indent !== undefined && !Number.isFinite(indent)) throw new MarkupError(`bad indent "${attrs.indent}"`);
  const { sizePt } = size(attrs.size);
  return {
    ...(a ? { align: a } : {}),
    ...(indent !== undefined ? { indentMm: indent } : {}),
    ...(sizePt !== undefined ? { sizePt } : {}),
    ...tabStop(attrs),
    ...spaceAfter(attrs['space-after']),
    ...('keep' in attrs ? { keepNext: true } : {}),
  };
}

/** `space-after="0"`: points after the paragraph, in twentieths of a point at most (Word's unit). */
function spaceAfter(v: string | undefined): Pick<Para, 'spaceAfterPt'> {
  if (v === undefined) return {};
  const n = Number(v);
  if (!(n >= 0 && n <= 72 && Number.isInteger(n * 20))) throw new MarkupError(`bad space-after "${v}"`);
  return { spaceAfterPt: n };
}

/** `tab="80"`: a left tab stop 80 mm from the margin; `leader="dot"` fills the space before it with dots. */
function tabStop(attrs: Readonly<Record<string, string>>): Pick<Para, 'tabStop'> {
  if (attrs.tab === undefined) {
    if (attrs.leader !== undefined) throw new MarkupError('leader without tab');
    return {};
  }
  const at = Number(attrs.tab);
  if (!(at >= 0 && at <= 300)) throw new MarkupError(`bad tab "${attrs.tab}"`);
  if (attrs.leader !== undefined && attrs.leader !== 'dot')
    throw new MarkupError(`bad leader "${attrs.leader}"`);
  return { tabStop: { mm: at, ...(attrs.leader === 'dot' ? { leader: 'dot' as const } : {}) } };
}

/** The language element names: <th>, <en>, and <partner> for the partner's language. */
function slotOf(name: string): Slot | undefined {
  return name === 'th' || name === 'en' || name === 'partner' ? name : undefined;
}

/** Children <th>, <en> and <partner> of a multilingual element. */
function biParas(c: Cursor, end: string, defaults: Omit<Para, 'spans'> = {}): BiParas {
  const out: { th?: Para[]; en?: Para[]; partner?: Para[] } = {};
  c.children(end, (tok) => {
    const slot = slotOf(tok.name);
    if (!slot) throw new MarkupError(`<${tok.name}> inside <${end}>`);
    const paras = tok.selfClosing ? [] : paragraphs(c, tok.name, { ...defaults, ...paraAttrs(tok.attrs) });
    out[slot] = [...(out[slot] ?? []), ...paras];
  });
  return out;
}

const ROLES = ['title', 'heading', 'body', 'note'] as const;

function block(c: Cursor, tok: Extract<Token, { t: 'open' }>): Block {
  const { name, attrs } = tok;
  const keys = {
    ...(attrs.key ? { key: attrs.key } : {}),
    ...(attrs.anchor ? { anchor: attrs.anchor } : {}),
  };
  switch (name) {
    case 'block': {
      const role = ROLES.find((r) => r === attrs.role);
      if (!role) throw new MarkupError(`bad block role "${attrs.role ?? ''}"`);
      return { kind: 'text', role, ...keys, ...biParas(c, 'block', paraAttrs(attrs)) };
    }
    case 'article': {
      const no = Number(attrs.no);
      if (!Number.isInteger(no)) throw new MarkupError(`bad article no "${attrs.no ?? ''}"`);
      let heading: BiParas = {};
      let body: BiParas = {};
      c.children('article', (child) => {
        if (child.name === 'heading') heading = biParas(c, 'heading', paraAttrs(child.attrs));
        else if (child.name === 'body') body = biParas(c, 'body', paraAttrs(child.attrs));
        else throw new MarkupError(`<${child.name}> inside <article>`);
      });
      return {
        kind: 'article',
        no,
        key: attrs.key ?? `article:${no}`,
        anchor: attrs.anchor ?? `article:${no}`,
        heading,
        body,
      };
    }
    case 'table': {
      const widths = (attrs.widths ?? '').split(',').map(Number);
      if (widths.some((w) => !(w > 0))) throw new MarkupError(`bad table widths "${attrs.widths ?? ''}"`);
      const rows: TableCell[][] = [];
      c.children('table', (row) => {
        if (row.name !== 'row') throw new MarkupError(`<${row.name}> inside <table>`);
        const cells: TableCell[] = [];
        c.children('row', (cell) => {
          if (cell.name !== 'cell') throw new MarkupError(`<${cell.name}> inside <row>`);
          cells.push({
            ...biParas(c, 'cell', paraAttrs(cell.attrs)),
            ...('header' in row.attrs ? { header: true } : {}),
          });
        });
        if (cells.length !== widths.length)
          throw new MarkupError(`row with ${cells.length} cells in a ${widths.length}-column table`);
        rows.push(cells);
      });
      return { kind: 'table', widths, rows };
    }
    case 'signatures': {
      const parties: LangPara[][] = [];
      c.children('signatures', (p) => {
        if (p.name !== 'party') throw new MarkupError(`<${p.name}> inside <signatures>`);
        const lines: LangPara[] = [];
        const defaults = paraAttrs(p.attrs);
        c.children('party', (tok) => {
          const lang = slotOf(tok.name);
          if (!lang) throw new MarkupError(`<${tok.name}> inside <party>`);
          const paras = tok.selfClosing
            ? [{ ...defaults, spans: [] }]
            : paragraphs(c, lang, { ...defaults, ...paraAttrs(tok.attrs) });
          lines.push(...paras.map((para) => ({ lang, para })));
        });
        parties.push(lines);
      });
      return { kind: 'signatures', parties };
    }
    case 'pagebreak':
      if (!tok.selfClosing) c.close('pagebreak');
      return { kind: 'pagebreak' };
    default:
      throw new MarkupError(`unknown element <${name}>`);
  }
}

export interface ParsedMarkup {
  title: string;
  thaiNumerals: boolean;
  landscape: boolean;
  mark?: BiParas;
  blocks: Block[];
}

/** Parse a whole `<document>`; the only entry point. */
export function parseMarkup(markup: string): ParsedMarkup {
  const c = new Cursor(tokenize(markup));
  c.skipSpace();
  const root = c.next();
  if (root.t !== 'open' || root.name !== 'document')
    throw new MarkupError('markup must start with <document>');
  const blocks: Block[] = [];
  let mark: BiParas | undefined;
  c.children('document', (tok) => {
    if (tok.name === 'mark') mark = biParas(c, 'mark');
    else blocks.push(block(c, tok));
  });
  c.skipSpace();
  if (c.peek()) throw new MarkupError('content after </document>');
  return {
    title: root.attrs.title ?? '',
    thaiNumerals: root.attrs.numerals === 'thai',
    landscape: root.attrs.orientation === 'landscape',
    ...(mark ? { mark } : {}),
    blocks,
  };
}
