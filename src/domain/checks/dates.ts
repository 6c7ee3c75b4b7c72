// Dates written in an MOU's text: Thai (Buddhist era, Thai or Arabic digits) and English, read to one calendar.
import type { Lang } from '../bilingual';
import { ENGLISH_MONTHS, gregorianYear, THAI_MONTHS, THAI_MONTHS_SHORT } from '../thai-format';
import { arabicDigits } from './numbers';

export interface DateToken {
  /** As written ("14 มีนาคม 2565"). */
  readonly text: string;
  readonly index: number;
  /** Gregorian "YYYY-MM-DD", or "YYYY-MM" for a month and year; undefined when no such day exists. */
  readonly value: string | undefined;
  /** The year was written in the other era than the language's convention (BE in English, CE in Thai). */
  readonly otherEra: boolean;
}

const D = '[0-9๐-๙]';
const esc = (s: string) => s.replace(/[.]/g, '\\.');
const TH_MONTHS = [...THAI_MONTHS, ...THAI_MONTHS_SHORT].map(esc).join('|');
const EN_MONTHS = ENGLISH_MONTHS.join('|');

const TH_DAY_MONTH_YEAR = new RegExp(
  `(${D}{1,2})\\s*(${TH_MONTHS})\\s*(?:(พ\\.ศ\\.|ค\\.ศ\\.)\\s*)?(${D}{4}|${D}{2}(?!${D}))`,
  'g',
);
const TH_MONTH_YEAR = new RegExp(`(${TH_MONTHS})\\s*(?:(พ\\.ศ\\.|ค\\.ศ\\.)\\s*)?(${D}{4})(?!${D})`, 'g');
const EN_DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+day\\s+of)?\\s+(${EN_MONTHS}),?\\s+(\\d{4})\\b`,
  'g',
);
const EN_MONTH_DAY_YEAR = new RegExp(`\\b(${EN_MONTHS})\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b`, 'g');
const EN_MONTH_YEAR = new RegExp(`\\b(${EN_MONTHS})\\s+(\\d{4})\\b`, 'g');

function thaiMonth(name: string): number {
  const full = (THAI_MONTHS as readonly string[]).indexOf(name);
  return full >= 0 ? full + 1 : (THAI_MONTHS_SHORT as readonly string[]).indexOf(name) + 1;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dayValue(year: number | undefined, month: number, day: number | undefined): string | undefined {
  if (year === undefined || month < 1) return undefined;
  if (day === undefined) return `${pad(year, 4)}-${pad(month)}`;
  const probe = new Date(Date.UTC(year, month - 1, day));
  probe.setUTCFullYear(year);
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** A Thai year: BE unless marked ค.ศ. or plainly Gregorian (below 2300); two digits are BE 25xx ("65" = 2565). */
function thaiYear(era: string | undefined, digits: string, month: number) {
  let y = Number(arabicDigits(digits));
  if (digits.length === 2) y += 2500;
  const ce = era === 'ค.ศ.' || (era === undefined && y < 2300);
  return { year: ce ? y : gregorianYear(y, month), otherEra: ce && era === undefined };
}

type Found = { index: number; length: number; token: DateToken };

function collect(text: string, re: RegExp, read: (m: RegExpMatchArray) => Omit<DateToken, 'text' | 'index'>) {
  const found: Found[] = [];
  for (const m of text.matchAll(re)) {
    found.push({ index: m.index, length: m[0].length, token: { text: m[0], index: m.index, ...read(m) } });
  }
  return found;
}

function thaiDates(text: string): Found[] {
  return [
    ...collect(text, TH_DAY_MONTH_YEAR, (m) => {
      const month = thaiMonth(m[2] ?? '');
      const y = thaiYear(m[3], m[4] ?? '', month);
      return { value: dayValue(y.year, month, Number(arabicDigits(m[1] ?? ''))), otherEra: y.otherEra };
    }),
    ...collect(text, TH_MONTH_YEAR, (m) => {
      const month = thaiMonth(m[1] ?? '');
      const y = thaiYear(m[2], m[3] ?? '', month);
      return { value: dayValue(y.year, month, undefined), otherEra: y.otherEra };
    }),
  ];
}

function englishDates(text: string): Found[] {
  const month = (name: string | undefined) => (ENGLISH_MONTHS as readonly string[]).indexOf(name ?? '') + 1;
  const read = (y: string | undefined, mo: string | undefined, d: string | undefined) => {
    const year = Number(y);
    return {
      value: dayValue(year, month(mo), d === undefined ? undefined : Number(d)),
      otherEra: year > 2300,
    };
  };
  return [
    ...collect(text, EN_DAY_MONTH_YEAR, (m) => read(m[3], m[2], m[1])),
    ...collect(text, EN_MONTH_DAY_YEAR, (m) => read(m[3], m[1], m[2])),
    ...collect(text, EN_MONTH_YEAR, (m) => read(m[2], m[1], undefined)),
  ];
}

/** The dates in `text`, and the text with them blanked (same length) so that their digits are not read as numbers. */
export function datesIn(text: string, lang: Lang): { dates: DateToken[]; rest: string } {
  // Every date form has a year in digits; most texts have no digit at all.
  if (!/[0-9๐-๙]/.test(text)) return { dates: [], rest: text };
  const found = (lang === 'th' ? thaiDates(text) : englishDates(text)).sort(
    (a, b) => a.index - b.index || b.length - a.length,
  );
  const dates: DateToken[] = [];
  let rest = text;
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue; // a month–year inside a full date already taken
    dates.push(f.token);
    end = f.index + f.length;
    rest = rest.slice(0, f.index) + ' '.repeat(f.length) + rest.slice(end);
  }
  return { dates, rest };
}
