// MOI's view of the country in the browser: the officer opens the statistics of the demo country (brought in through
// the import), filters by year, downloads a table as CSV and every table as .xlsx (LibreOffice opens the .xlsx with
// the same figures); a province's secretary records an evaluation from her queue. axe-core finds no WCAG 2.1 A/AA
// violation on those pages, in Thai and in English.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemo } from '../support/demo';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { signIn } from './journey-support';
import { axeViolations } from './page-audit';

jest.setTimeout(300_000);

const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'statistics');
let app: BrowserApp;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startBrowserApp('statistics', {
    prepare: async (db, services) => {
      await seedDemo(db.connection, services, { imports: true });
      services.door.start();
      const moi = { userId: 'm', name: 'm', role: 'moi' as const };
      const deadline = Date.now() + 30_000;
      while ((await services.statistics.figures(moi, {})).total < 25 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
    },
  });
});
afterAll(async () => {
  await app?.services.door.stop();
  await app?.close();
});

async function setLanguage(page: Page, lang: 'th' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await Promise.all([page.waitForNavigation(), page.click(`form[action="/locale"] button[value="${lang}"]`)]);
}

async function audit(page: Page, name: string): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const lang of ['th', 'en'] as const) {
    await setLanguage(page, lang);
    await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
    const violations = await axeViolations(page);
    if (violations.length) found.push({ name, lang, violations });
  }
  return found;
}

/** The first worksheet of an .xlsx as LibreOffice reads it, as CSV (UTF-8), with a private profile. */
function libreOfficeCsv(xlsx: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mou-xlsx-'));
  writeFileSync(join(dir, 'statistics.xlsx'), xlsx);
  execFileSync(
    process.env.MOU_SOFFICE ?? 'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76',
      '--outdir',
      dir,
      join(dir, 'statistics.xlsx'),
    ],
    { timeout: 120_000 },
  );
  return readFileSync(join(dir, 'statistics.csv'), 'utf8');
}

const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/"/g, ''));

describe('MOI’s statistics in the browser', () => {
  const findings: unknown[] = [];

  it('the officer opens the statistics, filters by year, and downloads CSV and .xlsx with the same figures', async () => {
    const page = await signIn(app.browser, app.base, 'moi-officer', 'moi-demo-pass');
    await page.click('a[href="/statistics"]');
    await page.waitForURL(`${app.base}/statistics`);
    await setLanguage(page, 'en');
    expect(await page.textContent('p.counts')).toContain('25 agreements');
    expect(await page.locator('#table-byProvince tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('svg#chart-byProvince rect').count()).toBeGreaterThanOrEqual(6);
    findings.push(...(await audit(page, 'statistics')));

    // Filter by the first year that has signings.
    await setLanguage(page, 'en');
    const year = await page.locator('select[name="year"] option').nth(1).getAttribute('value');
    await page.selectOption('select[name="year"]', year ?? '');
    await Promise.all([page.waitForURL(/year=/), page.click('form.filters button[type="submit"]')]);
    const filtered = (await page.textContent('p.counts')) ?? '';
    expect(filtered).toMatch(/^\s*\d+ agreements?/);
    expect(filtered).not.toContain('25 agreements');

    // CSV of the provinces' table, and the .xlsx of every table, with the same filter.
    const [csvFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#h-byProvince a[download]'),
    ]);
    const csv = rowsOf(await readFile(await csvFile.path(), 'utf8'));
    const tableRows = await page.locator('#table-byProvince tbody tr').allTextContents();
    expect(csv.length - 1).toBe(tableRows.length);
    const [xlsxFile] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href^="/statistics/export.xlsx"]'),
    ]);
    expect(xlsxFile.suggestedFilename()).toBe('statistics.xlsx');
    const fromLibreOffice = rowsOf(libreOfficeCsv(await readFile(await xlsxFile.path())));
    expect(fromLibreOffice).toEqual(csv);
  });

  it('a secretary records an evaluation from her queue', async () => {
    const page = await signIn(app.browser, app.base, 'bkk-secretary', 'bangkok-demo');
    await setLanguage(page, 'en');
    const due = page.locator('li[data-evaluation-due] a').first();
    await due.waitFor();
    await Promise.all([page.waitForURL(/\/evaluations$/), due.click()]);
    findings.push(...(await audit(page, 'evaluations')));
    await setLanguage(page, 'en');
    await page.fill('[name="activitiesPlanned"]', '4');
    await page.fill('[name="activitiesHeld"]', '3');
    await page.selectOption('[name="rating"]', '4');
    await page.fill('[name="notesTh"]', 'จัดกิจกรรมแลกเปลี่ยนเยาวชนครบตามแผน');
    await page.fill('[name="notesEn"]', 'The youth exchange took place as planned.');
    await Promise.all([page.waitForNavigation(), page.click('form.evaluation-form button[type="submit"]')]);
    expect(await page.textContent('body')).toContain('The youth exchange took place as planned.');
    expect(await page.textContent('body')).toContain('The evaluation is recorded.');
  });

  it('has no axe-core violations on those pages, in Thai and English', () => {
    expect(findings).toEqual([]);
  });
});
