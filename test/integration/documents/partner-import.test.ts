// A reviewer's comment and tracked change in the Korean text of a three-language MOU (annotated by LibreOffice) come
// back through the review import: the comment on its article's partner text, the Korean edit reported, never lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocument } from '../../../src/documents';
import { storyInput } from '../../../src/documents/story';
import { openWordPackage } from '../../../src/documents/word-in/package';
import { readReviewImport } from '../../../src/documents/word-in/review-import';
import { annotated } from '../../support/word-files';
import { chiangMaiSejongKo } from '../../support/fixtures';

const story = chiangMaiSejongKo();

it('places a comment made in the Korean text on its article, as a comment on the partner text', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mou-partner-import-'));
  try {
    const r = await renderDocument(storyInput(story, 'mou', 'parallel', { date: '2026-02-01' }));
    const file = await annotated(dir, 'ko', r.buffer, {
      reviewer: { name: 'Sejong City', initials: 'SJ' },
      date: '2026-11-25T09:00:00',
      comments: [
        { id: 'k1', find: '5년간 유효하며', text: '기간을 확인해 주십시오.' },
        { id: 'e1', find: 'for a period of five (5) years', text: 'Please confirm the period.' },
      ],
      changes: [{ replace: '서면 합의로', with: '서면 동의로' }],
    });
    const imported = await readReviewImport(await openWordPackage(file.bytes), {
      content: story.draft2,
      versionNo: 2,
    });
    const key = story.draft2.articles[8]?.key;
    expect(imported.placedBy).toBe('bookmarks');
    const byText = new Map(imported.comments.map((c) => [c.text, c]));
    expect(byText.get('기간을 확인해 주십시오.')?.anchor).toEqual({
      kind: 'article',
      no: 9,
      key,
      lang: 'partner',
    });
    expect(byText.get('기간을 확인해 주십시오.')?.lang).toBeUndefined();
    expect(byText.get('Please confirm the period.')?.anchor).toEqual({ kind: 'article', no: 9, key });
    expect(byText.get('Please confirm the period.')?.lang).toBe('en');
    // A change to the Korean wording is no Thai or English suggestion: it is listed as not placed, with its text.
    expect(imported.suggestions).toEqual([]);
    expect(imported.unplaced.map((u) => [u.item, u.text])).toEqual(
      expect.arrayContaining([['suggestion', expect.stringContaining('동의')]]),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
