// The Chiang Mai–Sejong journey in Chromium: three people in their own browsers take the MOU from draft 1 to signing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toThaiDigits } from '../../src/domain/thai-format';
import { chiangMaiSejong } from '../support/fixtures';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { download, fillDraft, missing, problemsOf, readBack, signIn, step, submit } from './journey-support';

jest.setTimeout(300_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');
const DOCS = join(ARTIFACTS, 'journey');
const story = chiangMaiSejong();

let app: BrowserApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(DOCS, { recursive: true });
  // Draft 1 as Chiang Mai really sent it, errors and all: it predates the pre-review gate (test/e2e/drafting.test.ts
  // drafts with the gate on).
  app = await startBrowserApp('journey', { env: { MOU_DRAFTING_GATE: 'false' } });
  ({ base, browser } = app);
});

afterAll(async () => app?.close());

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const state = async (page: Page) => ((await page.textContent('.state-line .state-badge')) ?? '').trim();

it('secretary, MOI and MFA take Chiang Mai–Sejong from draft 1 to signing, with the right document at every step', async () => {
  const secretary = await signIn(browser, base, 'cm-secretary', 'chiangmai-demo');
  const moi = await signIn(browser, base, 'moi-officer', 'moi-demo-pass');
  const mfa = await signIn(browser, base, 'mfa-reviewer', 'mfa-demo-pass');

  // 1. The secretary enters draft 1 and sends it to the provincial committee.
  await secretary.goto(`${base}/agreements/new`);
  await fillDraft(secretary, story.draft1, { parties: true });
  await submit(secretary, '.editor-bar button[value="save"]');
  const url = secretary.url();
  expect(url).toMatch(/\/agreements\/[0-9a-f-]{36}$/);
  expect(await state(secretary)).toBe('จังหวัดยกร่าง');
  await step(secretary, 'SUBMIT_TO_COMMITTEE');
  // Each step's document is downloaded as it is issued, and all are read back through LibreOffice at the end.
  const v1 = await download(secretary, url, 'MOU_ChiangMai-Sejong_v1.docx');
  expect(v1.fileName).toBe('MOU_ChiangMai-Sejong_v1.docx');

  // 2. Committee resolution 1/2565, then submission to MOI with the cover memo.
  await secretary.goto(url);
  await secretary.fill('input[name="meeting"]', story.committee.meeting);
  await secretary.fill('form[action$="RECORD_RESOLUTION"] input[name="date"]', story.committee.date);
  await secretary.fill('form[action$="RECORD_RESOLUTION"] [name="text.th"]', story.committee.resolution.th);
  await secretary.fill('form[action$="RECORD_RESOLUTION"] [name="text.en"]', story.committee.resolution.en);
  await step(secretary, 'RECORD_RESOLUTION');
  expect(await secretary.textContent('#resolutions-heading + .records')).toContain('1/2565');
  expect(await secretary.textContent('#resolutions-heading + .records')).toContain('14 มีนาคม 2565');
  await step(secretary, 'SUBMIT_TO_MOI');
  const memo = await download(secretary, url, 'MOU_ChiangMai-Sejong_v1_memo.docx');

  // 3. MOI finds it in its queue and forwards it to MFA.
  await moi.goto(`${base}/queue`);
  await submit(moi, `a[href="${new URL(url).pathname}"]`);
  await step(moi, 'FORWARD_TO_MFA');
  expect(await state(moi)).toBe('ต่างประเทศพิจารณา');

  // 4. MFA leaves the five comments on the review page and returns the draft.
  await mfa.goto(`${base}/queue`);
  await shot(mfa, 'queue');
  await mfa.goto(`${url}/review`);
  for (const c of story.comments) {
    const key = c.anchor.kind === 'article' ? `article:${c.anchor.no}` : c.anchor.kind;
    const form = mfa.locator(`details:has(input[name="anchor"][value="${key}"])`);
    await form.locator('summary').click();
    await form.locator('[name="text.th"]').fill(c.text.th);
    await form.locator('[name="text.en"]').fill(c.text.en);
    await Promise.all([mfa.waitForNavigation(), form.locator('button[type="submit"]').click()]);
  }
  expect(await mfa.locator('.comment').count()).toBe(5);
  await shot(mfa, 'review');
  await step(mfa, 'RETURN_WITH_COMMENTS');
  const review = await download(mfa, url, 'MOU_ChiangMai-Sejong_v1_review.docx');

  // 5. The secretary answers every comment, enters draft 2 and resubmits it.
  await secretary.goto(`${url}/review`);
  for (let i = 0; i < story.comments.length; i++) {
    const form = secretary.locator('form.answer-form').nth(i);
    await form.locator('select[name="status"]').selectOption('accepted');
    await form.locator('[name="response.th"]').fill(`แก้ไขตามข้อสังเกตที่ ${i + 1} แล้ว`);
    await form.locator('[name="response.en"]').fill(`Revised as advised in comment ${i + 1}.`);
    await Promise.all([secretary.waitForNavigation(), form.locator('button[type="submit"]').click()]);
  }
  await secretary.goto(`${url}/edit`);
  await fillDraft(secretary, story.draft2, { parties: false });
  await submit(secretary, '.editor-bar button[value="save"]');
  await step(secretary, 'RESUBMIT');
  expect(await state(secretary)).toBe('ต่างประเทศพิจารณา');
  const comparison = await download(secretary, url, 'MOU_ChiangMai-Sejong_v2_comparison.docx');
  const redline = await download(secretary, url, 'MOU_ChiangMai-Sejong_v2_redline.docx');

  // 6. MFA gives no objection; the partner agrees the final text; the signing is recorded.
  await mfa.goto(`${url}/review`);
  await step(mfa, 'GIVE_NO_OBJECTION');
  expect(await state(mfa)).toBe('Partner agreement');
  await secretary.goto(url);
  await step(secretary, 'AGREE_FINAL_TEXT');
  const signingCopy = await download(secretary, url, 'MOU_ChiangMai-Sejong_v2_signing.docx');
  await secretary.goto(url);
  const sign = secretary.locator('form[action$="RECORD_SIGNING"]');
  await sign.locator('input[name="date"]').fill('2022-11-17');
  await sign.locator('[name="thai.name.th"]').fill('นายสมชาย ตัวอย่าง');
  await sign.locator('[name="thai.name.en"]').fill('Mr. Somchai Tuayang');
  await sign.locator('[name="partner.name.th"]').fill('นายคิม ตัวอย่าง');
  await sign.locator('[name="partner.name.en"]').fill('Mr. Kim Example');
  await step(secretary, 'RECORD_SIGNING');
  expect(await state(secretary)).toBe('มีผลใช้บังคับ');
  await shot(secretary, 'agreement');
  const signed = await download(secretary, url, 'MOU_ChiangMai-Sejong_v2_signing.docx');
  // The documents page lists what the steps issued apart from previews; the record verifies.
  await secretary.goto(`${url}/documents`);
  expect(await secretary.locator('table.documents.issued tr').count()).toBeGreaterThanOrEqual(5);
  await shot(secretary, 'documents');
  await secretary.goto(url);
  expect(await secretary.locator('.verification-ok').count()).toBe(1);

  for (const p of [secretary, moi, mfa]) expect(problemsOf(p)).toEqual([]);

  // The right document at every step, as LibreOffice reads it.
  const [pdfV1, pdfMemo, pdfReview, pdfComparison, pdfRedline, pdfSigningCopy, pdfSigned] = await readBack(
    [v1, memo, review, comparison, redline, signingCopy, signed],
    DOCS,
  );
  if (!pdfV1 || !pdfMemo || !pdfReview || !pdfComparison || !pdfRedline || !pdfSigningCopy || !pdfSigned)
    throw new Error('a document did not convert');
  expect(missing(pdfV1, `${story.draft1.title.en} ${story.draft1.articles[0]?.text.en ?? ''}`)).toEqual([]);
  expect(missing(pdfV1, story.draft1.articles[0]?.text.th ?? '')).toEqual([]);
  // The memo is Thai official style: Thai digits, the resolution cited.
  expect(missing(pdfMemo, `${toThaiDigits('1/2565')} ${story.committee.resolution.th}`)).toEqual([]);
  for (const c of story.comments) expect(missing(pdfReview, c.text.en)).toEqual([]);
  expect(missing(pdfComparison, 'Revised as advised in comment 3.')).toEqual([]);
  expect(missing(pdfRedline, story.draft2.articles[6]?.text.en ?? '')).toEqual([]);
  expect(missing(pdfSigningCopy, story.draft2.articles[8]?.text.th ?? '')).toEqual([]);
  expect(missing(pdfSigned, 'Signed in duplicate at Chiang Mai Province on 17 November 2022')).toEqual([]);
  // The signing copy prints who signed, as recorded at signing.
  expect(missing(pdfSigned, 'Mr. Somchai Tuayang')).toEqual([]);
});
