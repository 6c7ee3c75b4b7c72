// An .xlsx of tables (exceljs), one worksheet per table: header row bold, text cells kept as text (a cell that
// starts like a formula is written as a string value, which a spreadsheet never runs).
import ExcelJS from 'exceljs';

export interface SheetOut {
  name: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** Worksheet names: at most 31 characters, none of []:*?/\ , unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 26)} ${i}`;
  taken.add(n.toLowerCase());
  return n;
}

export async function writeWorkbook(sheets: readonly SheetOut[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // Fixed dates: the same tables give the same bytes, apart from the zip's own timestamps.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, taken));
    ws.addRow([...s.columns]).font = { bold: true };
    for (const r of s.rows) ws.addRow([...r]);
    ws.columns.forEach((c) => {
      c.width = 24;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
