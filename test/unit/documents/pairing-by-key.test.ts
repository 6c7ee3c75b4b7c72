import type { Comment } from '../../../src/domain';
import { renderDocument, type RenderInput } from '../../../src/documents';
import { story } from '../../integration/agreement-helpers';
import { part, text } from '../../support/doc-xml';
import { ARTICLE_COMMENTS, reshuffled } from '../../support/revision';

const v1 = story.draft1;
const v2 = reshuffled(v1);

/** MFA's comment on article `no` of version 1, keyed as the service keys it. */
function commentOn(no: number, en: string, i: number): Comment {
  return {
    id: `c${i}`,
    round: 1,
    versionNo: 1,
    author: { userId: 'u', name: 'MFA', role: 'mfa', organisation: { th: 'กต.', en: 'MFA' } },
    anchor: { kind: 'article', no, key: v1.articles[no - 1]?.key ?? '' },
    text: { th: en, en },
    status: 'accepted',
    response: { th: `ตอบ ${i}`, en: `Answer ${i}` },
    createdAt: '2022-05-20T00:00:00Z',
  };
}
const comments = ARTICLE_COMMENTS.map((c, i) => commentOn(c.no, c.en, i + 1));

const rowsOf = (xml: string) => {
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  return (tables.at(-1)?.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map(text);
};
const row = (rows: string[], comment: string) => rows.find((r) => r.includes(comment)) ?? '';

async function xmlOf(input: RenderInput, name = 'word/document.xml'): Promise<string> {
  return part((await renderDocument(input)).buffer, name);
}

const base = { layout: 'parallel', previous: v1, versionNo: 2, meta: { date: '2022-06-01' } } as const;

describe('the comparison table pairs articles by key, also when heading and wording changed', () => {
  let rows: string[];
  beforeAll(async () => {
    rows = rowsOf(await xmlOf({ ...base, doc: 'comparison', content: v2, comments }));
  });

  it('shows a renamed, rewritten and moved article’s revised text in the row of the comment made on it', () => {
    const areas = row(rows, 'Comment on the areas of cooperation.');
    expect(areas).toContain('Article 2 (now Article 4)');
    expect(areas).toContain('The Contracting Parties shall cooperate in');
    expect(areas).toContain('Fields of Joint Work');
    expect(areas).toContain('Answer 2');
    const entry = row(rows, 'Comment on the entry into force.');
    expect(entry).toContain('Article 4 (now Article 2)');
    expect(entry).toContain('Effect and Duration');
  });

  it('marks the comment on the deleted article as deleted, and keeps rows in the order of version 1', () => {
    expect(row(rows, 'Comment on the implementation.')).toContain('(deleted)');
    const order = ARTICLE_COMMENTS.map((c) => rows.findIndex((r) => r.includes(c.en)));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('without keys (an older render request) the renamed articles cannot be paired and read as deleted', async () => {
    const keyless = reshuffled(v1, { keepKeys: false });
    const plain = (c: typeof v1) => ({ ...c, articles: c.articles.map(({ key: _k, ...a }) => a) });
    const old = comments.map(({ anchor, ...c }) => ({
      ...c,
      anchor: anchor.kind === 'article' ? { kind: anchor.kind, no: anchor.no } : anchor,
    }));
    const oldRows = rowsOf(
      await xmlOf({ ...base, doc: 'comparison', content: keyless, previous: plain(v1), comments: old }),
    );
    expect(row(oldRows, 'Comment on the objective.')).toContain('(now Article 1)');
    expect(row(oldRows, 'Comment on the areas of cooperation.')).toContain('(deleted)');
  });
});

describe('the redline pairs articles by key', () => {
  let xml: string;
  beforeAll(async () => {
    xml = await xmlOf({ ...base, doc: 'redline', content: v2 });
  });
  const paragraphWith = (s: string) =>
    (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? []).find((p) => text(p).includes(s)) ??
    '';

  it('tracks a renamed article as the old heading deleted and the new one inserted, in one paragraph', () => {
    // Visible text interleaves deleted and inserted words ("Areas" "Fields" " of " "Cooperation" "Joint Work").
    const heading = paragraphWith('Fields');
    expect(text(heading)).toMatch(/^Article 24 AreasFields of/);
    const deleted = (heading.match(/<w:del [^>]*>[\s\S]*?<\/w:del>/g) ?? []).map(text).join(' ');
    const inserted = (heading.match(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g) ?? []).map(text).join(' ');
    expect(deleted).toContain('Areas');
    expect(inserted).toContain('Fields');
  });

  it('shows the deleted article as a deletion and the inserted one as an insertion', () => {
    const removed = paragraphWith('Each Contracting Party shall designate a focal point');
    expect(removed).toContain('<w:del ');
    expect(removed).not.toContain('<w:ins ');
    const added = paragraphWith('Cooperation may take the form of exchanges of delegations');
    expect(added).toContain('<w:ins ');
    expect(added).not.toContain('<w:del ');
  });
});

describe('the review copy attaches Word comments by key', () => {
  it('puts a comment on its article even where the comment’s number is stale', async () => {
    const stale = commentOn(2, 'On the areas, numbered as in version 1.', 9);
    const xml = await xmlOf({
      doc: 'review',
      layout: 'parallel',
      content: v2,
      versionNo: 2,
      comments: [stale],
    });
    const start = xml.indexOf('<w:commentRangeStart w:id="0"/>');
    const end = xml.indexOf('<w:commentRangeEnd w:id="0"/>');
    const anchored = text(xml.slice(start, end));
    expect(anchored).toContain('Article 4 Fields of Joint Work');
    expect(anchored).not.toContain('Article 2');
  });
});
