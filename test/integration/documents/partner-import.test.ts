// A reviewer's comment and tracked change in the Korean text of a three-language MOU (annotated by LibreOffice) come
// back through the review import: the comment on its article's partner text, the Korean edit reported, never lost.
// The partner's returned text is read in Korean too: its changes classed, and taken into the working draft.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDocument } from '../../../src/documents';
import { storyInput } from '../../../src/documents/story';
import { openWordPackage } from '../../../src/documents/word-in/package';
import { readReviewImport } from '../../../src/documents/word-in/review-import';
import { readReturnedText } from '../../../src/documents/word-in/returned-text';
import { comparePartnerText } from '../../../src/app/partner-text';
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

it('reads the Korean text the partner sent back (LibreOffice tracked changes) and classes its changes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mou-partner-returned-'));
  try {
    const cleared = story.draft2;
    const r = await renderDocument(storyInput(story, 'mou', 'sequential', { date: '2026-02-01' }));
    const file = await annotated(dir, 'ko-returned', r.buffer, {
      reviewer: { name: 'Sejong City', initials: 'SJ' },
      date: '2026-11-25T09:00:00',
      comments: [],
      changes: [
        { replace: '5년간 유효하며', with: '3년간 유효하며' },
        { replace: '서면 합의로', with: '서면 동의로' },
      ],
    });
    const read = await readReturnedText(await openWordPackage(file.bytes), cleared, 2);
    expect(read.anchored).toBe(true);
    const key9 = cleared.articles[8]?.key ?? '';
    const key8 = cleared.articles[7]?.key ?? '';
    const back = new Map(read.text.partner?.articles.map((a) => [a.key, a]));
    // Every Korean article came back by its key, headings without their "제N조" label.
    expect([...back.keys()]).toEqual(cleared.partnerText?.articles.map((a) => a.key));
    expect(back.get(key9)?.heading).toBe('발효, 유효기간 및 종료');
    expect(back.get(key9)?.text).toContain('3년간 유효하며');
    expect(read.text.partner?.title).toBe(cleared.partnerText?.title);

    // Through the application's comparison, which reads the cleared text as it was printed (closing blanks).
    const record = {
      id: read.identity.agreement ?? 'chiang-mai-sejong',
      versions: [{ no: 2, content: cleared }],
    };
    const changes = await comparePartnerText(
      record as unknown as Parameters<typeof comparePartnerText>[0],
      file.bytes,
    );
    expect(changes.proposal).toBe('SUBMIT_PARTNER_CHANGES');
    expect(changes.parts.map((p) => [p.no, p.substantive, p.reasons, p.changes.map((c) => c.lang)])).toEqual([
      [8, false, ['wording'], ['partner']],
      [9, true, ['numbers'], ['partner']],
    ]);

    // Taken as the working draft: the Korean text carries the partner's words, Thai and English unchanged.
    const taken = changes.content;
    const ko = new Map(taken.partnerText?.articles.map((a) => [a.key, a.text]));
    expect(ko.get(key9)).toContain('3년간 유효하며');
    expect(ko.get(key8)).toContain('서면 동의로');
    expect(taken.articles.map((a) => a.text)).toEqual(cleared.articles.map((a) => a.text));
    expect(taken.partnerText?.closing).toBe(cleared.partnerText?.closing);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
