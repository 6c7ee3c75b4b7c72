// The agreement page's "partner's returned text" on the real database: the secretary uploads the cleared MOU as the
// partner edited it in LibreOffice, reads the changed article (substantive) and the proposal in Thai, downloads the
// redline, and takes the text as the working draft.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parts } from '../../support/doc-xml';
import { annotated } from '../../support/word-files';
import { place, startPages, type PagesApp } from './support';

jest.setTimeout(240_000);

let app: PagesApp;
let dir: string;
beforeAll(async () => {
  app = await startPages();
  dir = await mkdtemp(join(tmpdir(), 'mou-page-partner-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

it('compares, proposes in Thai, gives the redline, and takes the partner’s text as the working draft', async () => {
  const r = await place(app, 'partnerAgreement');
  const sec = await app.login('secretary');
  const page = await (await sec.get(`/agreements/${r.id}`)).text();
  const action =
    /<form method="post" action="([^"]+\/partner-text\?_csrf=[^"]+)" enctype="multipart\/form-data">/.exec(
      page,
    )?.[1];
  expect(action).toBeDefined();
  // MFA's page has no such form.
  const mfa = await app.login('mfa');
  expect(await (await mfa.get(`/agreements/${r.id}`)).text()).not.toContain('/partner-text?');

  const n = r.versions.length;
  const copy = Buffer.from(
    await (await sec.get(`/agreements/${r.id}/documents/${n}/mou?layout=parallel`)).arrayBuffer(),
  );
  const a1 = r.versions[n - 1]!.content.articles[0]!;
  const returned = await annotated(dir, 'partner', copy, {
    reviewer: { name: 'Sejong City', initials: 'SJ' },
    date: '2026-11-25T09:00:00',
    comments: [],
    changes: [{ replace: 'shall', in: a1.text.en.slice(0, 40), with: 'may' }],
  });

  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(returned.bytes)]), 'returned.docx');
  const result = await sec.postMultipart(action!, form);
  expect(result.status).toBe(200);
  const html = await result.text();
  expect(html).toContain('ข้อเสนอ: ส่งข้อแก้ไขของเมืองคู่ภาคีให้กระทรวงการต่างประเทศพิจารณา');
  expect(html).toMatch(/<th scope="row">ข้อ 1<br>/);
  expect(html).toContain('ข้อผูกพันของภาคี');
  expect((await app.service().get(app.actor.secretary, r.id)).rev).toBe(r.rev);

  const redlineHref = /href="(\/agreements\/[^"]+\/partner-text\/[^"]+\/redline)"/.exec(html)?.[1];
  const redline = await sec.get(redlineHref!);
  expect(redline.status).toBe(200);
  const xml = parts(Buffer.from(await redline.arrayBuffer())).get('word/document.xml') ?? '';
  expect(xml).toMatch(/<w:del [^>]*>.*?shall/s);

  const take = /action="(\/agreements\/[^"]+\/take)"/.exec(html)?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const done = await sec.postForm(take!, { _csrf: csrf!, expectedRev: String(r.rev) });
  expect(done.status).toBe(303);
  const after = await app.service().get(app.actor.secretary, r.id);
  expect(after.workingDraft.articles[0]?.text.en).toContain('Parties may establish');
  expect(after.history.at(-1)?.event).toBe('EDIT_CONTENT');
  expect(await (await sec.get(`/agreements/${r.id}`)).text()).toContain(
    'ข้อความของเมืองคู่ภาคีเป็นร่างที่กำลังแก้ไขแล้ว',
  );
});
