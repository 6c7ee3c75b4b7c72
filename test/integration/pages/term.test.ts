// The term with an injected clock: signed 2021-03-01 for five years (proposed from the duration clause) →
// "expires within 6 months" in the queue on 2025-09-02 (not on 2025-09-01), expiry refused until the term has run
// out, "expired, not renewed" after 2026-03-01; the renewal recorded through the page's form, and the new expiry shown.
import type { Server } from 'node:http';
import { buildServices, compose, type Services } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import type { Clock } from '../../../src/app/ports';
import type { Actor } from '../../../src/domain';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { identityStores } from '../../../src/storage/users';
import { createUserService } from '../../../src/users/service';
import { openTestDb, type TestDb } from '../../support/db';
import { Client, PASSWORD } from '../http/support';
import { clearedSejong, sejongSigning } from '../agreement-helpers';

let at = Date.parse('2021-02-20T03:00:00.000Z');
const clock: Clock = { now: () => new Date(at) };
/** 10:00 in Bangkok on that day. */
const setDay = (day: string) => {
  at = Date.parse(`${day}T03:00:00.000Z`);
};

let db: TestDb;
let server: Server;
let services: Services;
let base = '';
let secretary: Actor;
let id = '';

beforeAll(async () => {
  db = await openTestDb('term');
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 't'.repeat(40) });
  services = await buildServices(db.connection, { clock, draftingGate: false });
  const { app } = await compose({
    config,
    connection: db.connection,
    logger: createLogger('silent'),
    services,
  });
  server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = createUserService(identityStores(db.connection));
  const u = await users.createUser({
    username: 'term-sec',
    displayName: 'Chiang Mai secretary',
    password: PASSWORD,
    role: 'secretary',
    province: 'chiang-mai',
    locale: 'en',
  });
  secretary = { userId: u.id, name: u.displayName, role: 'secretary', province: 'chiang-mai' };
});
afterAll(async () => {
  await closeServer(server);
  await db.close();
});

async function queueRow(c: Client): Promise<string | undefined> {
  const html = await (await c.get('/queue')).text();
  return new RegExp(`<tr data-expiry="(\\w+)">\\s*<td><a href="/agreements/${id}">`).exec(html)?.[1];
}

describe('the term of a signed agreement, by the clock', () => {
  it('signed on 2021-03-01 without a term: five years and six months’ notice from the duration clause, until 2026-03-01', async () => {
    const a = await clearedSejong(services.agreements);
    const agreed = await services.agreements.send(secretary, a.id, a.rev, { type: 'AGREE_FINAL_TEXT' });
    setDay('2021-03-01');
    const signed = await services.agreements.send(secretary, a.id, agreed.rev, {
      type: 'RECORD_SIGNING',
      signing: { ...sejongSigning, date: '2021-03-01' },
    });
    id = signed.id;
    expect(signed.term).toMatchObject({
      startsOn: '2021-03-01',
      years: 5,
      noticeMonths: 6,
      source: 'proposed',
      expiresOn: '2026-03-01',
    });
    // The signing's history entry carries the term, so the record check covers the expiry date.
    expect(signed.history.at(-1)?.detail).toMatchObject({
      code: 'signing',
      term: { expiresOn: '2026-03-01' },
    });
  });

  it('is not in the queue on 2025-09-01, and "expires within 6 months" on 2025-09-02', async () => {
    const c = new Client(base);
    await c.login('term-sec', PASSWORD);
    setDay('2025-09-01');
    expect(await queueRow(c)).toBeUndefined();
    // The renewal is offered from the last six months, the expiry only once the term has run out.
    const offered = async () =>
      [...(await (await c.get(`/agreements/${id}`)).text()).matchAll(/data-event="(\w+)"/g)].map((m) => m[1]);
    expect(await offered()).not.toContain('PROPOSE_RENEWAL');
    setDay('2025-09-02');
    expect(await queueRow(c)).toBe('expiring');
    expect(await offered()).toContain('PROPOSE_RENEWAL');
    expect(await offered()).not.toContain('RECORD_EXPIRY');
    const page = await (await c.get(`/agreements/${id}`)).text();
    expect(page).toContain('In force until 1 March 2026');
    expect(page).toContain('Expires within 6 months');
  });

  it('its expiry cannot be recorded on 2026-03-01 (still in force), and shows "expired, not renewed" after it', async () => {
    setDay('2026-03-01');
    const a = await services.agreements.get(secretary, id);
    await expect(
      services.agreements.send(secretary, id, a.rev, { type: 'RECORD_EXPIRY' }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
    });
    setDay('2026-03-02');
    const c = new Client(base);
    await c.login('term-sec', PASSWORD);
    expect(await queueRow(c)).toBe('expired');
    const html = await (await c.get(`/agreements/${id}`)).text();
    expect(html).toContain('data-event="RECORD_EXPIRY"');
    expect(html).toContain('data-event="PROPOSE_RENEWAL"');
    expect(await (await c.get(`/agreements/${id}`)).text()).toContain('Expired, not renewed');
  });

  it('the renewal is recorded through the page (from 2026-03-01 for five years): in force until 2031-03-01, off the queue', async () => {
    const c = new Client(base);
    await c.login('term-sec', PASSWORD);
    const token = async () => {
      const html = await (await c.get(`/agreements/${id}`)).text();
      return {
        _csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '',
        expectedRev: /name="expectedRev" value="(\d+)"/.exec(html)?.[1] ?? '',
        html,
      };
    };
    const first = await token();
    expect((await c.postForm(`/agreements/${id}/events/PROPOSE_RENEWAL`, first)).status).toBe(303);
    const second = await token();
    expect(second.html).toContain('name="renewal.years"');
    const r = await c.postForm(`/agreements/${id}/events/RECORD_RENEWAL`, {
      _csrf: second._csrf,
      expectedRev: second.expectedRev,
      'renewal.date': '2026-03-01',
      'renewal.years': '5',
    });
    expect(r.status).toBe(303);
    const a = await services.agreements.get(secretary, id);
    expect(a.state).toBe('inForce');
    expect(a.term).toMatchObject({ expiresOn: '2031-03-01', renewals: [{ date: '2026-03-01', years: 5 }] });
    expect(a.history.at(-1)).toMatchObject({
      detail: { code: 'renewal', date: '2026-03-01', years: 5, expiresOn: '2031-03-01' },
      // The renewal issues its record, stored as issued (its SHA-256 in the entry).
      doc: 'renewal',
      documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const issued = await services.documents.issuedFile(a, a.history.at(-1)?.seq ?? -1);
    expect(issued.fileName).toMatch(/_renewal\.docx$/);
    const page = await (await c.get(`/agreements/${id}`)).text();
    expect(page).toContain('In force until 1 March 2031');
    expect(page).not.toContain('Expired, not renewed');
    expect(await queueRow(c)).toBeUndefined();
    expect((await services.verifier.verify(a)).ok).toBe(true);
  });

  it('a term confirmed at signing is kept as given; an expiry after it runs out is recorded', async () => {
    setDay('2021-03-01');
    let a = await clearedSejong(services.agreements);
    a = await services.agreements.send(secretary, a.id, a.rev, { type: 'AGREE_FINAL_TEXT' });
    a = await services.agreements.send(secretary, a.id, a.rev, {
      type: 'RECORD_SIGNING',
      signing: { ...sejongSigning, date: '2021-03-01', term: { years: 3, noticeMonths: 3 } },
    });
    expect(a.term).toMatchObject({ source: 'confirmed', expiresOn: '2024-03-01' });
    setDay('2024-03-02');
    a = await services.agreements.send(secretary, a.id, a.rev, { type: 'RECORD_EXPIRY' });
    expect(a.state).toBe('expired');
  });
});
