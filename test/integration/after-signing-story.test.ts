// The partnership after signing, from the demo seeds: Bangkok–Seoul is in force; the Bangkok secretary records the
// 2019 Friendship Festival youth exchange (pupils of a Bangkok school, 29 Aug – 2 Sep 2019) with two photos and the
// programme as a PDF; the activity page shows them; the action plan .docx lists the activity (LibreOffice →
// pdftotext); the record check covers the attachments (a replaced photo is found).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { buildServices, compose, type Services } from '../../src/composition-root';
import { loadConfig } from '../../src/config';
import { closeServer, listen } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { seedDemo } from '../support/demo';
import { openTestDb, type TestDb } from '../support/db';
import { docxToPdf, missingWords, normalize } from '../support/doc-pdf';
import { Client } from './http/support';

const FIXTURES = join(__dirname, '..', 'fixtures', 'partnership');
const files = {
  stage: readFileSync(join(FIXTURES, 'festival-stage.jpg')),
  pupils: readFileSync(join(FIXTURES, 'festival-pupils.jpg')),
  programme: readFileSync(join(FIXTURES, 'festival-programme.pdf')),
};

let db: TestDb;
let server: Server;
let services: Services;
let base = '';
let password = '';
let seoul = '';
let activityPath = '';

beforeAll(async () => {
  db = await openTestDb('story');
  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 's'.repeat(40) });
  services = await buildServices(db.connection);
  const seeded = await seedDemo(db.connection, services);
  password = seeded.logins.find((l) => l.username === 'bkk-secretary')?.password ?? '';
  const { app } = await compose({
    config,
    connection: db.connection,
    logger: createLogger('silent'),
    services,
  });
  server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}, 120_000);
afterAll(async () => {
  await closeServer(server);
  await db.close();
});

async function secretary(): Promise<Client> {
  const c = new Client(base);
  expect((await c.login('bkk-secretary', password)).status).toBe(303);
  return c;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('Bangkok and Seoul after signing', () => {
  it('1. Bangkok–Seoul is in force, from the seeds', async () => {
    const all = await services.repository.list({}, { limit: 100, skip: 0 });
    const row = all.find((a) => a.partnerName.en === 'Seoul' && a.province === 'bangkok');
    expect(row?.state).toBe('inForce');
    seoul = row?.id ?? '';
  });

  it('2. the secretary records the 2019 Friendship Festival youth exchange, with two photos and the programme', async () => {
    const c = await secretary();
    const page = await (await c.get(`/agreements/${seoul}/activities`)).text();
    const r = await c.postForm(`/agreements/${seoul}/activities`, {
      _csrf: csrfOf(page),
      kind: 'youth-exchange',
      status: 'done',
      'title.th': 'นักเรียนโรงเรียนในสังกัดกรุงเทพมหานครร่วมงานเทศกาลมิตรภาพกรุงโซล 2562',
      'title.en': 'Bangkok school pupils at the Seoul Friendship Festival 2019',
      start: '2019-08-29',
      end: '2019-09-02',
      'place.th': 'กรุงโซล สาธารณรัฐเกาหลี',
      'place.en': 'Seoul, Republic of Korea',
      'summary.th': 'คณะนักเรียนแสดงนาฏศิลป์ไทยและร่วมกิจกรรมแลกเปลี่ยนกับเยาวชนกรุงโซล',
      'summary.en':
        'The pupils performed Thai classical dance and joined exchange activities with Seoul youth.',
      'outcomes.th': '',
      'outcomes.en': '',
      thai: '15',
      partner: '60',
      area: '',
      'agency.th': 'สำนักการศึกษา กรุงเทพมหานคร',
      'agency.en': 'Education Department, Bangkok Metropolitan Administration',
      budget: '',
    });
    expect(r.status).toBe(303);
    activityPath = r.headers.get('location') ?? '';
    const activityId = activityPath.split('/').at(-1) ?? '';
    for (const [name, bytes, kind, type] of [
      ['festival-stage.jpg', files.stage, 'photo', 'image/jpeg'],
      ['festival-pupils.jpg', files.pupils, 'photo', 'image/jpeg'],
      ['festival-programme.pdf', files.programme, 'programme', 'application/pdf'],
    ] as const) {
      const html = await (await c.get(activityPath)).text();
      const form = new FormData();
      form.set('activityId', activityId);
      form.set('kind', kind);
      form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
      const up = await c.postMultipart(
        `/agreements/${seoul}/attachments?_csrf=${encodeURIComponent(csrfOf(html))}`,
        form,
      );
      expect(up.status).toBe(303);
    }
  });

  it('3. the activity page shows the two photos (scaled) and the programme', async () => {
    const c = await secretary();
    const html = await (await c.get(activityPath)).text();
    expect(html).toContain('ร่วมงานเทศกาลมิตรภาพกรุงโซล 2562');
    const images = [...html.matchAll(/<img src="(\/attachments\/[0-9a-f-]{36})"[^>]*width="320"/g)].map(
      (m) => m[1],
    );
    expect(images).toHaveLength(2);
    const shown = await Promise.all(
      images.map(async (src) => Buffer.from(await (await c.get(src ?? '')).arrayBuffer())),
    );
    expect(shown.map((b) => b.length).sort()).toEqual([files.stage.length, files.pupils.length].sort());
    expect(html).toMatch(/download translate="no">festival-programme\.pdf</);
  });

  it('4. the action plan .docx lists the activity (LibreOffice → pdftotext), in Thai and English', async () => {
    const c = await secretary();
    const r = await c.get(`/api/v1/agreements/${seoul}/action-plan`);
    expect(r.status).toBe(200);
    const pdf = await docxToPdf(
      Buffer.from(await r.arrayBuffer()),
      'bangkok-seoul-plan',
      'test-artifacts/after-signing',
    );
    // Table cells wrap, so the words are looked for one by one, and the Thai title as it reads in its cell.
    for (const cell of [
      'Bangkok school pupils at the Seoul Friendship Festival 2019',
      '29 August 2019 – 2 September 2019',
      'Education Department, Bangkok Metropolitan Administration',
    ])
      expect({ cell, missing: missingWords(pdf.text, cell) }).toEqual({ cell, missing: [] });
    expect(normalize(pdf.text)).toContain(normalize('มิตรภาพกรุงโซล'));
    expect(normalize(pdf.text)).toContain(normalize('29 สิงหาคม 2562'));
  }, 120_000);

  it('5. the record check covers the attachments: clean, then a replaced photo is found', async () => {
    const record = await services.repository.get(seoul);
    const attached = record.history.filter((h) => h.detail?.code === 'attachment');
    expect(attached).toHaveLength(3);
    expect((await services.verifier.verify(record)).ok).toBe(true);
    const id = attached[0]?.detail && 'id' in attached[0].detail ? attached[0].detail.id : '';
    const chunks = db.connection.db?.collection('attachments.chunks');
    await chunks?.updateOne({ files_id: id as never, n: 0 }, { $set: { data: files.pupils } });
    const v = await services.verifier.verify(record);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      expect.objectContaining({ kind: 'attachment-mismatch', seq: attached[0]?.seq }),
    ]);
  });
});
