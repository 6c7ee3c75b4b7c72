// Reads MOI's list of pairs from an uploaded .xlsx (exceljs, after the zip is checked within limits) or .csv (UTF-8,
// with or without a BOM) into a table of text cells with the row numbers the spreadsheet shows.
import ExcelJS from 'exceljs';
import { DomainError, type FieldIssue } from '../../domain/errors';
import { looksLikeFormula, type SheetTable } from '../../domain/registry-import';
import { openZipPackage, type PackageLimits } from '../word-in/package';

export interface TableLimits {
  maxFileBytes: number;
  /** Data rows (the header not counted). */
  maxRows: number;
  maxColumns: number;
}

export const TABLE_LIMITS: TableLimits = { maxFileBytes: 5 * 1024 * 1024, maxRows: 5_000, maxColumns: 40 };

const ZIP_LIMITS = (l: TableLimits): PackageLimits => ({
  maxFileBytes: l.maxFileBytes,
  maxEntries: 200,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 60 * 1024 * 1024,
  maxRatio: 100,
});

const refuse = (th: string, en: string, issues: FieldIssue[] = []) =>
  new DomainError('invalid-input', { th, en }, issues);

const notASheet = () =>
  refuse(
    'ไฟล์นี้ไม่ใช่ตาราง .xlsx หรือ .csv (UTF-8) ที่อ่านได้',
    'This file is not an .xlsx workbook or a UTF-8 .csv that can be read.',
  );

const tooManyRows = (max: number) =>
  new DomainError('payload-too-large', {
    th: `ไฟล์มีข้อมูลเกิน ${max} แถว กรุณาแบ่งเป็นหลายไฟล์`,
    en: `The file holds more than ${max} rows; split it into several files.`,
  });

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Reads the first worksheet of an .xlsx, or a .csv; refuses a file that is neither, too large, or holds formulas. */
export async function readTable(bytes: Buffer, limits: TableLimits = TABLE_LIMITS): Promise<SheetTable> {
  if (bytes.length > limits.maxFileBytes)
    throw new DomainError('payload-too-large', {
      th: `ไฟล์ใหญ่เกินกำหนด (ไม่เกิน ${Math.round(limits.maxFileBytes / 1048576)} MB)`,
      en: `The file is too large (at most ${Math.round(limits.maxFileBytes / 1048576)} MB)`,
    });
  if (bytes.subarray(0, 4).equals(OLE_MAGIC))
    throw refuse(
      'ไฟล์นี้เป็น Excel รุ่นเก่า (.xls) หรือถูกเข้ารหัสไว้ กรุณาบันทึกเป็น .xlsx ที่ไม่มีรหัสผ่าน หรือ .csv',
      'This is an old Excel file (.xls) or an encrypted one; save it as an .xlsx without a password, or as .csv.',
    );
  const table = bytes.subarray(0, 4).equals(ZIP_MAGIC)
    ? await readXlsx(bytes, limits)
    : readCsv(bytes, limits);
  refuseFormulas(table);
  return table;
}

/** A cell that a spreadsheet would run as a formula is refused with the whole file: nothing of it is stored. */
function refuseFormulas(t: SheetTable): void {
  const rows = t.rows.filter((r) => r.cells.some(looksLikeFormula)).map((r) => r.row);
  if (t.header.some(looksLikeFormula)) rows.unshift(1);
  if (rows.length === 0) return;
  const list = rows.slice(0, 20).join(', ');
  throw refuse(
    `ไฟล์มีสูตรคำนวณ (เซลล์ที่ขึ้นต้นด้วย = + - @) ในแถว ${list} กรุณาบันทึกเป็นค่าข้อความแล้วส่งใหม่`,
    `The file holds formulas (cells starting with = + - @) in rows ${list}; save them as plain values and upload again.`,
    rows.slice(0, 20).map((r) => ({
      path: `row ${r}`,
      message: { th: `แถว ${r}: มีสูตรคำนวณ`, en: `Row ${r}: a formula` },
    })),
  );
}

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return `=${'formula' in v ? v.formula : v.sharedFormula}`;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return typeof v.text === 'string' ? v.text : text(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

async function readXlsx(bytes: Buffer, limits: TableLimits): Promise<SheetTable> {
  // Every part is inflated once here within the limits (a zip bomb stops at the budget) before exceljs sees it,
  // and the worksheets' rows are counted on the raw XML, so 100 000 rows are refused without being built.
  const pkg = await openZipPackage(bytes, ZIP_LIMITS(limits), notASheet);
  if (!pkg.has('xl/workbook.xml')) throw notASheet();
  for (const name of pkg.names) {
    const part = await pkg.part(name);
    if (name.startsWith('xl/worksheets/') && part) {
      const rows = part.toString('utf8').match(/<row[\s>]/g)?.length ?? 0;
      if (rows > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw notASheet();
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw notASheet();
  const all: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(r.cellCount, limits.maxColumns); c++)
      cells.push(text(r.getCell(c).value).trim());
    all.push({ row: n, cells });
  });
  return tableOf(all, limits);
}

/** RFC 4180: commas (or semicolons, as a Thai Excel may save), quoted cells with "" inside, CRLF or LF. */
function readCsv(bytes: Buffer, limits: TableLimits): SheetTable {
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(
      'ไฟล์ .csv ต้องเข้ารหัส UTF-8 (บันทึกจาก Excel เป็น "CSV UTF-8")',
      'The .csv must be UTF-8 (in Excel, save as "CSV UTF-8").',
    );
  }
  s = s.replace(/^\uFEFF/, '');
  if (s.includes('\u0000')) throw notASheet();
  const firstLine = s.slice(0, s.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const all: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cur = '';
  let quoted = false;
  let row = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cur);
    if (cells.some((c) => c.trim() !== '')) all.push({ row, cells: cells.map((c) => c.trim()) });
    if (all.length > limits.maxRows + 1) throw tooManyRows(limits.maxRows);
    cells = [];
    cur = '';
    row++;
  };
  while (i < s.length) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cur += ch;
      i++;
      continue;
    }
    if (ch === '"' && cur === '') quoted = true;
    else if (ch === sep) {
      cells.push(cur);
      cur = '';
      if (cells.length > limits.maxColumns) throw notASheet();
    } else if (ch === '\r' && s[i + 1] === '\n') {
      endRow();
      i++;
    } else if (ch === '\n' || ch === '\r') endRow();
    else cur += ch;
    i++;
  }
  if (quoted) throw notASheet();
  if (cur !== '' || cells.length > 0) endRow();
  return tableOf(all, limits);
}

function tableOf(all: { row: number; cells: string[] }[], limits: TableLimits): SheetTable {
  const [head, ...rows] = all;
  if (!head) throw refuse('ไฟล์ว่าง ไม่มีแถวหัวตาราง', 'The file is empty: it has no header row.');
  if (rows.length > limits.maxRows) throw tooManyRows(limits.maxRows);
  // The header is row 1 as the spreadsheet shows it; rows above it that are empty do not move the numbers.
  return { header: head.cells, rows };
}
