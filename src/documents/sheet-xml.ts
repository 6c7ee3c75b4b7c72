// Typography: a laid-out sheet → the XML of its body, headers and comments (Thai official style, TH Sarabun New 16 pt).
// The package around them (styles, settings, section properties, relationships) comes from `docx`: see render-docx.ts.
import type { LaidItem, LaidPara, LaidRow, ParaRole, Sheet } from './layout';
import { isCjk, wordLangValue } from '../domain/text-lang';
import type { BiParas, Slot, Span } from './model';
import { laid } from './layout-parts';
import {
  bookmarkEnd,
  bookmarkStart,
  changeRun,
  comment,
  commentRangeEnd,
  commentRangeStart,
  mm,
  pageBreakParagraph,
  pageNumberRuns,
  separatorParagraph,
  paragraph,
  tabRun,
  table,
  tableCell,
  tableRow,
  textRun,
  type Justification,
  type PartnerRun,
  type RunStyle,
} from './word-xml';

/** The XML inside the parts' placeholders: w:body content, each header's paragraphs, w:comments content. */
export interface SheetXml {
  readonly body: string;
  readonly firstHeader: string;
  readonly defaultHeader: string;
  readonly comments: string;
}

/** Ids of tracked changes must be unique in the document; comments use their own id space. */
class Revisions {
  private next = 1;
  readonly partner: PartnerRun | undefined;
  constructor(
    private readonly meta: Sheet['revision'],
    partner: Sheet['partner'],
  ) {
    this.partner = partner
      ? { lang: wordLangValue(partner.tag), font: partner.font, cjk: isCjk(partner.tag) }
      : undefined;
  }
  /** The run style of a language slot (the partner's carries its font and language). */
  style(lang: Slot, rest: Omit<RunStyle, 'lang' | 'partner'> = {}): RunStyle {
    return lang === 'partner' && this.partner ? { lang, partner: this.partner, ...rest } : { lang, ...rest };
  }
  /** `sizePt`: the paragraph's size, for a span that sets none. */
  run(span: Span, lang: Slot, sizePt?: number): string {
    const pt = span.sizePt ?? sizePt;
    const style = this.style(lang, {
      bold: span.bold,
      italic: span.italic,
      size: pt === undefined ? undefined : pt * 2,
    });
    if (span.tab === true) return tabRun(style);
    if (!span.change) return textRun(span.text, style);
    const change = {
      id: this.next++,
      author: this.meta?.author ?? 'MOU Engine',
      date: this.meta?.date ?? '2000-01-01T00:00:00Z',
    };
    return changeRun(span.change, span.text, style, change);
  }
}

const BOLD_ROLES: ReadonlySet<ParaRole> = new Set(['title', 'heading', 'cell-header']);

function justification(lp: LaidPara): Justification {
  switch (lp.para.align ?? defaultAlign(lp.role)) {
    case 'left':
      return 'left';
    case 'center':
      return 'center';
    case 'right':
      return 'right';
    case 'justify':
      return lp.lang === 'th' ? 'thaiDistribute' : 'both';
  }
}

function defaultAlign(role: ParaRole): 'left' | 'center' | 'justify' {
  switch (role) {
    case 'title':
    case 'cell-header':
    case 'signature':
      return 'center';
    case 'body':
      return 'justify';
    case 'heading':
    case 'note':
    case 'cell':
      return 'left';
  }
}

/** Twips after a paragraph: the template's, else the role's. */
function spaceAfter(lp: LaidPara): number {
  if (lp.para.spaceAfterPt !== undefined) return lp.para.spaceAfterPt * 20;
  return lp.role === 'title' ? 240 : lp.role === 'body' || lp.role === 'heading' ? 120 : 0;
}

/** `inTable`: LibreOffice turns keep-with-next inside a cell into keeping the whole table together, so not there. */
function para(lp: LaidPara, rev: Revisions, inTable = false): string {
  const bold = BOLD_ROLES.has(lp.role);
  let content = '';
  for (const b of lp.bookmarkStarts) content += bookmarkStart(b.id, b.name);
  for (const id of lp.commentStarts) content += commentRangeStart(id);
  for (const s of lp.para.spans) content += rev.run(bold ? { ...s, bold: true } : s, lp.lang, lp.para.sizePt);
  for (const id of lp.commentEnds) content += commentRangeEnd(id, rev.style(lp.lang));
  for (const id of lp.bookmarkEnds) content += bookmarkEnd(id);
  return paragraph(
    {
      keepNext: !inTable && (lp.role === 'heading' || lp.role === 'title' || lp.para.keepNext === true),
      after: spaceAfter(lp),
      ...(lp.para.indentMm !== undefined ? { firstLine: mm(lp.para.indentMm) } : {}),
      ...(lp.para.tabStop ? { tab: { pos: mm(lp.para.tabStop.mm), leader: lp.para.tabStop.leader } } : {}),
      jc: justification(lp),
      ...(lp.lang === 'partner' && rev.partner?.cjk === true ? { kinsoku: true } : {}),
    },
    content,
  );
}

function grid(item: Extract<LaidItem, { t: 'grid' }>, width: number, rev: Revisions): string {
  const total = item.widths.reduce((a, b) => a + b, 0);
  const cols = item.widths.map((w) => Math.floor((w / total) * width));
  let rows = '';
  for (const r of item.rows) rows += row(r, cols, rev);
  return table({ cols, border: item.style === 'table' ? 'single' : 'none', cellMargin: mm(1.5) }, rows);
}

function row(r: LaidRow, cols: readonly number[], rev: Revisions): string {
  let cells = '';
  r.cells.forEach((ps, i) => {
    let content = '';
    for (const p of ps) content += para(p, rev, true);
    cells += tableCell(cols[i] ?? 0, r.header, ps.length > 0 ? content : paragraph({}, ''));
  });
  return tableRow(r, cells);
}

function headerParas(sheet: Sheet, withPageNumber: boolean): string {
  let out = '';
  if (withPageNumber) {
    const th = { lang: 'th' } as const;
    out += paragraph({ jc: 'center' }, textRun('- ', th) + pageNumberRuns(th) + textRun(' -', th));
  }
  if (sheet.mark) out += markPara(sheet.mark);
  return out === '' ? paragraph({}, '') : out;
}

/** The DRAFT mark: Thai and English in dark red, bold, right-aligned, separated by a bar. */
function markPara(mark: BiParas): string {
  let runs = '';
  for (const lang of ['th', 'en'] as const) {
    for (const p of mark[lang] ?? []) {
      if (runs !== '') runs += textRun(' | ', { lang, bold: true });
      for (const s of p.spans)
        runs += textRun(s.text, { lang, bold: true, italic: s.italic, color: 'C00000' });
    }
  }
  return paragraph({ jc: 'right' }, runs);
}

export const A4 = { short: mm(210), long: mm(297) } as const;
// Thai official margins: 3 cm left, 2 cm right, 2.5 cm top and bottom.
export const MARGIN = {
  left: mm(30),
  right: mm(20),
  top: mm(25),
  bottom: mm(25),
  header: mm(12),
  footer: mm(12),
} as const;

export function sheetXml(sheet: Sheet): SheetXml {
  const rev = new Revisions(sheet.revision, sheet.partner);
  const width = (sheet.landscape ? A4.long : A4.short) - MARGIN.left - MARGIN.right;
  let body = '';
  for (const item of sheet.items) {
    switch (item.t) {
      case 'para':
        body += para(item.p, rev);
        break;
      case 'grid':
        // Two tables in a row would merge into one in Word; a small empty paragraph keeps them apart.
        body += grid(item, width, rev) + separatorParagraph();
        break;
      case 'pagebreak':
        body += pageBreakParagraph();
        break;
    }
  }
  let comments = '';
  for (const n of sheet.notes) {
    let content = '';
    for (const { lang, para: p } of n.paras) content += para(laid(lang, 'note')(p), rev);
    comments += comment(
      { id: n.id, author: n.author, initials: n.initials, date: new Date(n.date).toISOString() },
      content,
    );
  }
  return { body, firstHeader: headerParas(sheet, false), defaultHeader: headerParas(sheet, true), comments };
}
