// After signing over the API: attachments (allow-list by content, size limit, byte-identical round trip, nothing
// stored on refusal, the record check covers them) and activities; another province's secretary gets 404 everywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { signedSejongJourney } from '../agreement-helpers';
import { agreementsPath, field, startApi, type ApiApp, type Who } from './support';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'partnership');
const photo = readFileSync(join(FIXTURES, 'festival-stage.jpg'));
const programme = readFileSync(join(FIXTURES, 'festival-programme.pdf'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let api: ApiApp;
let id = '';
const LIMIT = 1024 * 1024;

beforeAll(async () => {
  api = await startApi({ gate: false, attachmentMaxBytes: LIMIT });
  id = (await signedSejongJourney(api.services.agreements)).id;
});
afterAll(async () => api.close());

async function upload(
  who: Who,
  bytes: Buffer,
  name: string,
  fields: Record<string, string> = {},
  lang = 'en',
  type = 'application/octet-stream',
) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(`${api.base}${agreementsPath}/${id}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token[who]}`, 'accept-language': lang },
    body: form,
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: JSON.parse(text) as unknown,
  };
}

/** What is stored of attachments: the GridFS files and chunks, and the agreement's history entries. */
async function stored() {
  const db = api.db.connection.db;
  if (!db) throw new Error('no db');
  const record = await api.services.repository.get(id);
  return {
    files: await db.collection('attachments.files').countDocuments({}),
    chunks: await db.collection('attachments.chunks').countDocuments({}),
    entries: record.history.filter((h) => h.event === 'ATTACH_FILE').length,
  };
}

const festival = {
  kind: 'youth-exchange',
  title: {
    th: 'เยาวชนกรุงเทพฯ ร่วมงานเทศกาลมิตรภาพโซล 2562',
    en: 'Bangkok pupils at the Seoul Friendship Festival 2019',
  },
  start: '2019-08-29',
  end: '2019-09-02',
  place: { th: 'กรุงโซล สาธารณรัฐเกาหลี', en: 'Seoul, Republic of Korea' },
  summary: { th: 'นักเรียนแสดงศิลปวัฒนธรรมไทย', en: 'Pupils performed Thai arts and culture' },
  participants: { thai: 12, partner: 40 },
};

describe('attachments', () => {
  it('a photo goes in (201 with id, sha256, size, contentType) and comes back byte for byte, as a download with nosniff', async () => {
    const r = await upload('secretary', photo, 'stage.jpg', { kind: 'photo' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ sha256: sha(photo), size: photo.length, contentType: 'image/jpeg' });
    const got = await api.call('mfa', 'GET', `/api/v1/attachments/${field<string>(r.body, 'id')}`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(photo)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="?stage\.jpg"?$/);
  });

  it('a file exactly at the size limit round-trips byte-identical; one byte more is 413 problem+json and nothing is stored', async () => {
    const atLimit = Buffer.alloc(LIMIT, 0x20);
    programme.copy(atLimit, 0, 0, programme.length - 6); // a PDF head, padded with spaces, its end kept last
    programme.copy(atLimit, LIMIT - 6, programme.length - 6);
    const r = await upload('secretary', atLimit, 'minutes.pdf', { kind: 'minutes' });
    expect(r.status).toBe(201);
    const got = await api.call('moi', 'GET', `/api/v1/attachments/${field<string>(r.body, 'id')}`);
    expect(got.bytes.length).toBe(LIMIT);
    expect(sha(got.bytes)).toBe(sha(atLimit));
    const before = await stored();
    const over = await upload('secretary', Buffer.concat([atLimit, Buffer.from(' ')]), 'big.pdf', {}, 'th');
    expect(over.status).toBe(413);
    expect(over.type).toMatch(/^application\/problem\+json/);
    expect(field<string>(over.body, 'detail')).toMatch(/ไฟล์ใหญ่เกินกำหนด/);
    expect(await stored()).toEqual(before);
  });

  const svg =
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
  const polyglot = Buffer.concat([
    photo.subarray(0, 20),
    Buffer.from('<html><body><script>alert(1)</script></body></html>'),
    photo.subarray(20),
  ]);
  it.each([
    [
      'HTML named .pdf',
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      'programme.pdf',
      'application/pdf',
    ],
    ['an SVG with script', Buffer.from(svg), 'photo.svg', 'image/svg+xml'],
    ['a polyglot JPEG/HTML', polyglot, 'photo.jpg', 'image/jpeg'],
    ['a zero-byte file', Buffer.alloc(0), 'empty.pdf', 'application/pdf'],
  ])(
    '%s is refused with 4xx problem+json in the person’s language, and nothing is stored',
    async (_what, bytes, name, type) => {
      const before = await stored();
      for (const lang of ['th', 'en']) {
        const r = await upload('secretary', bytes, name, {}, lang, type);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.type).toMatch(/^application\/problem\+json/);
        const detail = field<string>(r.body, 'detail');
        if (lang === 'th') expect(detail).toMatch(/[\u0E00-\u0E7F]/);
        else expect(detail).not.toMatch(/[\u0E00-\u0E7F]/);
      }
      expect(await stored()).toEqual(before);
    },
  );

  it('MOI and MFA read but may not attach (403); the list comes from the history', async () => {
    expect((await upload('moi', photo, 'x.jpg')).status).toBe(403);
    const list = await api.call('admin', 'GET', `${agreementsPath}/${id}/attachments`);
    expect(list.status).toBe(200);
    expect(field<unknown[]>(list.body, 'items').length).toBe((await stored()).entries);
  });

  it('the record check covers attachments: a replaced file is found, and refused on download', async () => {
    const r = await upload('secretary', photo, 'replace-me.jpg');
    const fileId = field<string>(r.body, 'id');
    const ok = await api.call('admin', 'GET', `${agreementsPath}/${id}/verification`);
    expect(field(ok.body, 'ok')).toBe(true);
    const db = api.db.connection.db;
    if (!db) throw new Error('no db');
    // Swap the stored bytes behind the app's back (same length, another picture).
    const other = readFileSync(join(FIXTURES, 'festival-pupils.jpg'));
    await db
      .collection('attachments.chunks')
      .updateOne({ files_id: fileId as never, n: 0 }, { $set: { data: other } });
    const bad = await api.call('admin', 'GET', `${agreementsPath}/${id}/verification`);
    expect(field(bad.body, 'ok')).toBe(false);
    expect(field<{ kind: string }[]>(bad.body, 'problems').map((p) => p.kind)).toContain(
      'attachment-mismatch',
    );
    expect((await api.call('admin', 'GET', `/api/v1/attachments/${fileId}`)).status).toBe(500);
    // Put it back, so the rest of the file reads a clean record.
    await db
      .collection('attachments.chunks')
      .updateOne({ files_id: fileId as never, n: 0 }, { $set: { data: photo } });
    expect(field((await api.call('admin', 'GET', `${agreementsPath}/${id}/verification`)).body, 'ok')).toBe(
      true,
    );
  });
});

describe('activities', () => {
  let activityId = '';
  it('the secretary records a youth exchange (201), everyone who may view reads it; its SHA-256 is in the history', async () => {
    const r = await api.call('secretary', 'POST', `${agreementsPath}/${id}/activities`, festival);
    expect(r.status).toBe(201);
    activityId = field<string>(r.body, 'id');
    expect(r.body).toMatchObject({ ...festival, status: 'done' });
    for (const who of ['moi', 'mfa', 'admin', 'secretary'] as const) {
      const list = await api.call(who, 'GET', `${agreementsPath}/${id}/activities`);
      expect(field<{ id: string }[]>(list.body, 'items').map((a) => a.id)).toEqual([activityId]);
    }
    const record = await api.services.repository.get(id);
    expect(record.history.at(-1)).toMatchObject({
      event: 'RECORD_ACTIVITY',
      detail: { code: 'activity', id: activityId },
    });
  });

  it('a report missing its summary, or ending before it starts, is refused 422 at its field, in Thai', async () => {
    const { summary, ...noSummary } = festival;
    void summary;
    for (const body of [noSummary, { ...festival, end: '2019-08-01' }]) {
      const r = await api.call('secretary', 'POST', `${agreementsPath}/${id}/activities`, body, {
        'accept-language': 'th',
      });
      expect(r.status).toBe(422);
      expect(field<string>(r.body, 'detail')).toMatch(/[\u0E00-\u0E7F]/);
    }
    const list = await api.call('secretary', 'GET', `${agreementsPath}/${id}/activities`);
    expect(field<unknown[]>(list.body, 'items')).toHaveLength(1);
  });

  it('a photo attached to the activity is listed with it; an unknown activity is 404', async () => {
    const r = await upload('secretary', photo, 'pupils.jpg', { activityId, kind: 'photo' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ activityId });
    const none = await upload('secretary', photo, 'pupils.jpg', {
      activityId: '00000000-0000-4000-8000-000000000000',
    });
    expect(none.status).toBe(404);
  });

  it('the record check covers activities: one changed behind the app is found', async () => {
    const db = api.db.connection.db;
    if (!db) throw new Error('no db');
    await db
      .collection('activities')
      .updateOne({ _id: activityId as never }, { $set: { 'participants.thai': 120 } });
    const bad = await api.call('admin', 'GET', `${agreementsPath}/${id}/verification`);
    expect(field<{ kind: string }[]>(bad.body, 'problems').map((p) => p.kind)).toContain('activity-mismatch');
    await db
      .collection('activities')
      .updateOne({ _id: activityId as never }, { $set: { 'participants.thai': 12 } });
  });

  it('another province’s secretary gets 404 on every attachment and activity route', async () => {
    const files = await api.call('admin', 'GET', `${agreementsPath}/${id}/attachments`);
    const fileId = field<{ id: string }[]>(files.body, 'items')[0]?.id ?? '';
    const calls: [string, string, unknown?][] = [
      ['GET', `${agreementsPath}/${id}/attachments`],
      ['GET', `/api/v1/attachments/${fileId}`],
      ['GET', `${agreementsPath}/${id}/activities`],
      ['POST', `${agreementsPath}/${id}/activities`, festival],
      ['GET', `${agreementsPath}/${id}/activities/${activityId}`],
      ['PUT', `${agreementsPath}/${id}/activities/${activityId}`, festival],
      ['GET', `${agreementsPath}/${id}/action-plan`],
    ];
    for (const [method, path, body] of calls) {
      const r = await api.call('foreign', method, path, body);
      expect({ path, method, status: r.status }).toEqual({ path, method, status: 404 });
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await upload('foreign', photo, 'x.jpg')).status).toBe(404);
  });
});
