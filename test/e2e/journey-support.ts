// Browser helpers for the journey: sign in, fill the draft editor, press a step's button, download documents and read them back.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { AgreementContent } from '../../src/domain';
import { docxToPdfs, missingWords, type Pdf } from '../support/doc-pdf';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function signIn(
  browser: Browser,
  base: string,
  username: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(`${base}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL(`${base}/queue`),
    page.click('form[action="/login"] button[type="submit"]'),
  ]);
  (page as Page & { problems?: string[] }).problems = problems;
  return page;
}

export function problemsOf(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Clicks a submit button and waits for the page it leads to. */
export async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Presses the button of a workflow step and expects the success notice. */
export async function step(page: Page, event: string): Promise<void> {
  await submit(page, `button[data-event="${event}"]`);
  const notice = await page.textContent('.notice-success, .notice-error');
  if (!notice || (await page.$('.notice-error')))
    throw new Error(`${event} failed: ${notice ?? '(no notice)'}`);
}

async function fillBi(page: Page, name: string, v: { th: string; en: string }): Promise<void> {
  await page.fill(`[name="${name}.th"]`, v.th);
  await page.fill(`[name="${name}.en"]`, v.en);
}

/** Fills the whole editor with `c`, adding article rows first (each add keeps what is already typed). */
export async function fillDraft(page: Page, c: AgreementContent, o: { parties: boolean }): Promise<void> {
  while ((await page.$$('fieldset.article-edit')).length < c.articles.length)
    await submit(page, 'button[name="op"][value="add"]');
  if (o.parties) {
    await page.selectOption('select[name="kind"]', c.kind);
    for (const a of c.areas) await page.check(`input[name="areas"][value="${a}"]`);
    for (const side of ['thai', 'partner'] as const) {
      const p = c.parties[side];
      await fillBi(page, `${side}.name`, p.name);
      await fillBi(page, `${side}.country`, p.country);
      await fillBi(page, `${side}.signatoryTitle`, p.signatory.title);
      if (side === 'partner' && p.language) await fillBi(page, 'partner.language', p.language);
    }
  }
  await fillBi(page, 'title', c.title);
  await fillBi(page, 'preamble', c.preamble);
  for (const [i, a] of c.articles.entries()) {
    await fillBi(page, `articles.${i}.heading`, a.heading);
    await fillBi(page, `articles.${i}.text`, a.text);
  }
  if (c.closing) await fillBi(page, 'closing', c.closing);
}

export interface Downloaded {
  buffer: Buffer;
  /** The name the browser was given for the file. */
  fileName: string;
}

/** Clicks the download link whose file name is `fileName`; the file must have the SHA-256 the page shows. */
export async function download(page: Page, agreementUrl: string, fileName: string): Promise<Downloaded> {
  await page.goto(`${agreementUrl}/documents`);
  const link = page.locator('a[download]', { hasText: fileName });
  const row = page.locator('tr', { has: link });
  const sha256Shown = ((await row.locator('code.sha').textContent()) ?? '').trim();
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const buffer = await readFile(await file.path());
  if (createHash('sha256').update(buffer).digest('hex') !== sha256Shown)
    throw new Error(`${fileName}: the SHA-256 shown is not the file's`);
  return { buffer, fileName: file.suggestedFilename() };
}

/**
 * The downloaded documents read back through LibreOffice, in one run (starting it costs more than a conversion);
 * the PDFs, and a PNG of each first page, are kept in `keepIn` (a second copy of one file name gets "-2").
 */
export async function readBack(files: readonly Downloaded[], keepIn: string): Promise<Pdf[]> {
  const seen = new Map<string, number>();
  return docxToPdfs(
    files.map((f) => {
      const base = f.fileName.replace(/\.docx$/, '');
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { buffer: f.buffer, name: n === 1 ? base : `${base}-${n}` };
    }),
    keepIn,
  );
}

/** Words of `expected` missing from the PDF text (and its comment annotations). */
export function missing(pdf: Pdf, expected: string): string[] {
  return missingWords(`${pdf.text}\n${pdf.annotations.map((a) => a.contents).join('\n')}`, expected);
}
