// The import's preview against a record: a file of another version or agreement is refused (the file's anchors and
// properties say which it is); the items taken become comments with their anchors, quotes and suggested wording.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commentsToAdd,
  previewImport,
  readReviewUpload,
  type ImportTarget,
} from '../../../src/app/review-import';
import type { AgreementContent } from '../../../src/domain';
import { isDomainError } from '../../../src/domain/errors';
import { fixtureInput } from '../../support/doc-inputs';
import { chiangMaiSejong } from '../../support/fixtures';
import { withoutAnchors } from '../../fixtures/word-in/annotated/make/no-anchors';

const DIR = join(__dirname, '..', '..', 'fixtures', 'word-in', 'annotated');
const bytes = readFileSync(join(DIR, 'mou-parallel.lo.docx'));
const input = fixtureInput('mou');
const content = input.content as AgreementContent;

/** Just what the preview reads of a record: its id, versions and comments. */
const record = (id: string, versions: number[]) =>
  ({
    id,
    versions: versions.map((no) => ({ no, content })),
    comments: [],
  }) satisfies ImportTarget;

async function refusal(p: () => unknown) {
  try {
    p();
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, en: e.userMessage.en };
    throw e;
  }
  throw new Error('not refused');
}

it('refuses the file as a copy of another version, or of another agreement (conflict)', async () => {
  const file = await readReviewUpload(bytes);
  expect(await refusal(() => previewImport(record('fixture-cm-sejong', [1, 2, 3]), 3, file))).toEqual({
    code: 'conflict',
    en: 'This file is version 2, not version 3, so it was not imported.',
  });
  expect(await refusal(() => previewImport(record('another', [1, 2]), 2, file))).toMatchObject({
    code: 'conflict',
  });
  expect(await refusal(() => previewImport(record('fixture-cm-sejong', [1, 2]), 4, file))).toMatchObject({
    code: 'not-found',
  });
});

it('turns the items taken into comments: anchors, quotes, replies and suggested wording', async () => {
  const p = previewImport(record('fixture-cm-sejong', [1, 2]), 2, await readReviewUpload(bytes));
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

describe('a file without our anchors (draft 2, annotated by LibreOffice)', () => {
  const story = chiangMaiSejong();
  const sejong = {
    versions: [
      { no: 1, content: story.draft1 },
      { no: 2, content: story.draft2 },
    ],
    comments: [],
  } satisfies ImportTarget;
  const noAnchors = readFileSync(join(DIR, 'mou-parallel.no-anchors.lo.docx'));

  it('is placed on the version its wording matches best, every item, and says how sure', async () => {
    const p = previewImport(sejong, undefined, await readReviewUpload(noAnchors));
    expect(p).toMatchObject({ versionNo: 2, placedBy: 'text', unplaced: [] });
    expect(p.comments).toHaveLength(6);
    expect(p.suggestions).toHaveLength(6);
    expect(p.match?.best).toMatchObject({ versionNo: 2 });
    expect(p.match?.best.share).toBeGreaterThan(0.9);
    expect(p.match?.runnerUp?.versionNo).toBe(1);
    expect(p.match?.runnerUp?.share).toBeLessThan(p.match?.best.share ?? 0);
  });

  it('stays on the version the caller names, and still says which version it matches better', async () => {
    const p = previewImport(sejong, 1, await readReviewUpload(noAnchors));
    expect(p.versionNo).toBe(1);
    expect(p.match?.best.versionNo).toBe(2);
    expect(p.unplaced.length).toBeGreaterThan(0);
  });

  it('matches draft 1 when the file is draft 1 (our review copy of draft 1, its anchors taken off)', async () => {
    const draft1 = withoutAnchors(readFileSync(join(DIR, 'input', 'review-parallel.docx')));
    const p = previewImport(sejong, undefined, await readReviewUpload(draft1));
    expect(p).toMatchObject({ versionNo: 1, placedBy: 'text' });
    expect(p.match?.best).toMatchObject({ versionNo: 1, coverage: 1 });
    expect(p.match?.runnerUp?.versionNo).toBe(2);
    expect(p.match?.runnerUp?.coverage).toBeLessThan(1);
  });
});
