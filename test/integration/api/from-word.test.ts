// POST /api/v1/agreements/from-word: a new draft from a Word file over HTTP, on the real database; bad files are
// refused in the caller's language and nothing is stored.
import { renderDocument } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { agreementsPath, field, startApi, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const path = `${agreementsPath}/from-word`;

async function upload(
  who: Who,
  file: Buffer | undefined,
  fields: Record<string, string | string[]> = { partner: 'sejong' },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x);
  if (file) form.append('file', new Blob([new Uint8Array(file)], { type: DOCX }), 'mou.docx');
  const res = await fetch(api.base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token[who]}`, accept: 'application/json', ...headers },
    body: form,
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: JSON.parse(text) as unknown,
    res,
  };
}

const stored = () => api.services.repository.count({});

describe('POST /api/v1/agreements/from-word', () => {
  it('makes a draft of the file’s articles, title, preamble and closing, the parties from the gazetteer', async () => {
    const input = fixtureInput('mou', 'separate');
    const { buffer } = await renderDocument(input);
    const before = await stored();
    const r = await upload('secretary', buffer, { partner: 'sejong', areas: ['tourism', 'culture'] });
    expect(r.status).toBe(201);
    const id = field<string>(r.body, 'agreement', 'id');
    expect(r.res.headers.get('location')).toBe(`${agreementsPath}/${id}`);
    expect(field(r.body, 'report', 'layout')).toBe('separate');
    expect(field(r.body, 'report', 'notes')).toEqual([]);
    const draft = (
      await api.services.agreements.get(
        { userId: api.userId.secretary, name: 's', role: 'secretary', province: 'chiang-mai' },
        id,
      )
    ).workingDraft;
    expect(draft.articles.map(({ no, heading, text }) => ({ no, heading, text }))).toEqual(
      input.content.articles.map(({ no, heading, text }) => ({ no, heading, text })),
    );
    expect(draft.title).toEqual(input.content.title);
    expect(draft.preamble).toEqual(input.content.preamble);
    expect(draft.closing?.en).toMatch(/^Signed in duplicate at Chiang Mai on 24 August 2022/);
    // "ความร่วมมือลักษณะหุ้นส่วน" / "Partnership Cooperation" in the title.
    expect(draft.kind).toBe('partnership');
    expect(draft.areas).toEqual(['tourism', 'culture']);
    expect(draft.parties.thai.name.en).toBe('Chiang Mai Province');
    expect(draft.parties.partner.name.en).toMatch(/Sejong/);
    expect(await stored()).toBe(before + 1);
    expect((await api.call('secretary', 'GET', `${agreementsPath}/${id}`)).status).toBe(200);
  });

  it.each([
    ['not a zip', Buffer.from('this is plain text, not a Word file'), 400, 'ไม่ใช่เอกสาร Word'],
    [
      'a zip with no Word document in it',
      Buffer.from('504b0506' + '00'.repeat(18), 'hex'),
      400,
      'ไม่ใช่เอกสาร Word',
    ],
  ])(
    'refuses %s with problem+json in the caller’s language, and stores nothing',
    async (_n, bytes, status, th) => {
      const before = await stored();
      const r = await upload('secretary', bytes, { partner: 'sejong' }, { 'accept-language': 'th' });
      expect(r.status).toBe(status);
      expect(r.type).toMatch(/^application\/problem\+json/);
      expect(field<string>(r.body, 'detail')).toContain(th);
      expect(await stored()).toBe(before);
    },
  );

  it('refuses a file over the upload limit with 413, and stores nothing', async () => {
    const before = await stored();
    const r = await upload('secretary', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(r.status).toBe(413);
    expect(field<string>(r.body, 'detail')).toMatch(/20 MB/);
    expect(await stored()).toBe(before);
  });

  it('refuses a Word file with no articles (422), no file or two (400), a reviewer (403), no partner (422)', async () => {
    const before = await stored();
    const { buffer: memo } = await renderDocument(fixtureInput('memo'));
    const none = await upload('secretary', memo, { partner: 'sejong' }, { 'accept-language': 'en' });
    expect(none.status).toBe(422);
    expect(field<string>(none.body, 'detail')).toMatch(/No articles were found/);
    expect((await upload('secretary', undefined)).status).toBe(400);
    const json = await api.call('secretary', 'POST', path, { partner: 'sejong' });
    expect(json.status).toBe(400);
    const { buffer } = await renderDocument(fixtureInput('mou'));
    expect((await upload('mfa', buffer)).status).toBe(403);
    const two = new FormData();
    two.append('partner', 'sejong');
    for (const n of ['a.docx', 'b.docx'])
      two.append('file', new Blob([new Uint8Array(buffer)], { type: DOCX }), n);
    const twice = await fetch(api.base + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token.secretary}`, 'accept-language': 'en' },
      body: two,
    });
    expect(twice.status).toBe(400);
    const noPartner = await upload('secretary', buffer, {});
    expect(noPartner.status).toBe(422);
    expect(await stored()).toBe(before);
  });
});
