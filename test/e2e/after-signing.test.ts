// After signing, in the browser: the Bangkok secretary sees Bangkok–Seoul "expires within 6 months" in her queue,
// records an activity with a photo (shown scaled on its page), and records the renewal; the new expiry is shown.
// axe-core finds no WCAG 2.1 A/AA violation on the new pages, in Thai and in English. Screenshots in test-artifacts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemo } from '../support/demo';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { problemsOf, signIn, submit } from './journey-support';
import { ALLOWED_LATIN, axeViolations, foreignWords } from './page-audit';

jest.setTimeout(300_000);

const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'after-signing');
const PHOTO = join(__dirname, '..', 'fixtures', 'partnership', 'festival-stage.jpg');

let app: BrowserApp;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  app = await startBrowserApp('aftersigning', {
    // The demo seeds sign Bangkok–Seoul 56 months before now: its five-year term ends within six months.
    prepare: async (db, services) => {
      await seedDemo(db.connection, services);
    },
  });
  page = await signIn(app.browser, app.base, 'bkk-secretary', 'bangkok-demo');
});
afterAll(async () => app?.close());

async function setLanguage(lang: 'th' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await Promise.all([page.waitForNavigation(), page.click(`form[action="/locale"] button[value="${lang}"]`)]);
}

/** axe-core and the other language's words on the page as it is, in both languages; a screenshot of each. */
async function audit(name: string): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const lang of ['th', 'en'] as const) {
    await setLanguage(lang);
    await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
    const violations = await axeViolations(page);
    const words = [...new Set(await foreignWords(page))].filter(
      (w) => lang === 'en' || !ALLOWED_LATIN.has(w),
    );
    if (violations.length || words.length) found.push({ name, lang, violations, words });
  }
  await setLanguage('en');
  return found;
}

let agreementUrl = '';
const findings: unknown[] = [];

describe('the partnership after signing, in the browser', () => {
  it('the queue shows Bangkok–Seoul as "expires within 6 months"', async () => {
    await setLanguage('en');
    await page.goto(`${app.base}/queue`);
    const row = page.locator('tr[data-expiry="expiring"]', { hasText: 'Seoul' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Expires within 6 months');
    findings.push(...(await audit('queue')));
    agreementUrl = `${app.base}${(await row.locator('a').first().getAttribute('href')) ?? ''}`;
  });

  it('she records an activity with a photo; the activity page shows it scaled', async () => {
    await page.goto(agreementUrl);
    findings.push(...(await audit('agreement')));
    await submit(page, 'a[href$="/activities"]');
    findings.push(...(await audit('activities')));
    await page.selectOption('form[action$="/activities"] select[name="kind"]', 'youth-exchange');
    await page.fill('[name="title.th"]', 'นักเรียนกรุงเทพมหานครร่วมงานเทศกาลมิตรภาพกรุงโซล');
    await page.fill('[name="title.en"]', 'Bangkok pupils at the Seoul Friendship Festival');
    await page.fill('[name="start"]', '2019-08-29');
    await page.fill('[name="end"]', '2019-09-02');
    await page.fill('[name="place.th"]', 'กรุงโซล');
    await page.fill('[name="place.en"]', 'Seoul');
    await page.fill('[name="thai"]', '15');
    await page.fill('[name="partner"]', '60');
    await page.fill('[name="summary.th"]', 'นักเรียนแสดงนาฏศิลป์ไทย');
    await page.fill('[name="summary.en"]', 'The pupils performed Thai classical dance.');
    await submit(page, 'form[action$="/activities"] button[type="submit"]');
    expect(page.url()).toMatch(/\/activities\/[0-9a-f-]{36}$/);
    await page.setInputFiles('input[type="file"]', PHOTO);
    await page.selectOption('form[enctype="multipart/form-data"] select[name="kind"]', 'photo');
    await submit(page, 'form[enctype="multipart/form-data"] button[type="submit"]');
    const img = page.locator('img[data-photo]');
    await img.waitFor();
    // Until the browser has finished with the picture (loaded, or failed: then it has no natural width).
    await img.evaluate((el: HTMLImageElement) =>
      el.complete
        ? undefined
        : new Promise((done) => {
            el.addEventListener('load', done, { once: true });
            el.addEventListener('error', done, { once: true });
          }),
    );
    const shown = await img.evaluate((el: HTMLImageElement) => ({
      loaded: el.complete && el.naturalWidth > 0,
      natural: el.naturalWidth,
      width: el.getBoundingClientRect().width,
    }));
    expect(shown.loaded).toBe(true);
    expect(shown.natural).toBe(480);
    expect(shown.width).toBeLessThanOrEqual(320);
    findings.push(...(await audit('activity')));
  });

  it('she records the renewal; the new expiry is shown and the queue no longer lists it', async () => {
    await page.goto(agreementUrl);
    const before = (await page.getAttribute('[data-term-expires]', 'data-term-expires')) ?? '';
    await submit(page, 'button[data-event="PROPOSE_RENEWAL"]');
    findings.push(...(await audit('renewal')));
    await submit(page, 'button[data-event="RECORD_RENEWAL"]');
    expect(await page.$('.notice-error')).toBeNull();
    const after = (await page.getAttribute('[data-term-expires]', 'data-term-expires')) ?? '';
    const [y, m, d] = before.split('-');
    expect(after).toBe(`${Number(y) + 5}-${m}-${d}`);
    await page.screenshot({ path: join(SHOTS, 'renewed-en.png'), fullPage: true });
    await page.goto(`${app.base}/queue`);
    expect(await page.locator('tr[data-expiry]', { hasText: 'Seoul' }).count()).toBe(0);
  });

  it('axe-core found no WCAG 2.1 A/AA violation (and no word of the other language) on any of them', () => {
    expect(findings).toEqual([]);
    expect(problemsOf(page)).toEqual([]);
  });
});
