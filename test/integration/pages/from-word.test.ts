// The new-agreement page's Word upload: the draft opens in the editor with the report at the top; a bad file is
// shown on the form in the person's language, and nothing is stored.
import { renderDocument } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { formTokens, startPages, type Client, type PagesApp } from './support';

let app: PagesApp;
beforeAll(async () => {
  app = await startPages();
});
afterAll(async () => app.close());

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A multipart form post as the browser sends it (the form token in the action URL), with the client's cookies. */
async function postUpload(
  c: Client,
  csrf: string | undefined,
  fields: Record<string, string>,
  file?: Buffer,
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file)], { type: DOCX }), 'mou.docx');
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const query = csrf === undefined ? '' : `?_csrf=${encodeURIComponent(csrf)}`;
  return fetch(`${app.base}/agreements/from-word${query}`, {
    method: 'POST',
    headers: { cookie },
    body: form,
    redirect: 'manual',
  });
}

const stored = async () => (await app.service().list(app.actor.admin)).length;

describe('New agreement from a Word file', () => {
  it('offers the upload on the new-agreement page, opens the editor with the report once, and keeps the text', async () => {
    const c = await app.login('secretary');
    const { _csrf, html } = await formTokens(c, '/agreements/new');
    expect(html).toContain(
      `<form method="post" action="/agreements/from-word?_csrf=${_csrf}" enctype="multipart/form-data"`,
    );
    const input = fixtureInput('mou', 'sequential');
    const { buffer } = await renderDocument(input);
    const res = await postUpload(c, _csrf, { partner: 'sejong' }, buffer);
    expect(res.status).toBe(303);
    const to = res.headers.get('location') ?? '';
    expect(to).toMatch(/^\/agreements\/[^/]+\/edit$/);
    const editor = await (await c.get(to)).text();
    expect(editor).toContain('ผลการอ่านไฟล์ Word');
    expect(editor).toContain('รูปแบบ: ภาษาไทยแล้วตามด้วยภาษาอังกฤษ');
    expect(editor).toContain('จัดทำร่างจากไฟล์ Word แล้ว');
    for (const a of input.content.articles) expect(editor).toContain(a.heading.en);
    // Shown once: the next visit to the editor is the plain editor.
    expect(await (await c.get(to)).text()).not.toContain('ผลการอ่านไฟล์ Word');
  });

  it('shows a file that is not a Word document on the form, in the person’s language, and stores nothing', async () => {
    const c = await app.login('secretary');
    const { _csrf } = await formTokens(c, '/agreements/new');
    const before = await stored();
    const res = await postUpload(c, _csrf, { partner: 'sejong' }, Buffer.from('not a zip at all'));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('ไฟล์นี้ไม่ใช่เอกสาร Word (.docx) ที่อ่านได้');
    expect(html).toMatch(/enctype="multipart\/form-data"/);
    expect(await stored()).toBe(before);
  });

  it('refuses an upload without the form token (403), and stores nothing', async () => {
    const c = await app.login('secretary');
    const before = await stored();
    const { buffer } = await renderDocument(fixtureInput('mou'));
    expect(
      (
        await postUpload(
          c,
          undefined,
          { partner: 'sejong', _csrf: 'in the body, where it is not read' },
          buffer,
        )
      ).status,
    ).toBe(403);
    expect(await stored()).toBe(before);
  });
});
