// The demo's MOI list of pairs that already exist: the pairs of fixtures/pairs.json that the sources name as signed
// or established, written as an MOI officer's .csv (Thai headers) and brought in through the registry import.
import { toCsv } from '../documents/sheets/csv';
import { ENGLISH_MONTHS } from '../domain/thai-format';
import { thaiHeader } from '../domain/registry-import/columns';
import type { Pair } from './standard-mou';

/** What the sources say of a pair: signed or established (imported), else a draft that walks the path. */
export interface ListedPair {
  pair: Pair & { note?: string };
  /** YYYY-MM-DD when a source gives the signing day. */
  signed?: string;
}

const THAI_KIND = { sister: 'เมืองพี่เมืองน้อง', friendship: 'เมืองฉันมิตร', partnership: 'หุ้นส่วน' } as const;

/**
 * The pairs the sources name as existing: signed, or among Bangkok's sister and friendship cities of 2018 — except
 * Bangkok–Seoul, whose signing the demo walks, since the after-signing story (activities, the term) starts there.
 */
export function existingPair(p: Pair & { note?: string }): boolean {
  const note = p.note ?? '';
  if (p.partner.en === 'Seoul') return false;
  return p.thai.en === 'Bangkok Metropolitan Administration' || /\bsigned\b|^\d{4}$/.test(note);
}

const SIGNED = new RegExp(`signed (\\d{1,2}) (${ENGLISH_MONTHS.join('|')}) (\\d{4})`);

/** The signing day when the note gives one ("signed 31 March 2024"). */
function signedOf(note: string | undefined): string | undefined {
  const m = SIGNED.exec(note ?? '');
  if (!m) return undefined;
  const month = (ENGLISH_MONTHS as readonly string[]).indexOf(m[2] ?? '');
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`;
}

/**
 * The list as a UTF-8 .csv with a BOM and Thai headers. A kind the sources do not give is written เมืองฉันมิตร
 * (friendship), as the demo's drafts do; the state is มีผล (in force); the note keeps the source's words.
 */
export function demoPairListCsv(pairs: readonly (Pair & { note?: string })[]): Buffer {
  const header = (
    ['province', 'partner_th', 'partner_en', 'country', 'kind', 'signed', 'state', 'note'] as const
  ).map(thaiHeader);
  const rows = pairs.map((p) => [
    p.thai.th,
    p.partner.th,
    p.partner.en,
    p.country.th,
    THAI_KIND[p.kind ?? 'friendship'],
    signedOf(p.note) ?? '',
    'มีผล',
    p.note ?? '',
  ]);
  return Buffer.from(toCsv(header, rows), 'utf8');
}
