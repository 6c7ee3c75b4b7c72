// The Word uploads in Chromium: MFA imports the MOU as LibreOffice annotated it (review page → preview → confirm);
// the Chiang Mai secretary compares the partner's returned text. Both result pages, in Thai and in English, have no
// WCAG 2.1 A/AA violation and no word of the other language outside the parts marked with it. Screenshots go to
// test-artifacts/pages/.
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AgreementRecord } from '../../src/app/ports';
import { clearedSejong, secretary, story, TO_MFA, walk } from '../integration/agreement-helpers';
import { annotated } from '../support/word-files';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { signIn } from './journey-support';
import { ALLOWED_LATIN, axeViolations, foreignWords } from './page-audit';

jest.setTimeout(300_000);
const SHOTS = join(__dirname, '..', '..', 'test-artifacts', 'pages');

let app: BrowserApp;
let dir: string;
let review: AgreementRecord;
let partner: AgreementRecord;

const annotate = async (name: string, bytes: Buffer, plan: object) =>
  (await annotated(dir, name, bytes, plan)).path;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = await mkdtemp(join(tmpdir(), 'mou-e2e-word-'));
  app = await startBrowserApp('word-import', { env: { MOU_DRAFTING_GATE: 'false' } });
  const s = app.services.agreements;
  review = await walk(
    s,
    await s.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 }),
    TO_MFA,
  );
  partner = await clearedSejong(s);
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function setLanguage(page: Page, lang: 'th' | 'en'): Promise<void> {
  if ((await page.getAttribute('html', 'lang')) === lang) return;
  await Promise.all([page.waitForNavigation(), page.click(`form[action="/locale"] button[value="${lang}"]`)]);
}

/** On `url`, in `lang`: chooses the file in the page's upload form and sends it. */
async function upload(page: Page, url: string, lang: 'th' | 'en', file: string): Promise<void> {
  await page.goto(url);
  await setLanguage(page, lang);
  await page.setInputFiles('form[enctype="multipart/form-data"] input[type="file"]', file);
  await Promise.all([
    page.waitForNavigation(),
    page.click('form[enctype="multipart/form-data"] button[type="submit"]'),
  ]);
  expect(await page.getAttribute('html', 'lang')).toBe(lang);
}

/** The upload's result page in Thai and in English: axe-core and the other language's words, with screenshots. */
async function auditBoth(
  page: Page,
  name: string,
  url: string,
  file: string,
  check: (lang: 'th' | 'en') => Promise<void>,
) {
  const found: unknown[] = [];
  for (const lang of ['th', 'en'] as const) {
    await upload(page, url, lang, file);
    await check(lang);
    await page.screenshot({ path: join(SHOTS, `word-${name}-${lang}.png`), fullPage: true });
    const violations = await axeViolations(page);
    const words = [...new Set(await foreignWords(page))].filter(
      (w) => lang === 'en' || !ALLOWED_LATIN.has(w),
    );
    if (violations.length || words.length) found.push({ name, lang, violations, words });
  }
  return found;
}

it('MFA imports an annotated file from the review page: preview in both languages, then confirmed', async () => {
  const mou = await app.services.documents.download(review, 1, 'mou', 'parallel');
  const a2 = review.versions[0]!.content.articles[1]!;
  const file = await annotate('review', mou.file.buffer, {
    reviewer: { name: 'MFA Treaties Division', initials: 'MFA' },
    date: '2026-11-26T10:00:00',
    comments: [
      { id: 'k1', find: a2.text.th.slice(0, 10), text: 'ขอให้ระบุสาขาให้ชัดเจน' },
      { id: 'k2', find: 'smart city development', text: 'Please list the areas as in the Thai text.' },
    ],
    changes: [{ replace: 'shall', in: a2.text.en.slice(0, 40), with: 'will' }],
  });
  const page = await signIn(app.browser, app.base, 'mfa-reviewer', 'mfa-demo-pass');
  const found = await auditBoth(
    page,
    'import',
    `${app.base}/agreements/${review.id}/review`,
    file,
    async (lang) => {
      expect(await page.textContent('h1')).toContain(
        lang === 'th' ? 'นำเข้าไฟล์ Word' : 'Import the reviewer’s Word file',
      );
      expect(await page.locator('input[name="take"]:checked').count()).toBe(3);
    },
  );
  expect(found).toEqual([]);
  await Promise.all([
    page.waitForNavigation(),
    page.click('form[action$="/imports/confirm"] button[type="submit"]'),
  ]);
  expect(await page.textContent('[role="status"]')).toContain('3 comments added from the Word file.');
  await page.context().close();
});

it('the secretary compares the partner’s returned text: the result in both languages', async () => {
  const mou = await app.services.documents.download(partner, 2, 'mou', 'parallel');
  const file = await annotate('partner', mou.file.buffer, {
    reviewer: { name: 'Sejong City', initials: 'SJ' },
    date: '2026-11-27T10:00:00',
    comments: [],
    changes: [{ replace: 'five (5) years', with: 'three (3) years' }],
  });
  const page = await signIn(app.browser, app.base, 'cm-secretary', 'chiangmai-demo');
  const found = await auditBoth(
    page,
    'partner-text',
    `${app.base}/agreements/${partner.id}`,
    file,
    async (lang) => {
      expect(await page.textContent('main [role="status"]')).toContain(
        lang === 'th' ? 'ข้อเสนอ: ส่งข้อแก้ไข' : 'Proposed: send the partner’s changes to MFA',
      );
    },
  );
  expect(found).toEqual([]);
  await page.context().close();
});
