// WordprocessingML as strings, for the handful of elements the documents use (paragraph, run, tab, table, comment,
// w:ins, w:del, the PAGE field). The output matches what `docx` writes for the same elements, byte for byte (a test checks).
// Every text and attribute value taken from data passes through `escapeXml`, the one escaping function, exactly once;
// element names and numbers are this module's own.
import type { Slot } from './model';

export const FONT = 'TH Sarabun New';
/** 16 pt, in half-points. */
export const SIZE = 32;
/** Millimetres to twips (1 mm = 56.7 twips). */
export const mm = (n: number): number => Math.round(n * 56.6929);

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Markup characters are escaped; characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) are
// dropped, as docx does. Validation rejects them in user text before it gets here. A lone surrogate becomes U+FFFD
// when the string is encoded as UTF-8.
const UNSAFE = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/** Text or an attribute value as XML character data: the only escaping in the documents pipeline. */
export function escapeXml(s: string): string {
  return UNSAFE.test(s) ? s.replace(UNSAFE_ALL, (c) => ESCAPES[c] ?? '') : s;
}

/** Integers only (ids, sizes, widths): a number can never carry markup, but NaN or 1.5 would make invalid XML. */
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
}

/** How the partner's runs are written: the language's Word value, its font, and whether it is CJK (East Asian slot). */
export interface PartnerRun {
  readonly lang: string;
  readonly font: string;
  readonly cjk: boolean;
}

export interface RunStyle {
  readonly lang: Slot;
  /** Required for `lang: 'partner'`. */
  readonly partner?: PartnerRun;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Hex RGB such as C00000. */
  readonly color?: string;
  /** Font size in half-points; default SIZE. */
  readonly size?: number;
}

const LANG_VALUE: Readonly<Record<'th' | 'en', string>> = { th: 'th-TH', en: 'en-US' };
const FONTS = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`;
const rPrCache = new Map<string, string>();

/**
 * The font slots and the language of a run. Thai and English: one font in all four slots, `w:bidi="th-TH"` for the
 * complex script. A CJK partner text: its font in the East Asian slot (and for the Latin letters and digits inside
 * it), `w:hint="eastAsia"` so that shared punctuation takes it too, and its language in `w:eastAsia`; the complex
 * script slot keeps the Thai font. Another partner language: its font for Latin text and its language in `w:val`.
 */
function slots(s: RunStyle): { fonts: string; lang: string } {
  if (s.lang !== 'partner')
    return { fonts: FONTS, lang: `<w:lang w:val="${LANG_VALUE[s.lang]}" w:bidi="th-TH"/>` };
  const p = s.partner;
  if (!p) throw new Error('a partner-language run needs the partner language');
  const f = escapeXml(p.font);
  const l = escapeXml(p.lang);
  return p.cjk
    ? {
        fonts: `<w:rFonts w:ascii="${f}" w:cs="${FONT}" w:eastAsia="${f}" w:hAnsi="${f}" w:hint="eastAsia"/>`,
        lang: `<w:lang w:val="en-US" w:eastAsia="${l}" w:bidi="th-TH"/>`,
      }
    : {
        fonts: `<w:rFonts w:ascii="${f}" w:cs="${FONT}" w:eastAsia="${f}" w:hAnsi="${f}"/>`,
        lang: `<w:lang w:val="${l}" w:bidi="th-TH"/>`,
      };
}

/** Run properties: the font in all four slots, bold and size for the complex script too, and the language. */
export function runProps(s: RunStyle): string {
  const size = int(s.size ?? SIZE);
  const who = s.lang === 'partner' ? `partner:${s.partner?.lang ?? ''}:${s.partner?.font ?? ''}` : s.lang;
  const key = `${who}|${s.bold === true ? 'b' : ''}|${s.italic === true ? 'i' : ''}|${s.color ?? ''}|${size}`;
  let xml = rPrCache.get(key);
  if (xml === undefined) {
    const slot = slots(s);
    xml =
      '<w:rPr>' +
      slot.fonts +
      (s.bold === true ? '<w:b/><w:bCs/>' : '') +
      (s.italic === true ? '<w:i/><w:iCs/>' : '') +
      (s.color !== undefined ? `<w:color w:val="${escapeXml(s.color)}"/>` : '') +
      `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
      slot.lang +
      '</w:rPr>';
    rPrCache.set(key, xml);
  }
  return xml;
}

export function textRun(text: string, style: RunStyle): string {
  return `<w:r>${runProps(style)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A tab character: moves to the paragraph's next tab stop. */
export const tabRun = (style: RunStyle): string => `<w:r>${runProps(style)}<w:tab/></w:r>`;

export interface Change {
  readonly id: number;
  readonly author: string;
  /** ISO timestamp. */
  readonly date: string;
}

/** A tracked insertion (w:ins) or deletion (w:del, its text in w:delText; none when empty, as docx writes it). */
export function changeRun(kind: 'ins' | 'del', text: string, style: RunStyle, c: Change): string {
  const tag = kind === 'ins' ? 'w:ins' : 'w:del';
  const content =
    kind === 'ins'
      ? `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`
      : text === ''
        ? ''
        : `<w:delText xml:space="preserve">${escapeXml(text)}</w:delText>`;
  return `<${tag} w:id="${int(c.id)}" w:author="${escapeXml(c.author)}" w:date="${escapeXml(c.date)}"><w:r>${runProps(style)}${content}</w:r></${tag}>`;
}

/**
 * The current page number as a field (begin, instruction, separate, end). A plain PAGE: the digits come from the
 * section's w:pgNumType/@w:fmt ("thaiNumbers" or "decimal", render-docx.ts). Word formats PAGE by it (๒ for
 * thaiNumbers). LibreOffice (7.4 here, and its current DOCX import, writerfilter ConversionHelper::ConvertNumberingType)
 * does not know thaiNumbers and shows Arabic digits (2); no w:fmt value gives Thai digits there. The field switch
 * `PAGE \* ThaiArabic` would be Thai digits in Word too, but LibreOffice maps it to Thai *letters* (ข for page 2), so
 * it is not written: Arabic digits are a lesser fault than letters.
 */
export function pageNumberRuns(style: RunStyle): string {
  const r = (inner: string) => `<w:r>${runProps(style)}${inner}</w:r>`;
  return (
    r('<w:fldChar w:fldCharType="begin"/>') +
    r('<w:instrText xml:space="preserve">PAGE</w:instrText>') +
    r('<w:fldChar w:fldCharType="separate"/>') +
    r('<w:fldChar w:fldCharType="end"/>')
  );
}

/** A bookmark's start and end (our anchors: word-anchors.ts); the name is ours, escaped all the same. */
export const bookmarkStart = (id: number, name: string): string =>
  `<w:bookmarkStart w:name="${escapeXml(name)}" w:id="${int(id)}"/>`;
export const bookmarkEnd = (id: number): string => `<w:bookmarkEnd w:id="${int(id)}"/>`;

export const commentRangeStart = (id: number): string => `<w:commentRangeStart w:id="${int(id)}"/>`;

/** The end of a comment's range and the reference mark that shows it. */
export function commentRangeEnd(id: number, style: RunStyle): string {
  return `<w:commentRangeEnd w:id="${int(id)}"/><w:r>${runProps(style)}<w:commentReference w:id="${int(id)}"/></w:r>`;
}

export type Justification = 'left' | 'center' | 'right' | 'both' | 'thaiDistribute';

export interface ParaProps {
  readonly keepNext?: boolean;
  /** Space after, in twips. Line spacing is always single with lineRule auto (LibreOffice overlaps Thai lines otherwise). */
  readonly after?: number;
  /** First-line indent, in twips. */
  readonly firstLine?: number;
  readonly jc?: Justification;
  /** One left tab stop, in twips; `leader: 'dot'` fills the space before it with dots. */
  readonly tab?: { readonly pos: number; readonly leader?: 'dot' };
  /** East Asian line breaking (kinsoku): no line starts with a closing mark or ends with an opening one. */
  readonly kinsoku?: boolean;
}

export function paragraph(p: ParaProps, content: string): string {
  return (
    '<w:p><w:pPr>' +
    (p.keepNext === true ? '<w:keepNext/>' : '') +
    (p.tab !== undefined
      ? `<w:tabs><w:tab w:val="left" w:pos="${int(p.tab.pos)}"${p.tab.leader === 'dot' ? ' w:leader="dot"' : ''}/></w:tabs>`
      : '') +
    (p.kinsoku === true ? '<w:kinsoku/>' : '') +
    (p.after !== undefined
      ? `<w:spacing w:after="${int(p.after)}" w:line="240" w:lineRule="auto"/>`
      : '<w:spacing w:line="240" w:lineRule="auto"/>') +
    (p.firstLine !== undefined ? `<w:ind w:firstLine="${int(p.firstLine)}"/>` : '') +
    (p.jc !== undefined ? `<w:jc w:val="${p.jc}"/>` : '') +
    `</w:pPr>${content}</w:p>`
  );
}

export const pageBreakParagraph = (): string => paragraph({}, '<w:r><w:br w:type="page"/></w:r>');

/**
 * The paragraph Word needs after a table (two tables in a row merge; a body cannot end with one), one point
 * high: at full size it spilled onto an otherwise blank last page after a signature table. It holds no text,
 * so its exact line height cannot make Thai lines overlap (the reason every text paragraph uses "auto").
 */
export const separatorParagraph = (): string =>
  '<w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"/>' +
  '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>';

export interface TableProps {
  /** Column widths in twips. */
  readonly cols: readonly number[];
  readonly border: 'none' | 'single';
  /** Left and right cell margin, in twips. */
  readonly cellMargin: number;
}

const BORDER_SIDES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const;
const BORDER = {
  none: 'w:val="none" w:color="auto" w:sz="0"',
  single: 'w:val="single" w:color="000000" w:sz="4"',
} as const;

export function table(t: TableProps, rows: string): string {
  const width = t.cols.reduce((a, b) => a + b, 0);
  const m = int(t.cellMargin);
  return (
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${int(width)}"/><w:tblBorders>` +
    BORDER_SIDES.map((side) => `<w:${side} ${BORDER[t.border]}/>`).join('') +
    '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>' +
    `<w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${m}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${m}"/>` +
    '</w:tblCellMar></w:tblPr><w:tblGrid>' +
    t.cols.map((c) => `<w:gridCol w:w="${int(c)}"/>`).join('') +
    `</w:tblGrid>${rows}</w:tbl>`
  );
}

export function tableRow(
  r: { readonly cantSplit: boolean; readonly header: boolean },
  cells: string,
): string {
  return (
    '<w:tr><w:trPr>' +
    (r.cantSplit ? '<w:cantSplit/>' : '<w:cantSplit w:val="off"/>') +
    (r.header ? '<w:tblHeader/>' : '') +
    `</w:trPr>${cells}</w:tr>`
  );
}

/** A cell; `shaded` fills it light grey (header rows). */
export function tableCell(width: number, shaded: boolean, content: string): string {
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${int(width)}"/>` +
    (shaded ? '<w:shd w:fill="E7E6E6" w:color="auto" w:val="clear"/>' : '') +
    `</w:tcPr>${content}</w:tc>`
  );
}

export interface CommentMeta {
  readonly id: number;
  readonly author: string;
  readonly initials: string;
  /** ISO timestamp. */
  readonly date: string;
}

export function comment(c: CommentMeta, content: string): string {
  return (
    `<w:comment w:id="${int(c.id)}" w:initials="${escapeXml(c.initials)}" w:author="${escapeXml(c.author)}" ` +
    `w:date="${escapeXml(c.date)}">${content}</w:comment>`
  );
}
