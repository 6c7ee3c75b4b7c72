// The term of a signed agreement: proposed from its duration clause, its expiry, renewals, and where it stands on a day.
import { z } from 'zod';
import type { AgreementContent } from '../agreement';
import { IsoDate } from '../resolution';

export const Term = z
  .object({
    years: z.number().int().min(1).max(99),
    /** Written notice of termination, in months. */
    noticeMonths: z.number().int().min(0).max(60),
  })
  .strict();
export type Term = z.infer<typeof Term>;

export const Renewal = z.object({ date: IsoDate, years: z.number().int().min(1).max(99) }).strict();
export type Renewal = z.infer<typeof Renewal>;

/** The agreement's term as recorded: from signing, each renewal adding years from the expiry it extends. */
export const TermRecord = z
  .object({
    startsOn: IsoDate,
    years: z.number().int().min(1).max(99),
    noticeMonths: z.number().int().min(0).max(60),
    /** Where the term was taken from: confirmed at signing, or proposed from the duration clause. */
    source: z.enum(['confirmed', 'proposed', 'default']),
    expiresOn: IsoDate,
    renewals: z.array(Renewal.extend({ expiresOn: IsoDate })).max(100),
  })
  .strict();
export type TermRecord = z.infer<typeof TermRecord>;

/** The default when the text says nothing usable: five years, six months' notice (the usual clause). */
export const DEFAULT_TERM: Term = { years: 5, noticeMonths: 6 };

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};

function numberBefore(text: string, unit: RegExp): number | undefined {
  // "five (5) years", "5 years", "a period of five years", "six (6) months'"
  const re = new RegExp(`(\\d+|${Object.keys(WORDS).join('|')})(?:\\s*\\((\\d+)\\))?\\s*${unit.source}`, 'i');
  const m = re.exec(text);
  if (!m) return undefined;
  const n = m[2] ?? m[1] ?? '';
  return /^\d+$/.test(n) ? Number(n) : WORDS[n.toLowerCase()];
}

/** The term the English text's duration clause states (the article naming years), or undefined. */
export function proposeTerm(content: Pick<AgreementContent, 'articles'>): { term: Term; found: boolean } {
  for (const a of content.articles) {
    const text = a.text.en;
    if (!/year/i.test(text)) continue;
    const years = numberBefore(text, /years?/);
    if (years === undefined) continue;
    const notice = /notice|terminat/i.test(text) ? numberBefore(text, /months?/) : undefined;
    return { term: { years, noticeMonths: notice ?? DEFAULT_TERM.noticeMonths }, found: true };
  }
  return { term: DEFAULT_TERM, found: false };
}

/** `iso` plus whole months (the day kept; 29–31 clamped to the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function termFrom(startsOn: string, term: Term, source: TermRecord['source']): TermRecord {
  return { startsOn, ...term, source, expiresOn: addMonths(startsOn, term.years * 12), renewals: [] };
}

/** A renewal extends the term from the current expiry by its years. */
export function renew(record: TermRecord, renewal: Renewal): TermRecord {
  const expiresOn = addMonths(record.expiresOn, renewal.years * 12);
  return { ...record, expiresOn, renewals: [...record.renewals, { ...renewal, expiresOn }] };
}

export const TERM_STANDINGS = ['running', 'expiring', 'expired'] as const;
export type TermStanding = (typeof TERM_STANDINGS)[number];

/** Months before expiry from which the queue says "expires within 6 months". */
export const EXPIRY_WARNING_MONTHS = 6;

/**
 * Where a term stands on `today` (YYYY-MM-DD): in force through its expiry day; "expiring" within the last six
 * months (after expiry minus six months); "expired" from the day after expiry.
 */
export function termStanding(expiresOn: string, today: string): TermStanding {
  if (today > expiresOn) return 'expired';
  return today > addMonths(expiresOn, -EXPIRY_WARNING_MONTHS) ? 'expiring' : 'running';
}

/** The day in Bangkok (UTC+7) of an instant: the date a Thai office lives in. */
export function bangkokDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
