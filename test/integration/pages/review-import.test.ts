// The review page's Word import on the real database: MFA uploads the draft MOU as LibreOffice annotated it, sees
// the comment and the change on their articles in Thai, takes one, and finds it on the review page and in the history.
// A second confirmation of the same upload is refused in the person's language and stores nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotated as annotatedBy } from '../../support/word-files';
import { place, startPages, story, type PagesApp } from './support';

jest.setTimeout(240_000);

let app: PagesApp;
let dir: string;
beforeAll(async () => {
  app = await startPages();
  dir = await mkdtemp(join(tmpdir(), 'mou-page-import-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

it('uploads, previews in Thai, takes the chosen item, records it; the used upload cannot be confirmed again', async () => {
  const r = await place(app, 'mfaReview');
  const mfa = await app.login('mfa');
  const review = await (await mfa.get(`/agreements/${r.id}/review`)).text();
  const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data">/.exec(review)?.[1];
  expect(action).toMatch(new RegExp(`^/agreements/${r.id}/versions/1/imports\\?_csrf=`));
  // A secretary's review page has no import form.
  const sec = await app.login('secretary');
  expect(await (await sec.get(`/agreements/${r.id}/review`)).text()).not.toContain(
    'enctype="multipart/form-data"',
  );

  // Before any comment the draft MOU MOI forwarded is what MFA annotates (a review copy needs comments).
  const copy = await mfa.get(`/agreements/${r.id}/documents/1/mou?layout=sequential`);
  expect(copy.status).toBe(200);
  const a2 = r.versions[0]!.content.articles[1]!;
  const a4 = r.versions[0]!.content.articles[3]!;
  const plan = {
    reviewer: { name: 'MFA Treaties Division', initials: 'MFA' },
    date: '2026-11-21T09:00:00',
    comments: [{ id: 'k1', find: a2.text.th.slice(0, 10), text: 'ขอให้ระบุสาขาให้ชัดเจน' }],
    changes: [{ insert: ' promptly', after: a4.text.en.slice(0, 12) }],
  };
  const { bytes: annotated } = await annotatedBy(dir, 'review', Buffer.from(await copy.arrayBuffer()), plan);

  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(annotated)]), 'review-returned.docx');
  const preview = await mfa.postMultipart(action!, form);
  expect(preview.status).toBe(200);
  const html = await preview.text();
  expect(html).toContain('ขอให้ระบุสาขาให้ชัดเจน');
  expect(html).toContain(`ข้อ ${a2.no}`);
  expect(html).toContain('เพิ่ม: <ins lang="en"> promptly</ins>');
  expect(await app.service().get(app.actor.mfa, r.id)).toMatchObject({ rev: r.rev, comments: [] });

  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(token && csrf).toBeTruthy();
  const confirm = `/agreements/${r.id}/versions/1/imports/confirm`;
  const done = await mfa.postForm(confirm, {
    _csrf: csrf!,
    token: token!,
    expectedRev: String(r.rev),
    take: ['c1'],
  });
  expect(done.status).toBe(303);
  const after = await app.service().get(app.actor.mfa, r.id);
  expect(after.comments.map((c) => [c.anchor, c.text.th])).toEqual([
    [{ kind: 'article', no: a2.no, key: a2.key }, 'ขอให้ระบุสาขาให้ชัดเจน'],
  ]);
  const page = await (await mfa.get(`/agreements/${r.id}/review`)).text();
  expect(page).toContain('เพิ่มข้อสังเกตจากไฟล์ Word แล้ว 1 รายการ');
  const show = await (await mfa.get(`/agreements/${r.id}`)).text();
  expect(show).toContain('นำเข้าไฟล์ Word ของผู้พิจารณา');

  // The token was used: confirming again is refused, in Thai, and adds nothing.
  const again = await mfa.postForm(confirm, {
    _csrf: csrf!,
    token: token!,
    expectedRev: String(after.rev),
    take: ['s1'],
  });
  expect(again.status).toBe(404);
  expect(await again.text()).toContain('กรุณาอัปโหลดอีกครั้ง');
  expect((await app.service().get(app.actor.mfa, r.id)).comments).toHaveLength(1);
  expect(story.comments.length).toBeGreaterThan(0);
});
