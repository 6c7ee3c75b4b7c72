// Numbers and dates written in a partner-language text (Korean, Chinese, Japanese, …): digits, CJK numerals before
// a unit ("五年", "六个月"), and CJK dates ("2026년 3월 1일", "2026年3月1日").
import type { DateToken } from './dates';
import type { NumberToken } from './numbers';
import { numberValue } from './numbers';

const HAN_DIGITS = '〇一二三四五六七八九';
const HAN = '[〇一二两兩三四五六七八九十百]+';
/** Units after which a Han numeral is a count (years, months, days, copies, times, persons). */
const UNIT = '(?:年|个月|個月|か月|ヶ月|カ月|箇月|月|日|天|周|週|次|回|名|人|份|部|通|条|項|项)';
const HAN_NUMBER = new RegExp(`(${HAN})(?=${UNIT})`, 'gu');
const DIGITS = /[0-9０-９]+(?:[.,][0-9０-９]+)*/gu;
const CJK_DATE = /([0-9０-９]{4})\s*[년年]\s*([0-9０-９]{1,2})\s*[월月]\s*([0-9０-９]{1,2})\s*[일日]/gu;

const halfWidth = (s: string): string =>
  s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** 一 → 1, 十五 → 15, 二十 → 20, 一百 → 100 (what MOUs count: years, months, copies). */
export function hanValue(s: string): number | undefined {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const d = ch === '两' || ch === '兩' ? 2 : HAN_DIGITS.indexOf(ch);
    if (d >= 0) digit = d;
    else if (ch === '十' || ch === '百') {
      total += (digit === 0 ? 1 : digit) * (ch === '十' ? 10 : 100);
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

const blank = (s: string, index: number, length: number): string =>
  s.slice(0, index) + ' '.repeat(length) + s.slice(index + length);

/** The dates of a partner text, and the text with them blanked out (so their parts are not read as numbers). */
export function partnerDatesIn(text: string): { dates: DateToken[]; rest: string } {
  const dates: DateToken[] = [];
  let rest = text;
  for (const m of text.matchAll(CJK_DATE)) {
    const [y, mo, d] = [m[1], m[2], m[3]].map((x) => Number(halfWidth(x ?? '')));
    const ok =
      y !== undefined && mo !== undefined && d !== undefined && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
    const value = ok ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : undefined;
    dates.push({ text: m[0], index: m.index, value, otherEra: false });
    rest = blank(rest, m.index, m[0].length);
  }
  return { dates, rest };
}

/** The numbers of a partner text (dates already blanked out by the caller), in order. */
export function partnerNumbersIn(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const m of text.matchAll(HAN_NUMBER)) {
    const v = hanValue(m[1] ?? '');
    if (v !== undefined) tokens.push({ text: m[0], index: m.index, value: String(v) });
  }
  for (const m of text.matchAll(DIGITS))
    tokens.push({ text: m[0], index: m.index, value: numberValue(halfWidth(m[0])) });
  return tokens.sort((a, b) => a.index - b.index);
}
