// Every page, in Thai and in English, with the demo data: no WCAG 2.1 A/AA violation (axe-core) and no words of the
// other language outside the parts marked as that language. Screenshots go to test-artifacts/pages/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../support/demo';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { signIn } from './journey-support';
import { ALLOWED_LATIN, axeViolations, foreignWords, type AxeViolation } from './page-audit';

jest.setTimeout(600_000);

const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'pages');

let app: BrowserApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startBrowserApp('pages', {
    prepare: async (db, services) => {
      await seedDemo(db.connection, services, { now: new Date('2026-11-20T10:00:00Z') });
    },
  });
  ({ base, browser } = app);
});

afterAll(async () => app?.close());

interface Finding {
  url: string;
  violations: AxeViolation[];
  words: string[];
}

async function setLanguage(page: Page, lang: 'th' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await Promise.all([page.waitForNavigation(), page.click(`form[action="/locale"] button[value="${lang}"]`)]);
}

/** The pages a person can reach: the nav's, every agreement of the registry with its sub-pages, and a 404. */
async function pagesOf(page: Page, most: number): Promise<string[]> {
  await page.goto(`${base}/registry`);
  const agreements = await page.$$eval('a[href^="/agreements/"]', (as) => [
    ...new Set(as.map((a) => a.getAttribute('href') ?? '').filter((h) => /^\/agreements\/[^/]+$/.test(h))),
  ]);
  const urls = ['/queue', '/registry', '/tokens', '/agreements/new'];
  for (const a of agreements.slice(0, most)) {
    await page.goto(`${base}${a}`);
    const subs = await page.$$eval(
      'a[href]',
      (as, self) =>
        as
          .map((x) => x.getAttribute('href') ?? '')
          .filter((h) => h.startsWith(`${self}/`) && !h.includes('/documents/')),
      a,
    );
    urls.push(a, ...new Set(subs));
  }
  urls.push('/agreements/no-such-agreement');
  return [...new Set(urls)];
}

async function audit(page: Page, who: string, lang: 'th' | 'en', urls: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [i, url] of urls.entries()) {
    await page.goto(`${base}${url}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.screenshot({
      path: join(SHOTS, `${who}-${lang}-${String(i).padStart(2, '0')}.png`),
      fullPage: true,
    });
    const violations = await axeViolations(page);
    const words = [...new Set(await foreignWords(page))].filter(
      (w) => lang === 'en' || !ALLOWED_LATIN.has(w),
    );
    if (violations.length || words.length) findings.push({ url, violations, words });
  }
  return findings;
}

describe.each([
  ['cm-secretary', 'chiangmai-demo', 12],
  ['mfa-reviewer', 'mfa-demo-pass', 3],
  ['admin', 'admin-demo-pass', 2],
])('every page %s sees', (username, password, most) => {
  it('has no WCAG 2.1 A/AA violation and no English word in Thai (nor Thai in English)', async () => {
    const page = await signIn(browser, base, username, password);
    const urls = await pagesOf(page, most);
    if (username === 'admin') urls.push('/admin/users', '/admin/gazetteer');
    expect(urls.length).toBeGreaterThan(10);
    const found: Finding[] = [];
    for (const lang of ['th', 'en'] as const) {
      await setLanguage(page, lang);
      found.push(...(await audit(page, username, lang, urls)));
    }
    await setLanguage(page, 'th');
    expect(found).toEqual([]);
    await page.context().close();
  });
});
