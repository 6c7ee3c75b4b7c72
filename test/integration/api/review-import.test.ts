// POST /api/v1/agreements/{id}/versions/{n}/imports on the real database: our review copy, annotated by real
// LibreOffice (comments, a reply, a resolved comment, tracked changes in Thai and English), comes back as comments on
// the right articles; confirmed, they are recorded with the file's SHA-256 and printed in the next review copy.
// Hostile and foreign files are refused with problem+json, nothing stored, and the app keeps answering.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AgreementRecord } from '../../../src/app/ports';
import { writeZip, zipEntry } from '../../../src/documents/zip';
import { mfaReviewer, walk, TO_MFA, secretary } from '../agreement-helpers';
import { agreementsPath, startApi, story, type ApiApp } from './support';
import { parts } from '../../support/doc-xml';
import { annotated as annotatedBy, postFile } from '../../support/word-files';

jest.setTimeout(240_000);

let api: ApiApp;
let dir: string;
beforeAll(async () => {
  api = await startApi({ gate: false });
  dir = await mkdtemp(join(tmpdir(), 'mou-import-'));
});
afterAll(async () => {
  await api.close();
  await rm(dir, { recursive: true, force: true });
});

/** An agreement under MFA review, with two of the fixture's comments already on record. */
async function underReview(): Promise<AgreementRecord> {
  const s = api.services.agreements;
  let a = await s.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  a = await walk(s, a, TO_MFA);
  for (const c of story.comments.slice(0, 2))
    a = await s.addComment(mfaReviewer, a.id, a.rev, { anchor: c.anchor, text: c.text });
  return a;
}

/** A multipart POST as `who`, like a browser or curl -F sends it. */
const upload = (
  who: 'mfa' | 'secretary' | 'foreign',
  path: string,
  file: Buffer | undefined,
  fields: Record<string, string> = {},
  lang = 'en',
) =>
  postFile(
    api.base + path,
    { authorization: `Bearer ${api.token[who]}`, 'accept-language': lang },
    file,
    fields,
  );

/** The first window of `len` characters of `text` that occurs once in the whole document's wording. */
function uniquePhrase(text: string, everything: string, len: number, from = 0): string {
  for (let i = from; i + len <= text.length; i++) {
    const p = text.slice(i, i + len);
    if (p.trim() === p && !p.includes('\n') && everything.split(p).length === 2) return p;
  }
  throw new Error(`no unique phrase in ${text.slice(0, 40)}`);
}

const importsPath = (id: string, n = 1) => `${agreementsPath}/${id}/versions/${n}/imports`;

interface Preview {
  fileSha256: string;
  placedBy: string;
  comments: {
    id: string;
    anchor: { kind: string; no?: number; key?: string };
    lang?: string;
    text: string;
    quote?: string;
    resolved?: boolean;
    replies?: { author: string; text: string }[];
  }[];
  suggestions: {
    id: string;
    anchor: { kind: string; no?: number; key?: string };
    lang: string;
    kind: string;
    before?: string;
    after?: string;
    wording: string;
  }[];
  unplaced: unknown[];
  alreadyRecorded: number;
  proposed: string[];
}

describe('a review copy annotated by LibreOffice', () => {
  let a: AgreementRecord;
  let annotated: Buffer;
  const content = story.draft1;
  const everything = [
    content.title.th,
    content.title.en,
    content.preamble.th,
    content.preamble.en,
    ...content.articles.flatMap((x) => [x.heading.th, x.heading.en, x.text.th, x.text.en]),
    ...story.comments.flatMap((c) => [c.text.th, c.text.en]),
  ].join('\n');
  const [a5, a2, a3, a4] = [
    content.articles[0]!,
    content.articles[1]!,
    content.articles[2]!,
    content.articles[3]!,
  ];
  const thPhrase = uniquePhrase(a3.text.th, everything, 12);
  const enPhrase = uniquePhrase(a4.text.en, everything, 18);
  const enResolved = uniquePhrase(a2.text.en, everything, 16);
  const enWord = uniquePhrase(a5.text.en, everything, 10, 5);
  const thAfter = uniquePhrase(a2.text.th, everything, 8);

  beforeAll(async () => {
    a = await underReview();
    const copy = await api.call(
      'mfa',
      'GET',
      `${agreementsPath}/${a.id}/versions/1/documents/review?layout=parallel`,
    );
    expect(copy.status).toBe(200);
    const plan = {
      reviewer: { name: 'MFA Treaties Division', initials: 'MFA' },
      date: '2026-11-20T10:00:00',
      comments: [
        { id: 'k1', find: thPhrase, text: 'ขอให้ใช้ถ้อยคำตามแบบของกระทรวง' },
        { reply_to: 'k1', author: 'Chiang Mai Province', initials: 'CM', text: 'รับไปแก้ไขแล้ว' },
        { id: 'k2', find: enPhrase, text: 'Please align this sentence with the Thai text.' },
        { id: 'k3', find: enResolved, text: 'Already settled at the meeting.', resolved: true },
      ],
      changes: [
        { replace: enWord, with: 'REPLACED WORDS' },
        { insert: 'อย่างใกล้ชิด', after: thAfter },
      ],
    };
    annotated = (await annotatedBy(dir, 'review', copy.bytes, plan)).bytes;
  });

  it('previews every comment and change on its article and language, stores nothing', async () => {
    const before = await api.services.agreements.get(mfaReviewer, a.id);
    const r = await upload('mfa', importsPath(a.id), annotated);
    expect(r.status).toBe(200);
    const p = r.body as Preview;
    expect(p.placedBy).toBe('bookmarks');
    expect(p.alreadyRecorded).toBe(2);
    expect(p.unplaced).toEqual([]);
    const byQuote = (q: string) => p.comments.find((c) => c.quote === q);
    expect(byQuote(thPhrase)).toMatchObject({
      anchor: { kind: 'article', no: a3.no, key: a3.key },
      lang: 'th',
      text: 'ขอให้ใช้ถ้อยคำตามแบบของกระทรวง',
      replies: [{ author: 'Chiang Mai Province', text: 'รับไปแก้ไขแล้ว' }],
    });
    expect(byQuote(enPhrase)).toMatchObject({
      anchor: { kind: 'article', no: a4.no, key: a4.key },
      lang: 'en',
    });
    expect(byQuote(enResolved)).toMatchObject({ anchor: { key: a2.key }, resolved: true });
    expect(p.comments).toHaveLength(3);
    expect(p.suggestions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          anchor: { kind: 'article', no: a5.no, key: a5.key },
          lang: 'en',
          kind: 'replace',
          before: enWord,
          after: 'REPLACED WORDS',
        }),
        expect.objectContaining({
          anchor: { kind: 'article', no: a2.no, key: a2.key },
          lang: 'th',
          kind: 'insert',
          after: 'อย่างใกล้ชิด',
        }),
      ]),
    );
    expect(p.suggestions.every((s) => s.kind !== 'untracked')).toBe(true);
    // The resolved comment is not proposed; everything else is.
    const resolvedId = byQuote(enResolved)!.id;
    expect(p.proposed).not.toContain(resolvedId);
    expect(p.proposed).toHaveLength(4);
    const after = await api.services.agreements.get(mfaReviewer, a.id);
    expect(after.rev).toBe(before.rev);
    expect(after.comments).toHaveLength(2);
  });

  it('refuses the file for another agreement (409, in Thai), and a secretary may not import', async () => {
    const other = await underReview();
    const r = await upload('mfa', importsPath(other.id), annotated, {}, 'th');
    expect(r.status).toBe(409);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect((r.body as { detail: string }).detail).toContain('ฉบับอื่น');
    expect((await upload('secretary', importsPath(a.id), annotated)).status).toBe(403);
    expect((await upload('foreign', importsPath(a.id), annotated)).status).toBe(404);
  });

  it('records what is confirmed with the file SHA-256; the next review copy prints it as Word comments', async () => {
    const r0 = await api.services.agreements.get(mfaReviewer, a.id);
    const preview = (await upload('mfa', importsPath(a.id), annotated)).body as Preview;
    const take = preview.proposed.filter((x) => x !== 's2');
    const r = await upload('mfa', importsPath(a.id), annotated, {
      confirm: 'true',
      expectedRev: String(r0.rev),
      take: take.join(','),
    });
    expect(r.status).toBe(201);
    const added = (r.body as { added: { id: string; text: { th: string }; anchor: { key?: string } }[] })
      .added;
    expect(added).toHaveLength(3);
    const record = await api.services.agreements.get(mfaReviewer, a.id);
    const entry = record.history.at(-1)!;
    expect(entry.event).toBe('IMPORT_REVIEW');
    expect(entry.detail).toEqual({
      code: 'import',
      fileSha256: preview.fileSha256,
      comments: added.map((c) => c.id),
    });
    expect(record.comments).toHaveLength(5);
    const verification = await api.call('mfa', 'GET', `${agreementsPath}/${a.id}/verification`);
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ ok: true, problems: [] });

    // A stale rev is refused and adds nothing.
    const stale = await upload('mfa', importsPath(a.id), annotated, {
      confirm: 'true',
      expectedRev: String(r0.rev),
    });
    expect(stale.status).toBe(409);
    expect((await api.services.agreements.get(mfaReviewer, a.id)).comments).toHaveLength(5);

    const copy = await api.call(
      'mfa',
      'GET',
      `${agreementsPath}/${a.id}/versions/1/documents/review?layout=parallel`,
    );
    const comments = parts(copy.bytes).get('word/comments.xml') ?? '';
    expect(comments).toContain('ขอให้ใช้ถ้อยคำตามแบบของกระทรวง');
    expect(comments).toContain('รับไปแก้ไขแล้ว');
    expect(comments).toContain('Please align this sentence with the Thai text.');
    expect(comments).toContain('REPLACED WORDS');
    // Imported again, the next copy's comments are all on record already.
    const again = (await upload('mfa', importsPath(a.id), copy.bytes)).body as Preview;
    expect(again.alreadyRecorded).toBe(5);
    expect(again.comments).toEqual([]);
  });
});

describe('hostile and wrong files', () => {
  let a: AgreementRecord;
  beforeAll(async () => {
    a = await underReview();
  });

  const refusedAndNothingStored = async (r: { status: number; headers: Headers }, status: number) => {
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await api.services.agreements.get(mfaReviewer, a.id)).rev).toBe(a.rev);
    expect((await api.call('mfa', 'GET', '/api/v1/me')).status).toBe(200);
  };

  it('refuses not a zip, an empty form, a .docm, an encrypted file, a DOCTYPE, a zip bomb, an oversized file', async () => {
    const docx = (name: string, data: string | Buffer) =>
      writeZip([
        zipEntry(
          '[Content_Types].xml',
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
        zipEntry(name, data),
      ]);
    await refusedAndNothingStored(
      await upload('mfa', importsPath(a.id), Buffer.from('not a zip at all')),
      400,
    );
    await refusedAndNothingStored(
      await upload('mfa', importsPath(a.id), undefined, { confirm: 'true' }),
      400,
    );
    await refusedAndNothingStored(
      await upload('mfa', importsPath(a.id), docx('word/vbaProject.bin', 'x')),
      400,
    );
    // An encrypted Word file is an OLE compound file, not a zip.
    const ole = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096, 0)]);
    const encrypted = await upload('mfa', importsPath(a.id), ole);
    await refusedAndNothingStored(encrypted, 400);
    expect((encrypted.body as { detail: string }).detail).toMatch(/encrypt|password/i);
    await refusedAndNothingStored(
      await upload(
        'mfa',
        importsPath(a.id),
        docx('word/document.xml', '<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document>&a;</w:document>'),
      ),
      400,
    );
    await refusedAndNothingStored(
      await upload('mfa', importsPath(a.id), docx('word/document.xml', 'a'.repeat(5_000_000))),
      400,
    );
    const th = await upload('mfa', importsPath(a.id), Buffer.from('not a zip at all'), {}, 'th');
    expect((th.body as { detail: string }).detail).toMatch(/[\u0E00-\u0E7F]/);
    await refusedAndNothingStored(
      await upload('mfa', importsPath(a.id), Buffer.alloc(21 * 1024 * 1024, 1)),
      413,
    );
  });

  it('refuses a version the agreement does not have (404); the sequential copy imports too', async () => {
    const copy = await api.call(
      'mfa',
      'GET',
      `${agreementsPath}/${a.id}/versions/1/documents/review?layout=sequential`,
    );
    expect((await upload('mfa', importsPath(a.id, 2), copy.bytes)).status).toBe(404);
    const seq = await upload('mfa', importsPath(a.id), copy.bytes);
    expect(seq.status).toBe(200);
    expect((seq.body as Preview).alreadyRecorded).toBe(2);
  });

  it('never answers 5xx to mutated .docx bytes, and stores nothing', async () => {
    const copy = (
      await api.call('mfa', 'GET', `${agreementsPath}/${a.id}/versions/1/documents/review?layout=parallel`)
    ).bytes;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: copy.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.nat({ max: copy.length }),
        async (flips, cut) => {
          const bytes = Buffer.from(copy.subarray(0, Math.max(cut, 64)));
          for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
          const r = await upload('mfa', importsPath(a.id), bytes);
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    expect((await api.services.agreements.get(mfaReviewer, a.id)).rev).toBe(a.rev);
  });
});
