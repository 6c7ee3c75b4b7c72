// Dates for people: Buddhist era on the Thai side, Gregorian on the English side, in Thailand's time zone.
import { englishDate, thaiDate, type CalendarDate } from '../domain/thai-format';
import type { Locale } from '../i18n/catalogue';

/** Thailand has no daylight saving: UTC+7 all year. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

function bangkok(d: Date): { date: CalendarDate; hh: string; mm: string } {
  const local = new Date(d.getTime() + BANGKOK_OFFSET_MS);
  return {
    date: { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() },
    hh: String(local.getUTCHours()).padStart(2, '0'),
    mm: String(local.getUTCMinutes()).padStart(2, '0'),
  };
}

export function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/** "14 มีนาคม 2565" / "14 March 2022". */
export function formatDate(d: Date, locale: Locale, opts: { short?: boolean } = {}): string {
  const { date } = bangkok(d);
  return locale === 'th' ? thaiDate(date, { short: opts.short ?? false }) : englishDate(date);
}

/** "14 มี.ค. 65 เวลา 09:30 น." / "14 March 2022, 09:30". */
export function formatDateTime(d: Date, locale: Locale): string {
  const { date, hh, mm } = bangkok(d);
  return locale === 'th'
    ? `${thaiDate(date, { short: true })} ${hh}:${mm} น.`
    : `${englishDate(date)}, ${hh}:${mm}`;
}
