// MOI lists of existing pairs for tests: valid rows over many provinces, planted bad rows, written as .xlsx or .csv.
import ExcelJS from 'exceljs';
import { PROVINCES } from '../../src/domain';

export const THAI_HEADER = [
  'สถานะ',
  'จังหวัด',
  'คู่ร่วมมือ (ไทย)',
  'คู่ร่วมมือ (อังกฤษ)',
  'ประเทศ',
  'ประเภท',
  'วันที่ลงนาม',
  'ระยะเวลา (ปี)',
  'เลขที่อ้างอิง',
  'หมายเหตุ',
] as const;
export const ENGLISH_HEADER = [
  'state',
  'province',
  'partner_th',
  'partner_en',
  'country',
  'kind',
  'signed',
  'term_years',
  'reference',
  'note',
] as const;

export type Row = string[];

const COUNTRIES = ['Republic of Korea', 'ญี่ปุ่น', 'China', 'สาธารณรัฐสังคมนิยมเวียดนาม', 'Mongolia'];
const KINDS = ['sister', 'เมืองฉันมิตร', 'partnership', 'เมืองพี่เมืองน้อง', 'friendship'];
const STATES = ['in force', 'มีผล', 'expired', 'สิ้นสุด', 'terminated', 'ยกเลิก'];
const DATES = ['2019-08-29', '29/08/2562', '29 ส.ค. 2562', '๒๙ สิงหาคม ๒๕๖๒', '14 March 2022', '1/4/2566'];
const TERMS = ['5', '๕', '3', '', '10'];

/** Valid row i (0-based): a province of the catalogue (Thai or English name) and a partner of its own. */
export function validRow(i: number): Row {
  const p = PROVINCES[i % PROVINCES.length]!;
  const n = Math.floor(i / PROVINCES.length);
  return [
    STATES[i % STATES.length]!,
    i % 2 === 0 ? p.name.th : p.name.en,
    `เมืองทดสอบ ${i}-${n}`,
    `Testville ${i}-${n}`,
    COUNTRIES[i % COUNTRIES.length]!,
    KINDS[i % KINDS.length]!,
    DATES[i % DATES.length]!,
    TERMS[i % TERMS.length]!,
    `มท 0${i}/2562`,
    i % 7 === 0 ? 'ความร่วมมือด้านการท่องเที่ยว, "เยาวชน"' : '',
  ];
}

/**
 * 120 data rows with 11 bad ones planted at known places (sheet row numbers: the header is row 1), one of each
 * reason; `inRegistry` is a valid row of an earlier import (the pair is then "already in the registry").
 */
export function plantedList(inRegistry: Row): { rows: Row[]; bad: Map<number, RegExp> } {
  const rows: Row[] = [];
  const bad = new Map<number, RegExp>();
  const plant = (r: Row, why: RegExp) => {
    rows.push(r);
    bad.set(rows.length + 1, why);
  };
  let v = 0;
  const next = () => validRow(v++);
  while (rows.length < 120) {
    const at = rows.length;
    if (at === 3) plant(Object.assign(next(), { 1: 'Atlantis' }), /unknown province/);
    else if (at === 10) plant(Object.assign(next(), { 4: 'Ruritania' }), /unknown country/);
    else if (at === 17) plant(inRegistry, /already in the registry/);
    else if (at === 25) plant(validRow(0), /already in row 2/);
    else if (at === 33) plant(Object.assign(next(), { 6: 'sometime in 2019' }), /cannot be read/);
    else if (at === 41) plant(Object.assign(next(), { 6: '31/02/2562' }), /does not exist/);
    else if (at === 50) plant(Object.assign(next(), { 3: '' }), /Partner \(English\) is empty/);
    else if (at === 62) plant(Object.assign(next(), { 5: 'twinning' }), /unknown kind/);
    else if (at === 77) plant(Object.assign(next(), { 0: 'dormant' }), /unknown state/);
    else if (at === 90) plant(Object.assign(next(), { 7: '0' }), /not a positive number/);
    else if (at === 101) plant(Object.assign(next(), { 7: 'five' }), /not a positive number/);
    else rows.push(next());
  }
  return { rows, bad };
}

export async function toXlsx(header: readonly string[], rows: readonly Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('pairs');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toCsv(header: readonly string[], rows: readonly Row[], bom = true): Buffer {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}
