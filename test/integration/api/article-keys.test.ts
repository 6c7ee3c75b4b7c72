// Comments stay on their article when the province inserts, moves and deletes articles: API, pages and documents.
import type { z } from 'zod';
import { ARTICLE_KEY_PATTERN } from '../../../src/domain';
import { AgreementView, CommentResult } from '../../../src/http/api/schemas';
import { Client } from '../http/support';
import { part, text } from '../../support/doc-xml';
import { ARTICLE_COMMENTS, reshuffled } from '../../support/revision';
import { agreementsPath, approved, startApi, story, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

let id = '';
let rev = 0;
let view: z.infer<typeof AgreementView>;
const path = () => `${agreementsPath}/${id}`;
/** Comment ids by the number of the article of version 1 they were made on (0: the whole document). */
const commentOn = new Map<number, string>();

async function call(who: Who, method: string, url: string, body?: unknown) {
  const r = await api.call(who, method, url, body);
  expect({ status: r.status, text: r.status < 300 ? '' : r.text }).toMatchObject({ text: '' });
  return r;
}
async function step(who: Who, event: Record<string, unknown>) {
  const r = await call(who, 'POST', `${path()}/events`, { event, expectedRev: rev });
  view = AgreementView.parse(r.body);
  rev = view.rev;
}
async function page(who: Who, url: string): Promise<string> {
  const c = new Client(api.base);
  await c.login(`api-${who}`);
  return (await c.get(url)).text();
}
/** The part of a page from one element id to the next article (or the end of the text). */
function section(html: string, from: string): string {
  const start = html.indexOf(`id="${from}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = html
    .slice(start + 1)
    .search(/id="article-\d+"|id="removed-comments-heading"|class="parallel closing"/);
  return next < 0 ? html.slice(start) : html.slice(start, start + 1 + next);
}
const withoutKeys = <T extends { articles: object[] }>(c: T) => ({
  ...c,
  articles: c.articles.map((a) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'key'))),
});

describe('comments on version 1, then a revision that inserts, moves and deletes articles', () => {
  it('an old client creates draft 1 without keys; the agreement comes back with a key on every article', async () => {
    const r = await call('secretary', 'POST', agreementsPath, {
      province: 'chiang-mai',
      content: withoutKeys(story.draft1),
    });
    view = AgreementView.parse(r.body);
    ({ id, rev } = view);
    const keys = view.workingDraft.articles.map((a) => a.key);
    for (const k of keys) expect(k).toMatch(ARTICLE_KEY_PATTERN);
    expect(new Set(keys).size).toBe(4);
  });

  it('MFA comments on every article by its number; each comment carries the article’s key', async () => {
    await step('secretary', { type: 'SUBMIT_TO_COMMITTEE' });
    await step('secretary', { type: 'RECORD_RESOLUTION', resolution: approved });
    await step('secretary', { type: 'SUBMIT_TO_MOI' });
    await step('moi', { type: 'FORWARD_TO_MFA' });
    const comments = [{ no: 0, en: 'On the whole document.' }, ...ARTICLE_COMMENTS];
    for (const c of comments) {
      const anchor = c.no === 0 ? { kind: 'document' } : { kind: 'article', no: c.no };
      const r = await call('mfa', 'POST', `${path()}/comments`, {
        anchor,
        text: { th: c.en, en: c.en },
        expectedRev: rev,
      });
      const created = CommentResult.parse(r.body);
      rev = created.rev;
      commentOn.set(c.no, created.comment.id);
      if (created.comment.anchor.kind === 'article')
        expect(created.comment.anchor.key).toBe(view.workingDraft.articles[c.no - 1]?.key);
    }
    await step('mfa', { type: 'RETURN_WITH_COMMENTS' });
  });

  it('the province saves the reshuffled draft: kept keys stay, the inserted article gets a new one', async () => {
    const before = view.workingDraft.articles.map((a) => a.key);
    const r = await call('secretary', 'PUT', `${path()}/content`, {
      content: reshuffled(view.workingDraft),
      expectedRev: rev,
    });
    view = AgreementView.parse(r.body);
    rev = view.rev;
    const after = view.workingDraft.articles.map((a) => a.key);
    expect([after[0], after[1], after[3]]).toEqual([before[0], before[3], before[1]]);
    expect(before).not.toContain(after[2]);
  });

  it('the review page shows each comment under its article of version 1, saying where the article is now', async () => {
    const html = await page('secretary', `${path().replace('/api/v1', '')}/review`);
    expect(html).toContain('ข้อความของร่างฉบับที่ 1 ที่พิจารณาในรอบที่ 1');
    const on = (no: number) => section(html, `article-${no}`);
    expect(on(1)).toContain('Comment on the objective.');
    expect(on(1)).not.toContain('place-note');
    expect(on(2)).toContain('Comment on the areas of cooperation.');
    expect(on(2)).toContain('ปัจจุบันคือข้อ 4');
    expect(on(3)).toContain('Comment on the implementation.');
    expect(on(3)).toContain('ตัดออกในร่างที่กำลังแก้ไข');
    expect(on(4)).toContain('Comment on the entry into force.');
    expect(on(4)).toContain('ปัจจุบันคือข้อ 2');
    for (const commentId of commentOn.values()) expect(html).toContain(`/comments/${commentId}/answer"`);
  });

  it('the agreement page shows the revised draft with the comments under the articles where they now stand', async () => {
    const html = await page('secretary', path().replace('/api/v1', ''));
    expect(section(html, 'article-2')).toContain('Comment on the entry into force.');
    expect(section(html, 'article-3')).not.toContain('Comment on');
    expect(section(html, 'article-4')).toContain('Comment on the areas of cooperation.');
    const removed = section(html, 'removed-comments-heading');
    expect(removed).toContain('Comment on the implementation.');
    expect(removed).toContain('ข้อ 3 ของร่างฉบับที่ 1');
    expect(removed).toContain('Implementation');
  });

  it('every comment can be answered, the one on the deleted article too, and then resubmission goes', async () => {
    for (const [no, commentId] of commentOn) {
      const r = await call('secretary', 'POST', `${path()}/comments/${commentId}/answer`, {
        status: no === 3 ? 'not-accepted' : 'accepted',
        response: { th: `คำชี้แจง ${no}`, en: `Response ${no}` },
        expectedRev: rev,
      });
      rev = CommentResult.parse(r.body).rev;
    }
    await step('secretary', { type: 'RESUBMIT' });
    expect(view.state).toBe('mfaReview');
    expect(view.versions).toHaveLength(2);
  });

  it('the comparison table has each comment’s row on the right article of both versions', async () => {
    const r = await call('secretary', 'GET', `${path()}/versions/2/documents/comparison`);
    const tables = part(r.bytes, 'word/document.xml').match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const rows = (tables.at(-1)?.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map(text);
    const row = (s: string) => rows.find((x) => x.includes(s)) ?? '';
    expect(row('Comment on the objective.')).toContain('Article 1 (now Article 1)');
    expect(row('Comment on the areas of cooperation.')).toMatch(
      /Article 2 \(now Article 4\)[\s\S]*Fields of Joint Work/,
    );
    expect(row('Comment on the areas of cooperation.')).toContain('Response 2');
    expect(row('Comment on the implementation.')).toContain('(deleted)');
    expect(row('Comment on the entry into force.')).toMatch(
      /Article 4 \(now Article 2\)[\s\S]*Effect and Duration/,
    );
  });

  it('the redline tracks the renamed article as a change of that article, not a deletion and an insertion', async () => {
    const r = await call('secretary', 'GET', `${path()}/versions/2/documents/redline`);
    const paragraphs = part(r.bytes, 'word/document.xml').match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const heading = paragraphs.find((p) => text(p).includes('Fields')) ?? '';
    expect(text(heading)).toMatch(/^Article 24 AreasFields of/);
    expect(heading).toMatch(/<w:delText[^>]*>Areas<\/w:delText>/);
  });

  it('read back in round 2, the comment on the deleted article says in which version it went', async () => {
    const html = await page('secretary', `${path().replace('/api/v1', '')}/review?round=1`);
    expect(section(html, 'article-3')).toContain('ตัดออกในร่างฉบับที่ 2');
    expect(html).not.toContain('class="answer-form"');
  });
});
