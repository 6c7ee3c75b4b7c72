// The import's preview against a record: a file of another version or agreement is refused (the file's anchors and
// properties say which it is); the items taken become comments with their anchors, quotes and suggested wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentsToAdd, previewImport } from '../../../src/app/review-import';
import type { Agreement, AgreementContent } from '../../../src/domain';
import { isDomainError } from '../../../src/domain/errors';
import { fixtureInput } from '../../support/doc-inputs';

const DIR = join(__dirname, '..', '..', 'fixtures', 'word-in', 'annotated');
const file = readFileSync(join(DIR, 'mou-parallel.lo.docx'));
const input = fixtureInput('mou');
const content = input.content as AgreementContent;

/** Just what the preview reads of a record: its id, versions and comments. */
const record = (id: string, versions: number[]) =>
  ({
    id,
    versions: versions.map((no) => ({ no, content })),
    comments: [],
  }) as unknown as Agreement & { id: string };

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, en: e.userMessage.en };
    throw e;
  }
  throw new Error('not refused');
}

it('refuses the file as a copy of another version, or of another agreement (conflict)', async () => {
  expect(await refusal(previewImport(record('fixture-cm-sejong', [1, 2, 3]), 3, file))).toEqual({
    code: 'conflict',
    en: 'This file is version 2, not version 3, so it was not imported.',
  });
  expect(await refusal(previewImport(record('another', [1, 2]), 2, file))).toMatchObject({
    code: 'conflict',
  });
  expect(await refusal(previewImport(record('fixture-cm-sejong', [1, 2]), 4, file))).toMatchObject({
    code: 'not-found',
  });
});

it('turns the items taken into comments: anchors, quotes, replies and suggested wording', async () => {
  const p = await previewImport(record('fixture-cm-sejong', [1, 2]), 2, file);
  expect(p.proposed).toHaveLength(p.comments.length - 1 + p.suggestions.length);
  const all = commentsToAdd(p, [
    ...p.comments.map((_c, i) => `c${i + 1}`),
    ...p.suggestions.map((_s, i) => `s${i + 1}`),
  ]);
  expect(all).toHaveLength(p.comments.length + p.suggestions.length);
  const title = all.find((c) => c.text.en.includes('official English name'));
  expect(title?.anchor).toEqual({ kind: 'document' });
  const threaded = all.find((c) => c.text.th.includes('— Chiang Mai Province: '));
  expect(threaded?.anchor).toMatchObject({ kind: 'article', no: 1 });
  const replace = all.find((c) => c.suggestion?.en?.includes('costs'));
  expect(replace).toMatchObject({
    anchor: { kind: 'article', no: 5 },
    text: { en: 'Suggested wording (English): replace “expenses” with “costs”' },
    quote: { en: 'expenses' },
  });
  expect(() => commentsToAdd(p, ['c99'])).toThrow(/no item c99/);
});
