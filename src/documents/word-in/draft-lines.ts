// What one paragraph of an imported MOU looks like: its script, an article heading, the start of the closing, a line
// of a signature block. Pure text rules, shared by the layouts of src/documents/word-in/draft-from-word.ts.
import type { Lang } from '../model';
import type { BodyPara } from './body';
import { langByLetters } from '../../domain/script';

/** A paragraph's language by its letters: Thai or Latin (src/domain/script.ts); `none` for dots, digits, punctuation. */
export type Script = Lang | 'none';

export const scriptOf = (text: string): Script => langByLetters(text) ?? 'none';

/** Spaces as Word writes them (no-break, thin, ideographic) become one plain space; the ends are trimmed. */
export function clean(text: string): string {
  return text
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function arabic(digits: string): number {
  return Number(
    [...digits].map((d) => (THAI_DIGITS.includes(d) ? String(THAI_DIGITS.indexOf(d)) : d)).join(''),
  );
}

function roman(s: string): number | undefined {
  const up = s.toUpperCase();
  if (!/^[IVXLC]+$/.test(up)) return undefined;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN[up[i] ?? ''] ?? 0;
    const next = ROMAN[up[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const TH_HEADING = /^ข้อ(?:ที่)?\s*([0-9๐-๙]{1,3})(?![0-9๐-๙])\s*[.:)\-–—]?\s*([\s\S]*)$/u;
const EN_HEADING = /^article\s+([0-9]{1,3}|[ivxlc]{1,7})(?![0-9a-z])\s*[.:)\-–—]?\s*([\s\S]*)$/iu;

export interface HeadingLine {
  readonly no: number;
  /** The heading's own words after the number ('' when the number stands alone or the text runs on). */
  readonly heading: string;
  /** Article text written on the heading's line ("ข้อ ๑ ทั้งสองฝ่ายจะ…"), when it is not a heading. */
  readonly runIn: string;
}

const headingStyle = (style: string | undefined) => style !== undefined && /heading|title|^\d$/i.test(style);

/** "ข้อ ๑ วัตถุประสงค์" / "Article 1 Objective" / "ARTICLE IV" / "ข้อ 2" → the article's number and heading. */
export function headingOf(p: BodyPara, text: string, lang: Lang): HeadingLine | undefined {
  const m = (lang === 'th' ? TH_HEADING : EN_HEADING).exec(text);
  if (!m) return undefined;
  const [, num = '', restRaw = ''] = m;
  const no = /^[0-9๐-๙]+$/.test(num) ? arabic(num) : roman(num);
  if (no === undefined || no < 1 || no > 999) return undefined;
  const rest = restRaw.trim();
  // A heading is bold, styled as one, or short; a long plain line is the article's text run in after the number.
  const short = rest.length <= 80 && !rest.includes('\n') && (lang === 'th' || !/[.;]$/.test(rest));
  if (rest === '' || p.bold || headingStyle(p.style) || short) return { no, heading: rest, runIn: '' };
  return { no, heading: '', runIn: rest };
}

const TH_CLOSING = /^(ทำขึ้น|ทำ ณ|ลงนาม ณ|เพื่อเป็นพยาน|เพื่อเป็นหลักฐาน)|คู่ฉบับ|เป็นสองฉบับ|ต่อหน้าพยาน/u;
const EN_CLOSING =
  /^(done|signed|executed|in witness whereof)\b|\bin (duplicate|two originals|two \(2\) originals)\b|\bin witness whereof\b/iu;

/** The first line of the closing: "ทำขึ้นเป็นคู่ฉบับ…", "Done in duplicate…", "IN WITNESS WHEREOF…". */
export function isClosingStart(text: string, lang: Lang): boolean {
  return (lang === 'th' ? TH_CLOSING : EN_CLOSING).test(text);
}

const SIGN_FOR = /^(สำหรับ|ในนาม|ลงชื่อ|for\s|on behalf of\b|signed by\b|by:)/iu;
const DOTTED = /^[\s(（]*[.…_·‥\-–]{3,}[\s)）]*$/u;
const NAME_IN_BRACKETS = /^[(（][^()（）]{1,80}[)）]$/u;

/** A line of a signature block: "สำหรับ…" / "For …" / "On behalf of …", a dotted line, a name in brackets. */
export function isSignatureLine(text: string): boolean {
  if (DOTTED.test(text) || NAME_IN_BRACKETS.test(text)) return true;
  return SIGN_FOR.test(text) && text.length <= 120 && !/[.;:]$/.test(text);
}
