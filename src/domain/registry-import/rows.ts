// The dry run of an import of existing pairs: each row valid, or refused with its spreadsheet row number and reasons.
import type { AgreementKind } from '../agreement';
import type { Bilingual } from '../bilingual';
import { PROVINCES, type Province } from '../catalogue/provinces';
import { lookUp, nameKey, type Gazetteer, type GazetteerCountry } from '../checks/gazetteer';
import { mapColumns, type ImportField } from './columns';
import { readDate, readKind, readState, readTerm, type ImportState } from './cells';

/** Why a row is refused; the words for each code are in locales/<lang>/statistics.json (import.reasons.<code>). */
export type RowReason =
  | { code: 'missing'; field: ImportField }
  | { code: 'unknown-province'; value: string }
  | { code: 'unknown-country'; value: string }
  | { code: 'unknown-kind'; value: string }
  | { code: 'unknown-state'; value: string }
  | { code: 'bad-date'; value: string }
  | { code: 'bad-term'; value: string }
  | { code: 'in-registry'; value: string }
  | { code: 'earlier-row'; value: string; row: number };

/** A sheet as read: the header (row 1) and each data row with the number the spreadsheet shows for it. */
export interface SheetTable {
  header: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
}

export interface PairRow {
  row: number;
  province: Province;
  /** A partner of the gazetteer, or one this row adds (`added`: for an admin to confirm). */
  partner: { id: string; name: Bilingual; added: boolean };
  country: GazetteerCountry;
  kind: AgreementKind;
  state: ImportState;
  signed?: string;
  termYears?: number;
  reference?: string;
  note?: string;
}

export interface RowCheck {
  rows: number;
  valid: PairRow[];
  refused: { row: number; reasons: RowReason[] }[];
}

/** A pair's identity in the registry: the Thai province and the partner, by either of its names. */
export const pairKeys = (province: string, partner: Bilingual): string[] =>
  [partner.en, partner.th].filter((n) => n.trim() !== '').map((n) => `${province}|${nameKey(n)}`);

const provinceByAnyName = (() => {
  const idx = new Map<string, Province>();
  for (const p of PROVINCES) {
    const th = p.name.th.startsWith('จังหวัด') ? p.name.th.slice('จังหวัด'.length) : p.name.th;
    const en = p.name.en.endsWith(' Province') ? p.name.en.slice(0, -' Province'.length) : p.name.en;
    for (const n of [p.name.th, p.name.en, th, en, p.id]) idx.set(nameKey(n), p);
  }
  return (name: string) => idx.get(nameKey(name));
})();

/** A partner id for a new gazetteer entry, from its English name. */
export function partnerIdOf(en: string, taken: (id: string) => boolean): string {
  const base =
    en
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'partner';
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export function checkRows(
  table: SheetTable,
  ctx: { gazetteer: Gazetteer; inRegistry: ReadonlySet<string> },
): RowCheck {
  const cols = mapColumns(table.header);
  const cell = (cells: readonly string[], f: ImportField) => {
    const i = cols.at[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const seen = new Map<string, number>();
  const added = new Map<string, { id: string; name: Bilingual }>();
  const countries = ctx.gazetteer.countries;
  const foreign = ctx.gazetteer.sides.filter((s) => s.country !== 'thailand');
  const valid: PairRow[] = [];
  const refused: RowCheck['refused'] = [];
  for (const { row, cells } of table.rows) {
    const reasons: RowReason[] = [];
    const get = (f: ImportField) => cell(cells, f);
    for (const f of ['province', 'partner_th', 'partner_en', 'country', 'kind', 'state'] as const)
      if (get(f) === '') reasons.push({ code: 'missing', field: f });
    const province = get('province') ? provinceByAnyName(get('province')) : undefined;
    if (get('province') && !province) reasons.push({ code: 'unknown-province', value: get('province') });
    const country = get('country')
      ? (lookUp(countries, get('country'), 'en') ?? lookUp(countries, get('country'), 'th'))?.entry
      : undefined;
    if (get('country') && !country) reasons.push({ code: 'unknown-country', value: get('country') });
    const kind = get('kind') ? readKind(get('kind')) : undefined;
    if (get('kind') && !kind) reasons.push({ code: 'unknown-kind', value: get('kind') });
    const state = get('state') ? readState(get('state')) : undefined;
    if (get('state') && !state) reasons.push({ code: 'unknown-state', value: get('state') });
    const signed = get('signed') ? readDate(get('signed')) : undefined;
    if (get('signed') && !signed) reasons.push({ code: 'bad-date', value: get('signed') });
    const termYears = get('term_years') ? readTerm(get('term_years')) : undefined;
    if (get('term_years') && termYears === undefined)
      reasons.push({ code: 'bad-term', value: get('term_years') });
    const written = { th: get('partner_th'), en: get('partner_en') };
    const known = (lookUp(foreign, written.en, 'en') ?? lookUp(foreign, written.th, 'th'))?.entry;
    const name = known ? known.name : written;
    let keys: string[] = [];
    if (province && (written.th || written.en)) {
      keys = [...new Set([...pairKeys(province.id, written), ...pairKeys(province.id, name)])];
      const label = name.en || name.th;
      if (keys.some((k) => ctx.inRegistry.has(k))) reasons.push({ code: 'in-registry', value: label });
      const earlier = keys.map((k) => seen.get(k)).find((r) => r !== undefined);
      if (earlier !== undefined) reasons.push({ code: 'earlier-row', value: label, row: earlier });
    }
    if (reasons.length > 0 || !province || !country || !kind || !state) {
      refused.push({ row, reasons });
      continue;
    }
    // Only a row that comes in makes a later one a duplicate.
    for (const k of keys) seen.set(k, row);
    let partner: PairRow['partner'];
    if (known) partner = { id: known.id, name: known.name, added: false };
    else {
      const again = added.get(nameKey(written.en));
      const id =
        again?.id ??
        partnerIdOf(
          written.en,
          (id) =>
            ctx.gazetteer.sides.some((s) => s.id === id) || [...added.values()].some((a) => a.id === id),
        );
      added.set(nameKey(written.en), { id, name: written });
      partner = { id, name: written, added: true };
    }
    valid.push({
      row,
      province,
      partner,
      country,
      kind,
      state,
      ...(signed ? { signed } : {}),
      ...(termYears !== undefined ? { termYears } : {}),
      ...(get('reference') ? { reference: get('reference') } : {}),
      ...(get('note') ? { note: get('note') } : {}),
    });
  }
  return { rows: table.rows.length, valid, refused };
}
