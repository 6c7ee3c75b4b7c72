// The activities pages: the secretary records an activity and attaches a photo through the forms; the activity page
// shows the photo scaled and the programme as a download; MOI reads without forms; another province gets 404.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementRecord } from '../../../src/app/ports';
import { formTokens, place, startPages, type PagesApp } from './support';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'partnership');
const photo = readFileSync(join(FIXTURES, 'festival-stage.jpg'));

let app: PagesApp;
let a: AgreementRecord;
beforeAll(async () => {
  app = await startPages();
  a = await place(app, 'inForce');
});
afterAll(async () => app.close());

describe('the activities pages', () => {
  let activityPath = '';
  it('the secretary records a youth exchange through the form and lands on its page', async () => {
    const c = await app.login('secretary');
    const { _csrf, html } = await formTokens(c, `/agreements/${a.id}/activities`);
    expect(html).toContain('name="title.th"');
    const r = await c.postForm(`/agreements/${a.id}/activities`, {
      _csrf,
      kind: 'youth-exchange',
      status: 'done',
      'title.th': 'เยาวชนร่วมงานเทศกาลมิตรภาพ',
      'title.en': 'Youth at the Friendship Festival',
      start: '2019-08-29',
      end: '2019-09-02',
      'place.th': 'โซล',
      'place.en': 'Seoul',
      'summary.th': 'สรุปผล',
      'summary.en': 'Summary',
      'outcomes.th': '',
      'outcomes.en': '',
      thai: '12',
      partner: '40',
      area: '',
      'agency.th': '',
      'agency.en': '',
      budget: '',
    });
    expect(r.status).toBe(303);
    activityPath = r.headers.get('location') ?? '';
    expect(activityPath).toMatch(new RegExp(`^/agreements/${a.id}/activities/[0-9a-f-]{36}$`));
  });

  it('a refused form comes back (422) with the reason in Thai and what was typed kept', async () => {
    const c = await app.login('secretary');
    const { _csrf } = await formTokens(c, `/agreements/${a.id}/activities`);
    const r = await c.postForm(`/agreements/${a.id}/activities`, {
      _csrf,
      kind: 'seminar',
      'title.th': 'สัมมนาที่พิมพ์ไว้',
      'title.en': 'A seminar typed in',
      start: '2019-09-02',
      end: '2019-08-29',
      thai: '3',
      partner: '4',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('value="A seminar typed in"');
    expect(html).toMatch(/role="alert"/);
  });

  it('a photo uploaded on the activity page is shown there, scaled, and downloads as an attachment', async () => {
    const c = await app.login('secretary');
    const { _csrf } = await formTokens(c, activityPath);
    const form = new FormData();
    form.set('activityId', activityPath.split('/').at(-1) ?? '');
    form.set('kind', 'photo');
    form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'stage.jpg');
    const up = await c.postMultipart(
      `/agreements/${a.id}/attachments?_csrf=${encodeURIComponent(_csrf)}`,
      form,
    );
    expect(up.status).toBe(303);
    const html = await (await c.get(activityPath)).text();
    const src = /<img src="(\/attachments\/[0-9a-f-]{36})"[^>]*width="320"/.exec(html)?.[1];
    expect(src).toBeDefined();
    const got = await c.get(src ?? '');
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('an HTML file named .jpg is refused on the page with the reason; nothing is added', async () => {
    const c = await app.login('secretary');
    const { _csrf } = await formTokens(c, activityPath);
    const form = new FormData();
    form.set('activityId', activityPath.split('/').at(-1) ?? '');
    form.set('file', new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/jpeg' }), 'x.jpg');
    const r = await c.postMultipart(
      `/agreements/${a.id}/attachments?_csrf=${encodeURIComponent(_csrf)}`,
      form,
    );
    expect(r.status).toBe(422);
    expect(await r.text()).toMatch(/รับเฉพาะไฟล์ PDF/);
    const html = await (await c.get(activityPath)).text();
    expect(html.match(/<img src="\/attachments\//g)).toHaveLength(1);
  });

  it('the secretary changes its status on its page; the change enters the history with the new hash', async () => {
    const c = await app.login('secretary');
    const { _csrf } = await formTokens(c, activityPath);
    const r = await c.postForm(`${activityPath}/status`, { _csrf, status: 'cancelled' });
    expect(r.status).toBe(303);
    const html = await (await c.get(activityPath)).text();
    expect(html).toMatch(/<option value="cancelled" selected>/);
    const record = await app.service().get(app.actor.admin, a.id);
    const entries = record.history.filter(
      (h) => h.detail?.code === 'activity' && h.detail.id === activityPath.split('/').at(-1),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]?.detail).not.toEqual(entries[1]?.detail);
    const bad = await c.postForm(`${activityPath}/status`, { _csrf, status: 'finished' });
    expect(bad.status).toBe(422);
  });

  it('MOI reads the pages without any form; another province’s secretary gets 404', async () => {
    const moi = await app.login('moi');
    const list = await moi.get(`/agreements/${a.id}/activities`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('เยาวชนร่วมงานเทศกาลมิตรภาพ');
    expect(html).not.toContain('name="title.th"');
    const foreign = await app.login('foreign');
    for (const path of [`/agreements/${a.id}/activities`, activityPath])
      expect((await foreign.get(path)).status).toBe(404);
    expect(html).not.toContain('name="status"');
  });
});
