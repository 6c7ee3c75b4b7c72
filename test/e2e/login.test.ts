// Browser smoke test: sign in with Chromium, see the nav, switch to English, sign out. Screenshots go to test-artifacts/.
import { identityStores } from '../../src/storage/users';
import { createUserService } from '../../src/users/service';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../src/config';
import { createApp } from '../../src/http/app';
import { appServices } from '../../src/composition-root';
import { closeServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { createDemoUsers } from '../../src/users/demo';
import { openTestDb, type TestDb } from '../support/db';

jest.setTimeout(120_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts');

let db: TestDb;
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  db = await openTestDb('e2e');
  await createDemoUsers(createUserService(identityStores(db.connection)));
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'e'.repeat(40) });
  server = await listen(
    createApp(appServices({ config, connection: db.connection, logger: createLogger('silent') })),
    0,
    '127.0.0.1',
  );
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) await closeServer(server);
  await db?.close();
});

it('a secretary signs in, sees the Thai nav, switches to English, and signs out', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${m.text()} ${m.location().url}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(`${base}/login`);
  expect(await page.getAttribute('html', 'lang')).toBe('th');
  await page.screenshot({ path: join(ARTIFACTS, 'login-th.png'), fullPage: true });
  await page.getByLabel('ชื่อผู้ใช้').fill('cm-secretary');
  await page.getByLabel('รหัสผ่าน').fill('chiangmai-demo');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL(`${base}/queue`);

  const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
  await expect(nav.getByRole('link', { name: 'งานของฉัน' }).isVisible()).resolves.toBe(true);
  await expect(nav.getByRole('link', { name: 'ทะเบียนความตกลง' }).isVisible()).resolves.toBe(true);
  expect(await nav.getByRole('link', { name: 'ผู้ใช้งาน' }).count()).toBe(0); // not an admin
  expect(await page.textContent('.who')).toContain('จังหวัดเชียงใหม่');
  // The stylesheet is served by the app and allowed by the CSP: the header gets its colour.
  const headerBg = await page.$eval('.site-header', (el) => getComputedStyle(el).backgroundColor);
  expect(headerBg).toBe('rgb(29, 78, 137)');
  await page.screenshot({ path: join(ARTIFACTS, 'nav-th.png'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForURL(`${base}/queue`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  const navEn = page.getByRole('navigation', { name: 'Main menu' });
  await expect(navEn.getByRole('link', { name: 'My queue' }).isVisible()).resolves.toBe(true);
  expect(await page.textContent('.who')).toContain('Chiang Mai Province');
  await page.screenshot({ path: join(ARTIFACTS, 'nav-en.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${base}/login`);
  // The language was stored on the user; the anonymous page is Thai again (new session).
  expect(await page.getAttribute('html', 'lang')).toBe('th');
  expect(problems).toEqual([]);
  await context.close();
});

it('an administrator sees the Users page with every demo user (screenshot)', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${base}/login?next=%2Fadmin%2Fusers`);
  await page.getByLabel('ชื่อผู้ใช้').fill('admin');
  await page.getByLabel('รหัสผ่าน').fill('admin-demo-pass');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL(`${base}/admin/users`);
  expect(await page.locator('tbody tr').count()).toBe(5);
  await page.screenshot({ path: join(ARTIFACTS, 'admin-users-th.png'), fullPage: true });
  await context.close();
});
