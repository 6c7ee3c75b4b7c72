// The import of annotated files made by real third-party programs (LibreOffice, python-docx): every comment on the
// right article (or title, preamble) with its quoted text, thread and resolved state; every tracked change a
// suggestion on the right article and language; an edit made with tracking off found by comparison.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWordPackage } from '../../../../src/documents/word-in/package';
import { readReviewImport, type ReviewImport } from '../../../../src/documents/word-in/review-import';
import type { AgreementContent } from '../../../../src/domain';
import { fixtureInput } from '../../../support/doc-inputs';

const DIR = join(__dirname, '..', '..', '..', 'fixtures', 'word-in', 'annotated');

interface Anchor {
  kind: string;
  no?: number;
  key?: string;
}
interface Entry {
  file: string;
  tool: string;
  doc: 'mou' | 'review';
  layout: 'parallel' | 'sequential';
  versionNo: number;
  comments: {
    anchor: Anchor;
    lang: 'th' | 'en';
    author: string;
    text: string;
    quote: string;
    resolved?: true;
    replies?: { author: string; text: string }[];
  }[];
  suggestions: { anchor: Anchor; lang: 'th' | 'en'; kind: string; before?: string; after?: string }[];
  existing?: { text: string; author: string }[];
  /** Set for a file without our anchors (see the fixtures' README). */
  anchorsFrom?: string;
}
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { files: Entry[] };

async function imported(e: Entry): Promise<ReviewImport> {
  const input = fixtureInput(e.doc, e.layout);
  const pkg = await openWordPackage(readFileSync(join(DIR, e.file)));
  return readReviewImport(pkg, {
    content: input.content as AgreementContent,
    versionNo: input.versionNo,
    recorded: (input.comments ?? []).flatMap((c) => [c.text.th, c.text.en]),
  });
}

describe.each(manifest.files.map((e) => [e.file, e] as const))('%s', (_name, e) => {
  let r: ReviewImport;
  beforeAll(async () => {
    r = await imported(e);
  });

  it('is read as our document of its version, placed by our bookmarks (else, without them, by its text)', () => {
    if (e.anchorsFrom) {
      expect(r.identity).toMatchObject({ bookmarkVersions: [] });
      expect(r.identity.agreement).toBeUndefined();
      expect(r.placedBy).toBe('text');
    } else {
      expect(r.identity).toMatchObject({
        agreement: 'fixture-cm-sejong',
        versionNo: e.versionNo,
        doc: e.doc,
      });
      expect(r.placedBy).toBe('bookmarks');
    }
    expect(r.unplaced).toEqual([]);
  });

  it('places every comment on its anchor and language, with quote, thread and resolved state; skips those on record', () => {
    expect(r.alreadyRecorded).toBe(e.existing?.length ?? 0);
    expect(r.comments).toHaveLength(e.comments.length);
    for (const want of e.comments) {
      const got = r.comments.find((c) => c.text === want.text);
      expect({ text: want.text, got }).toEqual({
        text: want.text,
        got: expect.objectContaining({
          anchor: want.anchor,
          lang: want.lang,
          author: want.author,
          quote: want.quote,
        }),
      });
      expect(got?.resolved === true).toBe(want.resolved === true);
      expect(got?.replies ?? []).toEqual(want.replies ?? []);
    }
  });

  it('makes every change a suggestion on its article and language', () => {
    expect(r.suggestions).toHaveLength(e.suggestions.length);
    for (const want of e.suggestions) {
      const got = r.suggestions.find(
        (s) =>
          s.kind === want.kind &&
          s.lang === want.lang &&
          JSON.stringify(s.anchor) === JSON.stringify(want.anchor) &&
          (want.kind === 'untracked' ||
            ((s.before ?? '') === (want.before ?? '') && (s.after ?? '') === (want.after ?? ''))),
      );
      expect({ want, found: got !== undefined }).toEqual({ want, found: true });
      if (want.kind === 'untracked') {
        // The whole new wording, and the part that changed, narrowed to what differs.
        expect(got?.wording).toBe(want.after);
        expect(want.before).toContain(got?.before ?? '');
        expect(want.after).toContain(got?.after ?? '');
        expect((got?.before ?? '').length).toBeLessThan((want.before ?? '').length);
      }
    }
  });
});

it('places comments by their quoted text when the file has lost our bookmarks', async () => {
  const e = manifest.files.find((f) => f.file === 'mou-sequential.pd.docx')!;
  const input = fixtureInput('mou', 'sequential');
  const pkg = await openWordPackage(readFileSync(join(DIR, e.file)));
  // Read against a version number the file's bookmarks do not name: only the text can place the comments.
  const r = await readReviewImport(pkg, { content: input.content as AgreementContent, versionNo: 9 });
  expect(r.placedBy).toBe('text');
  for (const want of e.comments) {
    const got = r.comments.find((c) => c.text === want.text);
    expect({ text: want.text, anchor: got?.anchor }).toEqual({ text: want.text, anchor: want.anchor });
  }
});
