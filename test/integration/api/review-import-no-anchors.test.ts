// POST /api/v1/agreements/{id}/versions/{n}/imports with a reviewer's file that carries none of our anchors (draft 2
// of Chiang Mai–Sejong, annotated by real LibreOffice): placed by its wording, every item on version 2, the preview
// saying which version the wording matches and how sure; posted to version 1, it stays there and says it matches 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementRecord } from '../../../src/app/ports';
import { ImportPreviewSchema, type ImportPreviewView } from '../../../src/http/api/import-views';
import { mfaReviewer, secretary, TO_MFA, walk } from '../agreement-helpers';
import { postFile } from '../../support/word-files';
import { agreementsPath, startApi, story, type ApiApp } from './support';

jest.setTimeout(120_000);

const FILE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'word-in', 'annotated', 'mou-parallel.no-anchors.lo.docx'),
);

let api: ApiApp;
let a: AgreementRecord;

/** Replayed to draft 2 under MFA review: one comment returned, draft 2 saved and answered, resubmitted. */
async function atDraft2(): Promise<AgreementRecord> {
  const s = api.services.agreements;
  let r = await s.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  r = await walk(s, r, TO_MFA);
  r = await s.addComment(mfaReviewer, r.id, r.rev, {
    anchor: { kind: 'document' },
    text: story.comments[0]!.text,
  });
  r = await walk(s, r, [[mfaReviewer, { type: 'RETURN_WITH_COMMENTS' }]]);
  r = await s.updateContent(secretary, r.id, r.rev, story.draft2);
  for (const c of r.comments)
    r = await s.answerComment(secretary, r.id, r.rev, c.id, {
      status: 'accepted',
      response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
    });
  return walk(s, r, [[secretary, { type: 'RESUBMIT' }]]);
}

beforeAll(async () => {
  api = await startApi({ gate: false });
  a = await atDraft2();
});
afterAll(() => api.close());

const post = (n: number, fields: Record<string, string> = {}) =>
  postFile(
    `${api.base}${agreementsPath}/${a.id}/versions/${n}/imports`,
    { authorization: `Bearer ${api.token.mfa}`, 'accept-language': 'en' },
    FILE,
    fields,
  );

it('places every item on version 2 by its wording, says it matches version 2, and adds them when confirmed', async () => {
  expect(a.versions.map((v) => v.no)).toEqual([1, 2]);
  const r = await post(2);
  expect(r.status).toBe(200);
  const p = r.body as ImportPreviewView;
  // Built from its schema: parsing it again (which drops unknown fields at every level) changes nothing.
  expect(ImportPreviewSchema.parse(p)).toEqual(p);
  expect(p).toMatchObject({ versionNo: 2, placedBy: 'text', unplaced: [] });
  expect(p.comments).toHaveLength(6);
  expect(p.suggestions).toHaveLength(6);
  expect(p.match?.best).toMatchObject({ versionNo: 2, share: 1 });
  expect(p.match?.runnerUp?.versionNo).toBe(1);
  const keys = new Set(a.versions[1]!.content.articles.map((x) => x.key));
  for (const item of [...p.comments, ...p.suggestions])
    if (item.anchor.kind === 'article') expect(keys.has(item.anchor.key ?? '')).toBe(true);

  const done = await post(2, { confirm: 'true', expectedRev: String(a.rev) });
  expect(done.status).toBe(201);
  expect((done.body as { added: unknown[] }).added).toHaveLength(p.proposed.length);
});

it('posted to version 1, stays on version 1 and says the wording matches version 2 better', async () => {
  const r = await post(1);
  expect(r.status).toBe(200);
  const p = r.body as ImportPreviewView;
  expect(p.versionNo).toBe(1);
  expect(p.match?.best.versionNo).toBe(2);
  expect(p.unplaced.length).toBeGreaterThan(0);
});
