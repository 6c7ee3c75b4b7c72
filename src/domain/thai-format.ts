// Thai official formatting: Thai digits, Buddhist-era dates, Thai and Latin list letters. Pure functions.

export const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Consonants used for Thai enumeration (ก ข ค …); ฃ and ฅ are obsolete and skipped, as in official lists. */
const THAI_LIST_LETTERS = 'กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ';

/** Replace the ASCII digits 0–9 in `s` with Thai digits ๐–๙. */
export function toThaiDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)] ?? d);
}

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Parse "YYYY-MM-DD" (or the date part of an ISO timestamp). Returns undefined when it is not a real date. */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

/**
 * The Buddhist-era year of a Gregorian date: Gregorian + 543 since 1941, when the Thai year began on 1 January.
 * Before, it began on 1 April (BE 2483 ran April–December 1940), so January–March were still the year before.
 */
export function buddhistYear(d: Pick<CalendarDate, 'year' | 'month'>): number {
  return d.year >= 1941 || d.month >= 4 ? d.year + 543 : d.year + 542;
}

/** The Gregorian year of a Buddhist-era year and month; undefined for January–March of BE 2483, which never was. */
export function gregorianYear(beYear: number, month: number): number | undefined {
  if (beYear >= 2484 || month >= 4) return beYear - 543;
  return beYear === 2483 ? undefined : beYear - 542;
}

/** "14 มีนาคม 2565" (Buddhist era = Gregorian + 543); `short` gives "14 มี.ค. 65"; `thaiDigits` gives "๑๔ มีนาคม ๒๕๖๕". */
export function thaiDate(d: CalendarDate, opts: { short?: boolean; thaiDigits?: boolean } = {}): string {
  const be = buddhistYear(d);
  const s = opts.short
    ? `${d.day} ${THAI_MONTHS_SHORT[d.month - 1] ?? ''} ${String(be).slice(-2)}`
    : `${d.day} ${THAI_MONTHS[d.month - 1] ?? ''} ${be}`;
  return opts.thaiDigits ? toThaiDigits(s) : s;
}

/** "14 March 2022". */
export function englishDate(d: CalendarDate): string {
  return `${d.day} ${ENGLISH_MONTHS[d.month - 1] ?? ''} ${d.year}`;
}

/** The n-th enumeration letter (1-based): Thai ก ข ค …, Latin a b c …; past the alphabet it doubles (aa, กก). */
export function listLetter(n: number, lang: 'th' | 'en'): string {
  const alphabet = lang === 'th' ? THAI_LIST_LETTERS : 'abcdefghijklmnopqrstuvwxyz';
  const letters = [...alphabet];
  if (!Number.isInteger(n) || n < 1) return '';
  const i = (n - 1) % letters.length;
  const times = Math.floor((n - 1) / letters.length) + 1;
  return (letters[i] ?? '').repeat(times);
}
