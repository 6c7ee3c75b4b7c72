// Drafting in Chromium with the pre-review gate on: the wizard's draft, a finding beside the article it is about, its
// suggestion taken, a parity lock confirmed, and the draft sent to the committee.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Services } from '../../src/composition-root';
import { startBrowserApp, type BrowserApp } from './browser-app';
import { problemsOf, signIn, step, submit } from './journey-support';

jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'drafting');

let app: BrowserApp;
let base: string;
let browser: Browser;
let services: Services;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The gate is on by default: nothing in the configuration turns it on for this test.
  app = await startBrowserApp('drafting');
  ({ base, browser, services } = app);
});

afterAll(async () => app?.close());

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const article = (page: Page, no: number) => page.locator(`#edit-article-${no}`);

it('a secretary drafts with the wizard, sees "shall" found beside its article, takes the suggestion, confirms the English after a Thai edit, and submits', async () => {
  const sec = await signIn(browser, base, 'cm-secretary', 'chiangmai-demo');

  // 1. The wizard: five choices.
  await sec.goto(`${base}/agreements/new`);
  await sec.selectOption('form.wizard-form select[name="kind"]', 'sister');
  await sec.selectOption('form.wizard-form select[name="partner"]', 'sejong');
  await sec.check('form.wizard-form input[name="areas"][value="culture"]');
  await sec.check('form.wizard-form input[name="areas"][value="education"]');
  await sec.fill('form.wizard-form input[name="years"]', '5');
  await sec.fill('form.wizard-form input[name="noticeMonths"]', '6');
  await shot(sec, '1-wizard');
  await submit(sec, 'button[data-wizard]');
  expect(sec.url()).toMatch(/\/agreements\/[0-9a-f-]{36}\/edit$/);
  const id = sec.url().split('/').at(-2) ?? '';
  expect(await sec.textContent('.checks-card')).toContain('การตรวจร่างไม่พบสิ่งที่ต้องแก้ไข');
  expect(await sec.inputValue('[name="partner.name.en"]')).toBe('Sejong Special Self-Governing City');
  await shot(sec, '2-wizard-draft');

  // 2. "shall" typed into article 1: the finding shows beside article 1, with "will" offered.
  const en1 = '[name="articles.0.text.en"]';
  const typed = (await sec.inputValue(en1)).replace('The Sides will promote', 'The Sides shall promote');
  await sec.fill(en1, typed);
  await submit(sec, '.editor-bar button[value="check"]');
  const finding = article(sec, 1).locator('.finding-error');
  expect(await finding.count()).toBe(1);
  expect(await finding.textContent()).toContain('"shall"');
  expect(await finding.textContent()).toContain('will');
  expect(await sec.locator('.finding-error').count()).toBe(1);
  await shot(sec, '3-shall-found');
  await article(sec, 1).screenshot({ path: join(ARTIFACTS, '3-article-1.png') });

  // 3. The suggestion taken: "will" again, the finding gone, nothing saved yet.
  await submit(sec, '#edit-article-1 button[data-take]');
  expect(await sec.inputValue(en1)).toContain('The Sides will promote');
  expect(await sec.locator('.finding-error').count()).toBe(0);
  expect(await sec.textContent('.notice-info')).toContain('ยังไม่ได้บันทึก');

  // 4. The Thai of article 3 changes alone; saved, the English of article 3 is marked stale.
  const th3 = '[name="articles.2.text.th"]';
  await sec.fill(th3, `${await sec.inputValue(th3)} และการแลกเปลี่ยนเยาวชน`);
  await submit(sec, '.editor-bar button[value="save"]');
  expect(sec.url()).toBe(`${base}/agreements/${id}`);
  await sec.goto(`${base}/agreements/${id}/edit`);
  const stale = article(sec, 3).locator('.stale-note');
  expect(await stale.textContent()).toContain('ข้อความภาษาไทยของข้อบทนี้เปลี่ยนไป แต่ภาษาอังกฤษไม่ได้เปลี่ยน');
  expect(await sec.locator('.stale-note').count()).toBe(1);
  await shot(sec, '4-stale');
  await article(sec, 3).screenshot({ path: join(ARTIFACTS, '4-article-3.png') });

  // 5. The English checked and confirmed; saved; the mark is gone and the confirmation is on record.
  await sec.check('#edit-article-3 input[data-confirm]');
  await submit(sec, '.editor-bar button[value="save"]');
  await sec.goto(`${base}/agreements/${id}/edit`);
  expect(await sec.locator('.stale-note').count()).toBe(0);
  const admin = { userId: 'x', name: 'x', role: 'admin' as const };
  const rec = await services.agreements.get(admin, id);
  expect(rec.stale).toEqual([]);
  const key = rec.workingDraft.articles[2]?.key ?? '';
  expect(rec.history.at(-1)).toMatchObject({ event: 'EDIT_CONTENT', confirmed: [`${key}:en`] });
  expect(rec.workingDraft.articles[0]?.text.en).toContain('will promote');

  // 6. Submitted to the committee: nothing to fix, nothing to acknowledge.
  await sec.goto(`${base}/agreements/${id}`);
  await step(sec, 'SUBMIT_TO_COMMITTEE');
  expect((await services.agreements.get(admin, id)).state).toBe('committeeReview');
  await shot(sec, '5-submitted');
  expect(problemsOf(sec)).toEqual([]);
});

it('the gate on the page: errors are listed by article; warnings are acknowledged with a checkbox and recorded', async () => {
  const sec = await signIn(browser, base, 'cm-secretary', 'chiangmai-demo');
  await sec.goto(`${base}/agreements/new`);
  await sec.selectOption('form.wizard-form select[name="partner"]', 'sejong');
  await sec.check('form.wizard-form input[name="areas"][value="tourism"]');
  await submit(sec, 'button[data-wizard]');
  const id = sec.url().split('/').at(-2) ?? '';
  // An error ("shall") and a warning ("Parties") typed in and saved.
  const en2 = '[name="articles.1.text.en"]';
  await sec.fill(
    en2,
    (await sec.inputValue(en2)).replace('The Sides will cooperate', 'The Parties shall cooperate'),
  );
  await submit(sec, '.editor-bar button[value="save"]');
  await submit(sec, 'button[data-event="SUBMIT_TO_COMMITTEE"]');
  const error = (await sec.textContent('.notice-error')) ?? '';
  expect(error).toContain('ข้อ 2');
  expect(error).toContain('"shall"');
  expect(await sec.locator('input[data-acknowledge]').count()).toBe(0);
  // The error fixed, the warning left: the step asks for the acknowledgement, then takes it.
  await sec.goto(`${base}/agreements/${id}/edit`);
  await sec.fill(en2, (await sec.inputValue(en2)).replace('shall', 'will'));
  await submit(sec, '.editor-bar button[value="save"]');
  await submit(sec, 'button[data-event="SUBMIT_TO_COMMITTEE"]');
  expect(await sec.textContent('.notice-error')).toContain('รับทราบ');
  await shot(sec, '6-acknowledge');
  await sec.check('form[action$="SUBMIT_TO_COMMITTEE"] input[data-acknowledge]');
  await step(sec, 'SUBMIT_TO_COMMITTEE');
  const rec = await services.agreements.get({ userId: 'x', name: 'x', role: 'admin' }, id);
  expect(rec.state).toBe('committeeReview');
  expect(rec.history.at(-1)?.acknowledged?.[0]).toMatch(/^wording\.parties@article:/);
});
