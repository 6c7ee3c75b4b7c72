// The columns of MOI's list of existing pairs: each known by its Thai or English header, in any order.
import { nameKey } from '../checks/gazetteer';

export const IMPORT_FIELDS = [
  'province',
  'partner_th',
  'partner_en',
  'country',
  'kind',
  'signed',
  'term_years',
  'state',
  'reference',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A cell a row must fill. */
export const REQUIRED_FIELDS: readonly ImportField[] = [
  'province',
  'partner_th',
  'partner_en',
  'country',
  'kind',
  'state',
];

const THAI_HEADERS: Readonly<Record<ImportField, string>> = {
  province: 'จังหวัด',
  partner_th: 'คู่ร่วมมือ (ไทย)',
  partner_en: 'คู่ร่วมมือ (อังกฤษ)',
  country: 'ประเทศ',
  kind: 'ประเภท',
  signed: 'วันที่ลงนาม',
  term_years: 'ระยะเวลา (ปี)',
  state: 'สถานะ',
  reference: 'เลขที่อ้างอิง',
  note: 'หมายเหตุ',
};

/** A header as written: case, spaces around brackets and a stray BOM do not matter. */
const headerKey = (s: string) => nameKey(s.replace(/^\uFEFF/, '').replace(/\s*([()])\s*/g, '$1'));

const BY_HEADER = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((f) => [
    [headerKey(f), f],
    [headerKey(THAI_HEADERS[f]), f],
  ]),
);

export interface ColumnMap {
  /** Column index (0-based) of each field found. */
  at: Partial<Record<ImportField, number>>;
  /** Required fields with no column. */
  missing: ImportField[];
  /** Headers that name no field (kept as they were written). */
  unknown: string[];
  /** Fields named by two columns. */
  twice: ImportField[];
}

export function mapColumns(header: readonly string[]): ColumnMap {
  const at: Partial<Record<ImportField, number>> = {};
  const unknown: string[] = [];
  const twice: ImportField[] = [];
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const f = BY_HEADER.get(headerKey(h));
    if (!f) unknown.push(h);
    else if (at[f] !== undefined) twice.push(f);
    else at[f] = i;
  });
  const missing = REQUIRED_FIELDS.filter((f) => at[f] === undefined);
  return { at, missing, unknown, twice };
}

export const thaiHeader = (f: ImportField): string => THAI_HEADERS[f];
