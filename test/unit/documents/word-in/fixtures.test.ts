// The reviewer-annotated fixtures (test/fixtures/word-in/annotated: made by LibreOffice and python-docx) are what their
// manifest says: checked with the low-level readers only (package, comments, body walk, bookmark names).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocType } from '../../../../src/documents';
import { parseBookmarkName } from '../../../../src/documents/word-anchors';
import { bodyOf, readBody, type BodyChange, type BodyPara } from '../../../../src/documents/word-in/body';
import { readComments, type WordComment } from '../../../../src/documents/word-in/comments';
import { openWordPackage } from '../../../../src/documents/word-in/package';
import { parseXml } from '../../../../src/documents/word-in/xml';
import { fixtureInput } from '../../../support/doc-inputs';

const DIR = join(__dirname, '..', '..', '..', 'fixtures', 'word-in', 'annotated');

type Lang = 'th' | 'en';
interface Anchor {
  kind: 'article' | 'preamble' | 'title';
  no?: number;
  key?: string;
}
interface ManifestComment {
  anchor: Anchor;
  lang: Lang;
  author: string;
  text: string;
  quote: string;
  resolved?: true;
  replies?: { author: string; text: string }[];
}
interface ManifestSuggestion {
  anchor: Anchor;
  lang: Lang;
  kind: 'insert' | 'delete' | 'replace' | 'untracked';
  before?: string;
  after?: string;
}
interface ManifestFile {
  file: string;
  tool: 'libreoffice' | 'python-docx';
  layout: 'parallel' | 'sequential';
  doc: 'mou' | 'review';
  versionNo: number;
  input: string;
  comments: ManifestComment[];
  suggestions: ManifestSuggestion[];
  existing?: { text: string; author: string }[];
  /** A file without our anchors: where things are is read from this file's paragraphs at the same positions. */
  anchorsFrom?: string;
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as {
  agreement: string;
  files: ManifestFile[];
};

async function load(file: string): Promise<{ comments: WordComment[]; paras: BodyPara[] }> {
  const pkg = await openWordPackage(readFileSync(join(DIR, file)));
  const comments = await readComments(pkg);
  const xml = await pkg.part('word/document.xml');
  const body = bodyOf(parseXml(xml!, 'word/document.xml'));
  return { comments, paras: readBody(body!) };
}

/** The paragraph lies under one of our bookmarks for `anchor` in `lang` (of version `versionNo`). */
const underAnchor = (p: BodyPara, anchor: Anchor, lang: Lang, versionNo: number): boolean =>
  p.bookmarks.some((name) => {
    const a = parseBookmarkName(name);
    if (!a || a.lang !== lang || a.versionNo !== versionNo) return false;
    return anchor.kind === 'article'
      ? a.ref.kind === 'article' && a.ref.key === anchor.key
      : a.ref.kind === anchor.kind;
  });

/**
 * A paragraph's tracked changes with adjacent pieces of one kind joined: LibreOffice splits one insertion into
 * several w:ins where the script (Thai / Latin) changes.
 */
function joined(changes: readonly BodyChange[]): { kind: BodyChange['kind']; text: string; at: number }[] {
  const out: { kind: BodyChange['kind']; text: string; at: number }[] = [];
  for (const c of changes) {
    const last = out[out.length - 1];
    const follows =
      last?.kind === c.kind && (c.kind === 'insert' ? c.at === last.at : c.at === last.at + last.text.length);
    if (last && follows) last.text += c.text;
    else out.push({ kind: c.kind, text: c.text, at: c.at });
  }
  return out;
}

const flat = (cs: readonly WordComment[]) =>
  cs.flatMap((c) => [c, ...c.replies.map((r) => ({ ...r, reply: c }))]);

describe.each(manifest.files.map((f) => [f.file, f] as const))('%s', (_name, f) => {
  // For a file without our anchors, its anchored twin's paragraph at the same position says where a paragraph is.
  let twin: readonly BodyPara[] | undefined;
  beforeAll(async () => {
    twin = f.anchorsFrom ? (await load(f.anchorsFrom)).paras : undefined;
  });
  const under = (p: BodyPara, anchor: Anchor, lang: Lang, versionNo: number) =>
    underAnchor(twin ? (twin[p.index] ?? p) : p, anchor, lang, versionNo);

  if (f.anchorsFrom)
    it('carries none of our anchors: no _mou_ bookmark, no identity property', async () => {
      const { paras } = await load(f.file);
      expect(paras.flatMap((p) => p.bookmarks).filter((b) => parseBookmarkName(b))).toEqual([]);
      const pkg = await openWordPackage(readFileSync(join(DIR, f.file)));
      expect((await pkg.part('docProps/custom.xml')) ?? '').not.toContain('MOU Engine');
      expect((twin ?? []).map((p) => p.text)).toEqual(paras.map((p) => p.original));
    });

  it('names articles by the numbers and keys of the fixture content', () => {
    const articles = fixtureInput(f.doc as DocType, f.layout).content.articles;
    const anchors = [...f.comments, ...f.suggestions]
      .map((x) => x.anchor)
      .filter((a) => a.kind === 'article');
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) expect(articles.find((x) => x.no === a.no)?.key).toBe(a.key);
  });

  it('has every comment with its author, text, quote, resolved state and place, and no other', async () => {
    const { comments, paras } = await load(f.file);
    const all = flat(comments);
    for (const m of f.comments) {
      const c = comments.find((x) => x.text === m.text && x.author === m.author);
      expect(c).toBeDefined();
      expect(c?.quote).toBe(m.quote);
      expect(c?.resolved ?? false).toBe(m.resolved ?? false);
      const starts = paras.filter((p) => p.commentStarts.includes(c!.id));
      const ends = paras.filter((p) => p.commentEnds.includes(c!.id));
      expect(starts).toHaveLength(1);
      expect(ends).toEqual(starts);
      expect(under(starts[0]!, m.anchor, m.lang, f.versionNo)).toBe(true);
      for (const r of m.replies ?? []) {
        // Word links a reply (w15:paraIdParent); LibreOffice writes it as a separate comment over the same range.
        const found = all.find((x) => x.text === r.text && x.author === r.author);
        expect(found).toBeDefined();
        if (found && 'quote' in found) expect(found.quote).toBe(m.quote);
      }
    }
    for (const e of f.existing ?? [])
      expect(comments.some((x) => x.text === e.text && x.author === e.author)).toBe(true);
    const replies = f.comments.reduce((n, c) => n + (c.replies?.length ?? 0), 0);
    expect(all).toHaveLength(f.comments.length + replies + (f.existing?.length ?? 0));
  });

  it('has every suggestion as tracked changes in a paragraph of its article and language, and no other', async () => {
    const { paras } = await load(f.file);
    const changed = paras.filter((p) => p.changes.length > 0);
    let expected = 0;
    for (const s of f.suggestions) {
      const here = paras.filter((p) => under(p, s.anchor, s.lang, f.versionNo));
      expect(here.length).toBeGreaterThan(0);
      if (s.kind === 'untracked') {
        const input = (await load(f.input)).paras.filter((p) => under(p, s.anchor, s.lang, f.versionNo));
        expect(input.map((p) => p.text)).toContain(s.before);
        expect(here.map((p) => p.text)).toContain(s.after);
        expect(here.map((p) => p.text)).not.toContain(s.before);
        continue;
      }
      const pieces = here.flatMap((p) => joined(p.changes));
      if (s.kind === 'delete' || s.kind === 'replace') {
        expect(pieces).toContainEqual(expect.objectContaining({ kind: 'delete', text: s.before }));
        expected++;
      }
      if (s.kind === 'insert' || s.kind === 'replace') {
        expect(pieces).toContainEqual(expect.objectContaining({ kind: 'insert', text: s.after }));
        expected++;
      }
      if (s.kind === 'replace') {
        const del = pieces.find((x) => x.kind === 'delete' && x.text === s.before)!;
        const ins = pieces.find((x) => x.kind === 'insert' && x.text === s.after)!;
        expect([del.at, del.at + del.text.length]).toContain(ins.at);
      }
    }
    expect(changed.flatMap((p) => joined(p.changes))).toHaveLength(expected);
  });
});

it('covers what issue 14 asks of the fixtures', () => {
  const lo = manifest.files.filter((f) => f.tool === 'libreoffice');
  for (const doc of ['mou', 'review'])
    for (const layout of ['parallel', 'sequential']) {
      const f = lo.find((x) => x.doc === doc && x.layout === layout && x.suggestions.length > 1);
      expect(f).toBeDefined();
      const kinds = (lang: Lang) => new Set(f!.suggestions.filter((s) => s.lang === lang).map((s) => s.kind));
      for (const lang of ['th', 'en'] as const) {
        expect(kinds(lang)).toEqual(new Set(['insert', 'delete', 'replace']));
        expect(f!.comments.some((c) => c.lang === lang)).toBe(true);
      }
      expect(f!.comments.some((c) => c.resolved)).toBe(true);
      expect(f!.comments.some((c) => (c.replies ?? []).length > 0)).toBe(true);
      expect(
        new Set(f!.comments.filter((c) => c.anchor.kind === 'article').map((c) => c.anchor.no)).size,
      ).toBeGreaterThanOrEqual(4);
      for (const kind of ['title', 'preamble'])
        expect(f!.comments.some((c) => c.anchor.kind === kind)).toBe(true);
    }
  expect(manifest.files.filter((f) => f.tool === 'python-docx').map((f) => `${f.doc}-${f.layout}`)).toEqual([
    'review-parallel',
    'mou-sequential',
  ]);
  expect(manifest.files.some((f) => f.suggestions.some((s) => s.kind === 'untracked'))).toBe(true);
});
