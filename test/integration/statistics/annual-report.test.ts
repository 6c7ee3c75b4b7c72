// MOI's annual report of the demo country: a bilingual .docx from the annual-report template, valid against the
// ECMA-376 schemas (../shared/tools/ooxml-validate), listing every province with pairs once LibreOffice has made a
// PDF of it (pdftotext). Slow lane: LibreOffice.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServices, type Services } from '../../../src/composition-root';
import { findProvince } from '../../../src/domain';
import { seedDemo } from '../../support/demo';
import { openTestDb, type TestDb } from '../../support/db';
import { docxToPdf, normalize } from '../../support/doc-pdf';
import { ROOT } from '../../support/processes';
import { moiOfficer } from '../agreement-helpers';

let db: TestDb;
let services: Services;
const now = new Date('2026-11-20T10:00:00Z');

beforeAll(async () => {
  db = await openTestDb('report');
  services = await buildServices(db.connection, {
    readCache: db.maxPoolSize === 1,
    clock: { now: () => now },
  });
  services.door.start();
  await seedDemo(db.connection, services, { imports: true, now });
  const deadline = Date.now() + 20_000;
  while ((await services.statistics.figures(moiOfficer, {})).total < 25 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
}, 120_000);
afterAll(async () => {
  await services.door.stop();
  await db.close();
});

describe('the annual report of the demo country', () => {
  it('is a valid .docx that lists every province with pairs, in Thai and English', async () => {
    const { bytes, fileName } = await services.annualReports.render(moiOfficer, {});
    expect(fileName).toBe('MOU_annual-report_2025.docx');
    const dir = mkdtempSync(join(tmpdir(), 'mou-report-'));
    const file = join(dir, fileName);
    writeFileSync(file, bytes);
    const validator = join(ROOT, '..', 'shared', 'tools', 'ooxml-validate', 'run');
    if (existsSync(validator)) {
      const out = execFileSync(validator, [file], { encoding: 'utf8', timeout: 300_000 });
      expect(out).toMatch(/ 0 invalid/);
    }
    const pdf = await docxToPdf(bytes, fileName);
    const text = normalize(pdf.text);
    const provinces = (await services.statistics.figures(moiOfficer, {})).byProvince.map((p) => p.province);
    expect(provinces.length).toBeGreaterThanOrEqual(6);
    for (const id of provinces) {
      const name = findProvince(id)!.name;
      expect(text).toContain(normalize(name.th));
      expect(text).toContain(normalize(name.en));
    }
    expect(text).toContain(normalize('รายงานประจำปี ๒๕๖๘'));
    expect(text).toContain(normalize('Annual report 2025'));
    expect(text).toContain(normalize('Ulaanbaatar'));
  }, 300_000);
});
