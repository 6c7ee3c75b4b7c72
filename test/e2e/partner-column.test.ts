// The editor's partner-language column in Chromium: the secretary gives Korean as the third language, writes the
// Korean title, parties and first article beside the Thai and English, and saves; the column is audited by axe-core
// in Thai and in English, and screenshots are kept in test-artifacts/partner-column.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Services } from '../../src/composition-root';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { problemsOf, signIn, submit } from './journey-support';
import { ALLOWED_LATIN, axeViolations, foreignWords } from './page-audit';

jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'partner-column');

let app: BrowserApp;
let base: string;
let browser: Browser;
let services: Services;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startBrowserApp('partner-column');
  ({ base, browser, services } = app);
});

afterAll(async () => app?.close());

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function audit(page: Page, lang: 'th' | 'en') {
  if ((await page.getAttribute('html', 'lang')) !== lang)
    await submit(page, `form[action="/locale"] button[value="${lang}"]`);
  const words = [...new Set(await foreignWords(page))].filter((w) => lang === 'en' || !ALLOWED_LATIN.has(w));
  return { violations: await axeViolations(page), words };
}

it('a secretary writes the Korean text in the third column and saves it; the page passes axe in Thai and English', async () => {
  const sec = await signIn(browser, base, 'cm-secretary', 'chiangmai-demo');
  await sec.goto(`${base}/agreements/new`);
  await sec.selectOption('form.wizard-form select[name="kind"]', 'sister');
  await sec.selectOption('form.wizard-form select[name="partner"]', 'sejong');
  await sec.check('form.wizard-form input[name="areas"][value="culture"]');
  await sec.fill('form.wizard-form input[name="years"]', '5');
  await sec.fill('form.wizard-form input[name="noticeMonths"]', '6');
  await submit(sec, 'button[data-wizard]');
  const id = sec.url().split('/').at(-2) ?? '';
  expect(await sec.locator('[name="articles.0.pt.heading"]').count()).toBe(0);

  await sec.fill('[name="pt.lang"]', 'ko');
  await submit(sec, 'button[value="partner"]');
  expect(await sec.getAttribute('[name="articles.0.pt.text"]', 'lang')).toBe('ko');
  await sec.fill('[name="pt.language.th"]', 'ภาษาเกาหลี');
  await sec.fill('[name="pt.language.en"]', 'Korean');
  await sec.fill('[name="pt.language.native"]', '한국어');
  await sec.fill('[name="pt.thai.name"]', '치앙마이도');
  await sec.fill('[name="pt.thai.country"]', '태국');
  await sec.fill('[name="pt.thai.signatory"]', '치앙마이도지사');
  await sec.fill('[name="pt.partner.name"]', '세종특별자치시');
  await sec.fill('[name="pt.partner.country"]', '대한민국');
  await sec.fill('[name="pt.partner.signatory"]', '세종특별자치시장');
  await sec.fill('[name="pt.title"]', '치앙마이도와 세종특별자치시 간의 자매결연에 관한 양해각서');
  await sec.fill('[name="pt.preamble"]', '양측은 우호 증진을 위하여 다음과 같이 합의한다.');
  await sec.fill('[name="articles.0.pt.heading"]', '목적');
  await sec.fill(
    '[name="articles.0.pt.text"]',
    '이 양해각서는 양 도시 간의 협력을 증진하는 것을 목적으로 한다.',
  );
  await shot(sec, '1-column-typed');
  await submit(sec, '.editor-bar button[value="save"]');
  expect(sec.url()).toBe(`${base}/agreements/${id}`);

  const saved = await services.agreements.get({ userId: 'x', name: 'x', role: 'admin' }, id);
  expect(saved.workingDraft.partnerText?.lang).toBe('ko');
  expect(saved.workingDraft.partnerText?.articles).toEqual([
    {
      key: saved.workingDraft.articles[0]?.key,
      heading: '목적',
      text: '이 양해각서는 양 도시 간의 협력을 증진하는 것을 목적으로 한다.',
    },
  ]);

  await sec.goto(`${base}/agreements/${id}/edit`);
  expect(await sec.inputValue('[name="pt.title"]')).toContain('세종특별자치시');
  const th = await audit(sec, 'th');
  await shot(sec, '2-column-th');
  await sec.locator('#partner-column').screenshot({ path: join(ARTIFACTS, '2a-languages-th.png') });
  await sec.locator('#edit-article-1').screenshot({ path: join(ARTIFACTS, '2b-article-1-th.png') });
  const en = await audit(sec, 'en');
  await shot(sec, '3-column-en');
  expect({ th, en }).toEqual({ th: { violations: [], words: [] }, en: { violations: [], words: [] } });
  expect(problemsOf(sec)).toEqual([]);
});
