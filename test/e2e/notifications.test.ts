// The bell in Chromium: its count rises when a step lands on the person (MOI in Thai, MFA in English) and falls when
// they open it (from the list, or the agreement from their queue); the notification pages are axe-clean (WCAG 2.1
// A/AA) and hold no word of the other language, in Thai and in English. Screenshots go to test-artifacts/notifications/.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildServices, compose, type Services } from '../../src/composition-root';
import { loadConfig } from '../../src/config';
import type { Actor } from '../../src/domain';
import { closeServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { identityStores } from '../../src/storage/users';
import { createDemoUsers } from '../../src/users/demo';
import { createUserService, toActor } from '../../src/users/service';
import { approved } from '../integration/agreement-helpers';
import { openTestDb, type TestDb } from '../support/db';
import { FAST_DOOR } from '../support/door';
import { chiangMaiSejong } from '../support/fixtures';
import { CHROMIUM_ARGS, problemsOf, signIn, step } from './journey-support';
import { ALLOWED_LATIN, axeViolations, foreignWords } from './page-audit';

jest.setTimeout(180_000);

const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'notifications');
const story = chiangMaiSejong();
let db: TestDb;
let server: Server;
let browser: Browser;
let services: Services;
let base = '';
let cm: Actor;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  db = await openTestDb('e2enotify');
  const users = createUserService(identityStores(db.connection));
  await createDemoUsers(users);
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'n'.repeat(40) });
  services = await buildServices(db.connection, {
    readCache: db.maxPoolSize === 1,
    draftingGate: false,
    door: { subscribers: [], settings: FAST_DOOR },
    notifications: { config },
  });
  const { app } = await compose({
    config,
    connection: db.connection,
    logger: createLogger('silent'),
    services,
  });
  server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  services.door.start();
  const u = await users.findByUsername('cm-secretary');
  if (!u) throw new Error('no demo secretary');
  cm = toActor(u);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

afterAll(async () => {
  await browser?.close();
  await services?.door.stop();
  if (server) await closeServer(server);
  await db?.close();
});

const bellCount = async (page: Page) => {
  const el = await page.$('#bell .bell-count');
  return el ? Number(await el.textContent()) : 0;
};

/** Reloads until the bell shows `n` (the door delivers out of the step's path, a moment later). */
async function bellBecomes(page: Page, n: number): Promise<void> {
  for (let i = 0; i < 100 && (await bellCount(page)) !== n; i++) {
    await page.waitForTimeout(100);
    await page.reload();
  }
  expect(await bellCount(page)).toBe(n);
}

async function audit(page: Page, name: string): Promise<void> {
  expect({ page: name, violations: await axeViolations(page) }).toEqual({ page: name, violations: [] });
  const foreign = (await foreignWords(page)).filter((w) => !ALLOWED_LATIN.has(w));
  expect({ page: name, foreign }).toEqual({ page: name, foreign: [] });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

it('the bell rises when a step lands on MOI (Thai) and MFA (English), and falls when they open it', async () => {
  const { agreements } = services;
  let a = await agreements.createDraft(cm, { province: 'chiang-mai', content: story.draft1 });
  a = await agreements.send(cm, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
  a = await agreements.send(cm, a.id, a.rev, { type: 'RECORD_RESOLUTION', resolution: approved });

  const moi = await signIn(browser, base, 'moi-officer', 'moi-demo-pass');
  expect(await bellCount(moi)).toBe(0);
  expect(await moi.getAttribute('#bell', 'aria-label')).toBe('การแจ้งเตือน');
  await moi.goto(`${base}/notifications`);
  await audit(moi, 'th-list-empty');

  // The province submits it to MOI: it lands on MOI.
  a = await agreements.send(cm, a.id, a.rev, { type: 'SUBMIT_TO_MOI' });
  await moi.goto(`${base}/queue`);
  await bellBecomes(moi, 1);
  expect(await moi.getAttribute('#bell', 'aria-label')).toBe('การแจ้งเตือน ยังไม่ได้อ่าน 1 รายการ');
  await audit(moi, 'th-queue-bell');
  await moi.click('#bell');
  await moi.waitForURL(`${base}/notifications`);
  expect(await moi.textContent('#notification-list')).toContain('เสนอกระทรวงมหาดไทย: ขณะนี้รอท่านดำเนินการ');
  await audit(moi, 'th-list');
  await moi.goto(`${base}/account/notifications`);
  await audit(moi, 'th-settings');
  await moi.goto(`${base}/notifications`);
  // Opening it goes to the agreement and reads it: the bell falls.
  await Promise.all([moi.waitForURL(`${base}/agreements/${a.id}`), moi.click('#notification-list a')]);
  expect(await bellCount(moi)).toBe(0);
  await moi.screenshot({ path: join(ARTIFACTS, 'th-opened.png') });

  // MOI forwards it to MFA in the browser: it lands on the English-speaking reviewer.
  const mfa = await signIn(browser, base, 'mfa-reviewer', 'mfa-demo-pass');
  expect(await bellCount(mfa)).toBe(0);
  await step(moi, 'FORWARD_TO_MFA');
  await bellBecomes(mfa, 1);
  expect(await mfa.getAttribute('#bell', 'aria-label')).toBe('Notifications, 1 unread');
  await audit(mfa, 'en-queue-bell');
  await mfa.goto(`${base}/notifications`);
  expect(await mfa.textContent('#notification-list')).toContain('Forward to MFA: it now waits for you');
  await audit(mfa, 'en-list');
  await mfa.goto(`${base}/account/notifications`);
  await audit(mfa, 'en-settings');
  // Opening the agreement from the queue reads it too.
  await mfa.goto(`${base}/queue`);
  await Promise.all([
    mfa.waitForURL(`${base}/agreements/${a.id}`),
    mfa.click(`a[href="/agreements/${a.id}"]`),
  ]);
  expect(await bellCount(mfa)).toBe(0);
  await mfa.goto(`${base}/notifications`);
  expect(await mfa.$$('#notification-list li.unread')).toHaveLength(0);

  // The admin sees the outbox (e-mail is off here: it says how to switch it on).
  const admin = await signIn(browser, base, 'admin', 'admin-demo-pass');
  await admin.goto(`${base}/admin/outbox`);
  expect(await admin.textContent('main')).toContain('MOU_SMTP_URL');
  await audit(admin, 'th-outbox');
  expect([...problemsOf(moi), ...problemsOf(mfa), ...problemsOf(admin)]).toEqual([]);
});
