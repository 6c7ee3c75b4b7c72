// The reference for the XML writer (src/documents/word-xml.ts, sheet-xml.ts): the same sheet built from `docx`'s own
// objects, as the writer did before it wrote XML itself. Tests compare the two part by part, byte for byte.
import * as d from 'docx';
import { parts } from './doc-xml';
import type { LaidItem, LaidPara, LaidRow, ParaRole, Sheet } from '../../src/documents/layout';
import type { BiParas, Lang, Slot, Span } from '../../src/documents/model';

const FONT = 'TH Sarabun New';
const SIZE = 32;
const FONTS = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT } as const;
const LANGUAGE: Record<Lang, d.IRunOptions['language']> = {
  th: { value: 'th-TH', bidirectional: 'th-TH' },
  en: { value: 'en-US', bidirectional: 'th-TH' },
};

// A4 in twips (1 mm = 56.7 twips); Thai official margins: 3 cm left, 2 cm right, 2.5 cm top and bottom.
const mm = (n: number) => Math.round(n * 56.6929);
const A4 = { short: mm(210), long: mm(297) };
const MARGIN = { left: mm(30), right: mm(20), top: mm(25), bottom: mm(25), header: mm(12), footer: mm(12) };
const LINE = { line: 240, lineRule: d.LineRuleType.AUTO } as const;

/** Thai and English only: partner-language runs are checked against docx in test/unit/documents/partner-runs.test.ts. */
function runOptions(slot: Slot, span: Pick<Span, 'bold' | 'italic' | 'sizePt'>): d.IRunOptions {
  if (slot === 'partner') throw new Error('the oracle writes Thai and English runs only');
  const lang: Lang = slot;
  return {
    font: FONTS,
    size: span.sizePt !== undefined ? span.sizePt * 2 : SIZE,
    language: LANGUAGE[lang],
    ...(span.bold ? { bold: true } : {}),
    ...(span.italic ? { italics: true } : {}),
  };
}

/** Ids of tracked changes must be unique in the document; comments use their own id space. */
class Revisions {
  private next = 1;
  constructor(private readonly meta: Sheet['revision']) {}
  run(span: Span, lang: Slot): d.ParagraphChild {
    if (span.tab) return new d.TextRun({ ...runOptions(lang, span), children: [new d.Tab()] });
    const opts = { ...runOptions(lang, span), text: span.text };
    if (!span.change) return new d.TextRun(opts);
    const change = {
      id: this.next++,
      author: this.meta?.author ?? 'MOU Engine',
      date: this.meta?.date ?? '2000-01-01T00:00:00Z',
    };
    return span.change === 'ins'
      ? new d.InsertedTextRun({ ...opts, ...change })
      : new d.DeletedTextRun({ ...opts, ...change });
  }
}

const BOLD_ROLES: ReadonlySet<ParaRole> = new Set(['title', 'heading', 'cell-header']);

function alignment(lp: LaidPara) {
  const a = lp.para.align ?? defaultAlign(lp.role);
  switch (a) {
    case 'left':
      return d.AlignmentType.LEFT;
    case 'center':
      return d.AlignmentType.CENTER;
    case 'right':
      return d.AlignmentType.RIGHT;
    case 'justify':
      return lp.lang === 'th' ? d.AlignmentType.THAI_DISTRIBUTE : d.AlignmentType.JUSTIFIED;
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

/** `inTable`: LibreOffice turns keep-with-next inside a cell into keeping the whole table together, so not there. */
function paragraph(lp: LaidPara, rev: Revisions, inTable = false): d.Paragraph {
  const bold = BOLD_ROLES.has(lp.role);
  const children: d.ParagraphChild[] = lp.bookmarkStarts.map(
    (b) => new d.BookmarkStart(b.name, b.id) as unknown as d.ParagraphChild,
  );
  children.push(...lp.commentStarts.map((id) => new d.CommentRangeStart(id)));
  for (const s of lp.para.spans) {
    const sized = { ...s, sizePt: s.sizePt ?? lp.para.sizePt };
    children.push(rev.run(bold ? { ...sized, bold: true } : sized, lp.lang));
  }
  for (const id of lp.commentEnds) {
    children.push(
      new d.CommentRangeEnd(id),
      new d.TextRun({ ...runOptions(lp.lang, {}), children: [new d.CommentReference(id)] }),
    );
  }
  for (const id of lp.bookmarkEnds) children.push(new d.BookmarkEnd(id) as unknown as d.ParagraphChild);
  return new d.Paragraph({
    children,
    alignment: alignment(lp),
    spacing: {
      ...LINE,
      after:
        lp.para.spaceAfterPt !== undefined
          ? lp.para.spaceAfterPt * 20
          : lp.role === 'title'
            ? 240
            : lp.role === 'body' || lp.role === 'heading'
              ? 120
              : 0,
    },
    ...(lp.para.indentMm !== undefined ? { indent: { firstLine: mm(lp.para.indentMm) } } : {}),
    ...(lp.para.tabStop
      ? {
          tabStops: [
            {
              type: d.TabStopType.LEFT,
              position: mm(lp.para.tabStop.mm),
              ...(lp.para.tabStop.leader === 'dot' ? { leader: d.LeaderType.DOT } : {}),
            },
          ],
        }
      : {}),
    ...(!inTable && (lp.role === 'heading' || lp.role === 'title' || lp.para.keepNext === true)
      ? { keepNext: true }
      : {}),
  });
}

const NO_BORDER = { style: d.BorderStyle.NONE, size: 0, color: 'auto' } as const;
const LINE_BORDER = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function grid(item: Extract<LaidItem, { t: 'grid' }>, width: number, rev: Revisions): d.Table {
  const total = item.widths.reduce((a, b) => a + b, 0);
  const cols = item.widths.map((w) => Math.floor((w / total) * width));
  const border = item.style === 'table' ? LINE_BORDER : NO_BORDER;
  const borders = {
    top: border,
    bottom: border,
    left: border,
    right: border,
    insideHorizontal: border,
    insideVertical: border,
  };
  const row = (r: LaidRow) =>
    new d.TableRow({
      cantSplit: r.cantSplit,
      ...(r.header ? { tableHeader: true } : {}),
      children: r.cells.map(
        (ps, i) =>
          new d.TableCell({
            width: { size: cols[i] ?? 0, type: d.WidthType.DXA },
            ...(r.header ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
            children:
              ps.length > 0 ? ps.map((p) => paragraph(p, rev, true)) : [new d.Paragraph({ spacing: LINE })],
          }),
      ),
    });
  return new d.Table({
    width: { size: cols.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
    columnWidths: cols,
    layout: d.TableLayoutType.FIXED,
    borders,
    margins: { left: mm(1.5), right: mm(1.5), top: 0, bottom: 0 },
    rows: item.rows.map(row),
  });
}

function headerParas(sheet: Sheet, withPageNumber: boolean): d.Paragraph[] {
  const out: d.Paragraph[] = [];
  if (withPageNumber) {
    out.push(
      new d.Paragraph({
        alignment: d.AlignmentType.CENTER,
        spacing: LINE,
        children: [
          new d.TextRun({ ...runOptions('th', {}), text: '- ' }),
          new d.TextRun({ ...runOptions('th', {}), children: [d.PageNumber.CURRENT] }),
          new d.TextRun({ ...runOptions('th', {}), text: ' -' }),
        ],
      }),
    );
  }
  if (sheet.mark) out.push(markPara(sheet.mark));
  if (out.length === 0) out.push(new d.Paragraph({ spacing: LINE }));
  return out;
}

function markPara(mark: BiParas): d.Paragraph {
  const runs: d.ParagraphChild[] = [];
  for (const lang of ['th', 'en'] as const) {
    for (const p of mark[lang] ?? []) {
      if (runs.length > 0) runs.push(new d.TextRun({ ...runOptions(lang, { bold: true }), text: ' | ' }));
      for (const s of p.spans)
        runs.push(
          new d.TextRun({ ...runOptions(lang, { ...s, bold: true }), text: s.text, color: 'C00000' }),
        );
    }
  }
  return new d.Paragraph({ alignment: d.AlignmentType.RIGHT, spacing: LINE, children: runs });
}

function buildDocument(sheet: Sheet): d.Document {
  const rev = new Revisions(sheet.revision);
  const width = (sheet.landscape ? A4.long : A4.short) - MARGIN.left - MARGIN.right;
  const children: (d.Paragraph | d.Table)[] = [];
  for (const item of sheet.items) {
    switch (item.t) {
      case 'para':
        children.push(paragraph(item.p, rev));
        break;
      case 'grid':
        children.push(grid(item, width, rev));
        // Two tables in a row would merge into one in Word; a small empty paragraph keeps them apart.
        children.push(
          new d.Paragraph({
            spacing: { line: 20, lineRule: d.LineRuleType.EXACT, after: 0 },
            run: { size: 2 },
          }),
        );
        break;
      case 'pagebreak':
        children.push(new d.Paragraph({ spacing: LINE, children: [new d.PageBreak()] }));
        break;
    }
  }
  const id = sheet.identity;
  const custom = id
    ? [
        ...(id.agreement !== undefined ? [{ name: 'MOU Engine agreement', value: id.agreement }] : []),
        { name: 'MOU Engine version', value: String(id.versionNo) },
        { name: 'MOU Engine document', value: id.doc },
        { name: 'MOU Engine layout', value: id.layout },
      ]
    : [{ name: 'MOU Engine document', value: 'document' }];
  return new d.Document({
    creator: 'MOU Engine',
    customProperties: custom,
    title: sheet.title,
    styles: { default: { document: { run: { font: FONTS, size: SIZE, language: LANGUAGE.th } } } },
    comments: {
      children: sheet.notes.map((n) => ({
        id: n.id,
        author: n.author,
        initials: n.initials,
        date: new Date(n.date),
        children: n.paras.map(({ lang, para }) =>
          paragraph(
            {
              lang,
              para,
              role: 'note',
              commentStarts: [],
              commentEnds: [],
              bookmarkStarts: [],
              bookmarkEnds: [],
            },
            rev,
          ),
        ),
      })),
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: A4.short,
              height: A4.long,
              ...(sheet.landscape ? { orientation: d.PageOrientation.LANDSCAPE } : {}),
            },
            margin: MARGIN,
            pageNumbers: {
              start: 1,
              formatType: sheet.thaiNumerals ? d.NumberFormat.THAI_NUMBERS : d.NumberFormat.DECIMAL,
            },
          },
        },
        headers: {
          // Thai official style: no number on the first page; "- ๒ -" centred at the top from page 2.
          first: new d.Header({ children: headerParas(sheet, false) }),
          default: new d.Header({ children: headerParas(sheet, true) }),
        },
        children,
      },
    ],
  });
}

/** Every part of the package docx writes for `sheet`, but the core properties (docx stamps those with the clock). */
export async function docxReferenceParts(sheet: Sheet): Promise<Map<string, string>> {
  const all = parts(await d.Packer.toBuffer(buildDocument(sheet)));
  all.delete('docProps/core.xml');
  return all;
}
