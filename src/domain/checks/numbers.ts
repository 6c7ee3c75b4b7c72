// Numbers written in an MOU's text: Arabic and Thai digits, and number words ("five (5)", "ห้า (๕)", "หกเดือน").
import type { Lang } from '../bilingual';
import { THAI_DIGITS } from '../thai-format';

export interface NumberToken {
  /** As written ("five (5)", "๒๕๖๕", "หกเดือน"). */
  readonly text: string;
  readonly index: number;
  /** The value, normalised ("5", "1000", "2.5"). */
  readonly value: string;
  /** Set when a number word and the digits after it disagree ("five (6)"): the digits' value. */
  readonly digitsSay?: string;
  /** Written in words alone ("six months", "หกเดือน", "once"): a weaker reading than one with digits. */
  readonly wordsOnly?: true;
}

export function arabicDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** One to nineteen, twenty to ninety, one to nine: the words both the checks and the model form write. */
export const EN_ONES = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
export const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const TH_ONES = ['หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];

const EN_WORD = `(?:(?:${EN_TENS.join('|')})(?:[- ](?:${EN_ONES.slice(0, 9).join('|')}))?|${[...EN_ONES].reverse().join('|')})`;
const TH_WORD = `(?:(?:${TH_ONES.slice(1).join('|')}|ยี่)?สิบ(?:เอ็ด|${TH_ONES.join('|')})?|${TH_ONES.join('|')})`;

// A number word counts only before digits in brackets or before a unit: elsewhere "one" and "สอง" are rarely numbers
// ("one another", "ฝ่ายหนึ่ง" = "either side"); "ทั้งสอง…" is "both", never counted.
const EN_UNITS =
  '(?:years?|months?|weeks?|days?|hours?|times|copies|originals?|languages?|texts?|persons?|people|members?|' +
  'representatives?|officials?|experts?|students?|participants?|delegates?|delegations?|meetings?|visits?|' +
  'areas?|fields?|rounds?)';
const TH_UNITS = '(?:ปี|เดือน|สัปดาห์|วัน|ชั่วโมง|ครั้ง|ฉบับ|ภาษา|คน|ราย|สาขา|ด้าน|ประการ|รอบ|คณะ)';
const DIGITS = '[0-9๐-๙]+(?:,[0-9๐-๙]{3})*(?:\\.[0-9๐-๙]+)?';

const WORD_NUMBER: Record<Lang, RegExp> = {
  en: new RegExp(`\\b(${EN_WORD})\\b(?:\\s*\\(\\s*(${DIGITS})\\s*\\)|(?=\\s+${EN_UNITS}\\b))`, 'gi'),
  th: new RegExp(`(?<!ทั้ง)(${TH_WORD})(?:\\s*\\(\\s*(${DIGITS})\\s*\\)|(?=\\s*${TH_UNITS}))`, 'g'),
};
const DIGIT_NUMBER = new RegExp(DIGITS, 'g');
/** English counts of times need no unit: "once a year" = "ปีละหนึ่งครั้ง". */
const EN_TIMES = /\b(?:once|twice|thrice)\b/gi;
const TIMES_VALUE: Record<string, string> = { once: '1', twice: '2', thrice: '3' };

function englishWordValue(w: string): number {
  const [tens, ones] = w.toLowerCase().split(/[- ]/);
  const t = EN_TENS.indexOf(tens ?? '');
  if (t >= 0) return (t + 2) * 10 + (ones ? EN_ONES.indexOf(ones) + 1 : 0);
  return EN_ONES.indexOf(tens ?? '') + 1;
}

function thaiWordValue(w: string): number {
  const at = w.indexOf('สิบ');
  if (at < 0) return TH_ONES.indexOf(w) + 1;
  const head = w.slice(0, at);
  const tail = w.slice(at + 'สิบ'.length);
  const tens = head === '' ? 1 : head === 'ยี่' ? 2 : TH_ONES.indexOf(head) + 1;
  const ones = tail === '' ? 0 : tail === 'เอ็ด' ? 1 : TH_ONES.indexOf(tail) + 1;
  return tens * 10 + ones;
}

/** "1,000" → "1000", "๒.๕" → "2.5", "05" → "5". */
export function numberValue(digits: string): string {
  const plain = arabicDigits(digits).replace(/,/g, '');
  const [int = '', frac] = plain.split('.');
  const i = int.replace(/^0+(?=\d)/, '');
  return frac === undefined ? i : `${i}.${frac}`;
}

/** The numbers in `text` (dates already blanked out by the caller), in order. */
export function numbersIn(text: string, lang: Lang): NumberToken[] {
  const tokens: NumberToken[] = [];
  let rest = text;
  for (const m of text.matchAll(WORD_NUMBER[lang])) {
    const word = m[1] ?? '';
    const value = String(lang === 'en' ? englishWordValue(word) : thaiWordValue(word));
    const digits = m[2] === undefined ? undefined : numberValue(m[2]);
    tokens.push({
      text: m[0],
      index: m.index,
      value,
      ...(digits !== undefined && digits !== value ? { digitsSay: digits } : {}),
      ...(digits === undefined ? { wordsOnly: true as const } : {}),
    });
    rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  if (lang === 'en') {
    for (const m of text.matchAll(EN_TIMES)) {
      const value = TIMES_VALUE[m[0].toLowerCase()] ?? '';
      tokens.push({ text: m[0], index: m.index, value, wordsOnly: true });
    }
  }
  for (const m of rest.matchAll(DIGIT_NUMBER)) {
    tokens.push({ text: m[0], index: m.index, value: numberValue(m[0]) });
  }
  return tokens.sort((a, b) => a.index - b.index);
}

/** A number token that mixes Thai and Arabic digits ("๒565"), anywhere in `text`. */
export function mixedDigitRuns(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (const m of text.matchAll(/[0-9๐-๙]+/g)) {
    if (/[0-9]/.test(m[0]) && /[๐-๙]/.test(m[0])) out.push({ text: m[0], index: m.index });
  }
  return out;
}
