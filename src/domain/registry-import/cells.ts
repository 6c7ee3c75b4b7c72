// How a Thai office writes a cell: dates (ISO, day/month/year in either era, Thai month names, Thai digits),
// numbers in Thai digits, kinds and states in Thai or English.
import type { AgreementKind } from '../agreement';
import {
  THAI_DIGITS,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
  ENGLISH_MONTHS,
  gregorianYear,
  parseIsoDate,
} from '../thai-format';

/** Thai digits ๐–๙ as ASCII digits. */
export function fromThaiDigits(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The month (1–12) of a Thai or English month name, full or short (ส.ค., สิงหาคม, Aug, August). */
function monthOf(word: string): number | undefined {
  const w = word.replace(/\s+/g, '').toLowerCase();
  const th = THAI_MONTHS.findIndex((m) => m === w);
  if (th >= 0) return th + 1;
  const thShort = THAI_MONTHS_SHORT.findIndex((m) => m === w || m.replace(/\.$/, '') === w);
  if (thShort >= 0) return thShort + 1;
  const en = ENGLISH_MONTHS.findIndex(
    (m) => m.toLowerCase() === w.replace(/\.$/, '') || m.slice(0, 3).toLowerCase() === w.replace(/\.$/, ''),
  );
  return en >= 0 ? en + 1 : undefined;
}

/**
 * The Gregorian year of a written year: 2400 and later are Buddhist-era years (พ.ศ.); a two-digit year is
 * Buddhist era too when a Thai month names it ("29 ส.ค. 62"), else Gregorian.
 */
function yearOf(y: number, month: number, digits: number, thai: boolean): number | undefined {
  if (digits === 2) return thai ? gregorianYear(2500 + y, month) : 2000 + y;
  if (digits !== 4) return undefined;
  return y >= 2400 ? gregorianYear(y, month) : y;
}

function iso(year: number, month: number, day: number): string | undefined {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(s) ? s : undefined;
}

/**
 * A date cell as YYYY-MM-DD, or undefined when it cannot be read or does not exist (31/02/2562). Reads 2019-08-29,
 * 29/08/2562, 29-08-2019, 29.08.2562, 29 ส.ค. 2562, 29 สิงหาคม พ.ศ. 2562, ๒๙ สิงหาคม ๒๕๖๒ and 29 August 2019.
 */
export function readDate(cell: string): string | undefined {
  const s = squash(fromThaiDigits(cell))
    .replace(/\s*(พ\.ศ\.|ค\.ศ\.)\s*/g, ' ')
    .trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    const year = yearOf(Number(m[3]), month, m[3]?.length ?? 0, false);
    return year === undefined ? undefined : iso(year, month, day);
  }
  m = /^(\d{1,2}) ?([^\d\s][^\d]*?) ?(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2] ?? '');
    if (month === undefined) return undefined;
    const thai = /[\u0E00-\u0E7F]/.test(m[2] ?? '');
    const year = yearOf(Number(m[3]), month, m[3]?.length ?? 0, thai);
    return year === undefined ? undefined : iso(year, month, Number(m[1]));
  }
  return undefined;
}

/** A term in years: a positive whole or decimal number, Thai digits allowed; undefined otherwise. */
export function readTerm(cell: string): number | undefined {
  const s = squash(fromThaiDigits(cell));
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 && n <= 100 ? n : undefined;
}

const KINDS: Readonly<Record<string, AgreementKind>> = {
  เมืองพี่เมืองน้อง: 'sister',
  เมืองฉันมิตร: 'friendship',
  หุ้นส่วน: 'partnership',
  sister: 'sister',
  'sister city': 'sister',
  friendship: 'friendship',
  'friendship city': 'friendship',
  partnership: 'partnership',
};

export function readKind(cell: string): AgreementKind | undefined {
  return KINDS[squash(cell).toLowerCase()];
}

/** The states an existing pair can be in, as the statechart names them. */
export const IMPORT_STATES = ['inForce', 'expired', 'terminated'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

const STATES: Readonly<Record<string, ImportState>> = {
  มีผล: 'inForce',
  มีผลบังคับใช้: 'inForce',
  สิ้นสุด: 'expired',
  ยกเลิก: 'terminated',
  'in force': 'inForce',
  inforce: 'inForce',
  expired: 'expired',
  terminated: 'terminated',
};

export function readState(cell: string): ImportState | undefined {
  return STATES[squash(cell).toLowerCase()];
}

/** A cell a spreadsheet would run as a formula (=, +, -, @ first; a tab or return first hides one). */
export function looksLikeFormula(cell: string): boolean {
  return /^[=+@\t\r]/.test(cell) || /^-[^\d]/.test(cell);
}
