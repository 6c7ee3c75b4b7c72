// POST /api/v1/agreements/{id}/partner-text on the real database: the cleared MOU, edited by LibreOffice as the
// partner returns it, compared with the cleared text. An editorial change proposes AGREE_FINAL_TEXT; a changed
// duration proposes SUBMIT_PARTNER_CHANGES, the redline shows it, and the returned text taken as the working draft
// goes back to MFA. A file without our anchors is read by its headings. Nothing is stored by the comparison.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgreementRecord } from '../../../src/app/ports';
import { clearedSejong, secretary } from '../agreement-helpers';
import { parts } from '../../support/doc-xml';
import { annotated, postFile } from '../../support/word-files';
import { agreementsPath, startApi, story, type ApiApp } from './support';

jest.setTimeout(240_000);
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'word-in');

let api: ApiApp;
let dir: string;
let a: AgreementRecord;
let sent: Buffer;
beforeAll(async () => {
  api = await startApi({ gate: false });
  dir = await mkdtemp(join(tmpdir(), 'mou-partner-'));
  a = await clearedSejong(api.services.agreements);
  expect(a.state).toBe('partnerAgreement');
  sent = (
    await api.call('secretary', 'GET', `${agreementsPath}/${a.id}/versions/2/documents/mou?layout=parallel`)
  ).bytes;
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

/** The MOU as sent, with the partner's `changes` made in LibreOffice (tracked, as a partner returns it). */
async function edited(name: string, changes: unknown[]): Promise<Buffer> {
  const plan = {
    reviewer: { name: 'Sejong City', initials: 'SJ' },
    date: '2026-11-25T09:00:00',
    comments: [],
    changes,
  };
  return (await annotated(dir, name, sent, plan)).bytes;
}

const upload = (who: 'secretary' | 'mfa', file: Buffer, fields: Record<string, string> = {}) =>
  postFile(
    `${api.base}${agreementsPath}/${a.id}/partner-text`,
    { authorization: `Bearer ${api.token[who]}`, 'accept-language': 'en' },
    file,
    fields,
  );

interface Result {
  readBy: string;
  proposal: string;
  substantive: boolean;
  parts: {
    part: string;
    no?: number;
    key?: string;
    status: string;
    substantive: boolean;
    reasons: string[];
  }[];
  content: { articles: { no: number; key: string; text: { en: string } }[] };
}

it('the text as sent: nothing changed, agree the final text', async () => {
  const r = await upload('secretary', sent);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({
    readBy: 'bookmarks',
    proposal: 'AGREE_FINAL_TEXT',
    substantive: false,
    parts: [],
  });
});

it('reads a file without our anchors by its article headings', async () => {
  const r = await upload('secretary', await readFile(join(FIXTURES, 'no-bookmarks-sequential.docx')));
  expect(r.status).toBe(200);
  const body = r.body as Result;
  expect(body.readBy).toBe('headings');
  // Every article was found, paired with its cleared counterpart by its wording, and reads the same; the closing
  // there is the one printed at signing (its date and place filled in), which the cleared text leaves blank.
  expect(body.parts.filter((p) => p.part === 'article')).toEqual([]);
  expect(body.parts).toEqual([expect.objectContaining({ part: 'closing', reasons: ['dates', 'names'] })]);
  expect(body.content.articles.map((x) => x.key)).toEqual(story.draft2.articles.map((x) => x.key));
});

it('an editorial change proposes AGREE_FINAL_TEXT and names the article', async () => {
  const art7 = story.draft2.articles[6]!;
  const file = await edited('editorial', [{ replace: 'settled amicably', with: 'resolved amicably' }]);
  const r = (await upload('secretary', file)).body as Result;
  expect(r.proposal).toBe('AGREE_FINAL_TEXT');
  expect(r.parts).toEqual([
    expect.objectContaining({
      part: 'article',
      no: 7,
      key: art7.key,
      status: 'changed',
      substantive: false,
      reasons: ['wording'],
    }),
  ]);
});

it('a changed duration proposes SUBMIT_PARTNER_CHANGES; the redline shows it; taken as the draft it goes back to MFA', async () => {
  const art9 = story.draft2.articles[8]!;
  const file = await edited('substantive', [{ replace: 'five (5) years', with: 'three (3) years' }]);
  const r = await upload('secretary', file);
  const body = r.body as Result;
  expect(body.proposal).toBe('SUBMIT_PARTNER_CHANGES');
  expect(body.parts).toEqual([
    expect.objectContaining({ no: 9, key: art9.key, substantive: true, reasons: ['numbers'] }),
  ]);
  expect(body.content.articles[8]?.text.en).toContain('three (3) years');
  expect(body.content.articles.map((x) => x.key)).toEqual(story.draft2.articles.map((x) => x.key));

  const redline = await upload('secretary', file, { format: 'redline' });
  expect(redline.status).toBe(200);
  expect(redline.headers.get('content-disposition')).toMatch(/attachment; filename=.*partner-text\.docx/);
  const xml = parts(redline.bytes).get('word/document.xml') ?? '';
  expect(xml).toMatch(/<w:del [^>]*w:author="Sejong[^"]*"[^>]*>.*?five/s);
  expect(xml).toMatch(/<w:ins [^>]*>.*?three/s);

  // Nothing was stored by the comparison.
  const now = await api.services.agreements.get(secretary, a.id);
  expect(now.rev).toBe(a.rev);
  const put = await api.call('secretary', 'PUT', `${agreementsPath}/${a.id}/content`, {
    expectedRev: now.rev,
    content: body.content,
  });
  expect(put.status).toBe(200);
  const sentOn = await api.call('secretary', 'POST', `${agreementsPath}/${a.id}/events`, {
    event: { type: 'SUBMIT_PARTNER_CHANGES' },
    expectedRev: (put.body as { rev: number }).rev,
  });
  expect(sentOn.status).toBe(200);
  expect((await api.services.agreements.get(secretary, a.id)).state).toBe('mfaReview');
});

it('is for the province’s secretary: MFA is refused (403)', async () => {
  expect((await upload('mfa', sent)).status).toBe(403);
});
