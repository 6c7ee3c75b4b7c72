// The forms: article operations keep what was typed until saved; a refused form comes back filled in.
import { formTokens, place, startPages, story, type PagesApp } from './support';

let app: PagesApp;

beforeAll(async () => {
  app = await startPages();
});
afterAll(async () => app.close());

/** The editor's fields for the stored draft, as a browser would post them. */
function editorForm(html: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const m of html.matchAll(/<input name="([^"]+)"[^>]*value="([^"]*)"/g))
    if (m[1]) form[m[1]] = m[2] ?? '';
  for (const m of html.matchAll(/<textarea name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    if (m[1]) form[m[1]] = m[2] ?? '';
  form.kind = 'partnership';
  return form;
}

describe('the draft editor', () => {
  it('adds, moves and removes articles without saving, keeping what was typed; saving renumbers', async () => {
    const rec = await place(app, 'drafting');
    const c = await app.login('secretary');
    const { _csrf, expectedRev, html } = await formTokens(c, `/agreements/${rec.id}/edit`);
    const form = { ...editorForm(html), _csrf, expectedRev, 'title.en': 'Typed, not saved' };
    const added = await c.postForm(`/agreements/${rec.id}/content`, { ...form, op: 'add' });
    expect(added.status).toBe(200);
    const addedHtml = await added.text();
    expect(addedHtml).toContain('Typed, not saved');
    expect(addedHtml).toContain('name="articles.4.text.th"');
    expect(addedHtml).toContain('ยังไม่ได้บันทึก');
    expect((await app.service().get(app.actor.admin, rec.id)).rev).toBe(rec.rev);

    // Move article 2 up, remove the first, then save: the old article 2 is article 1 now.
    const second = story.draft1.articles[1]?.text.en ?? '';
    const moved = await c.postForm(`/agreements/${rec.id}/content`, { ...form, op: 'up:1' });
    const movedForm: Record<string, string> = { ...editorForm(await moved.text()), _csrf, expectedRev };
    expect(movedForm['articles.0.text.en']).toBe(second);
    const removed = await c.postForm(`/agreements/${rec.id}/content`, { ...movedForm, op: 'remove:1' });
    const saved = await c.postForm(`/agreements/${rec.id}/content`, {
      ...editorForm(await removed.text()),
      _csrf,
      expectedRev,
      op: 'save',
    });
    expect(saved.status).toBe(303);
    const after = await app.service().get(app.actor.admin, rec.id);
    expect(after.workingDraft.articles.map((a) => a.no)).toEqual([1, 2, 3]);
    expect(after.workingDraft.articles[0]?.text.en).toBe(second);
    expect(after.workingDraft.title.en).toBe('Typed, not saved');
  });

  it('an admin must choose the province of a new agreement; a secretary’s is their own', async () => {
    const admin = await app.login('admin');
    const { _csrf } = await formTokens(admin, '/agreements/new');
    const body = { _csrf, op: 'save', kind: 'sister', 'title.th': 'ทดสอบ', 'title.en': 'Test' };
    const refused = await admin.postForm('/agreements', body);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('ทดสอบ');
    expect((await admin.postForm('/agreements', { ...body, province: 'lampang' })).status).toBe(303);
    const sec = await app.login('secretary');
    const t = await formTokens(sec, '/agreements/new');
    const created = await sec.postForm('/agreements', { ...body, _csrf: t._csrf, province: 'lampang' });
    expect(created.status).toBe(303);
    const id = (created.headers.get('location') ?? '').split('/').pop() ?? '';
    expect((await app.service().get(app.actor.admin, id)).province).toBe('chiang-mai');
  });
});

describe('step forms', () => {
  it('a refused resolution shows why and keeps the meeting, date and text typed', async () => {
    const rec = await place(app, 'committeeReview');
    const c = await app.login('secretary');
    const { _csrf, expectedRev, html } = await formTokens(c, `/agreements/${rec.id}`);
    expect(html).toContain('data-event="RECORD_RESOLUTION"');
    const typed = 'ที่ประชุมมีมติเห็นชอบ ข้อความที่พิมพ์ไว้';
    const res = await c.postForm(`/agreements/${rec.id}/events/RECORD_RESOLUTION`, {
      _csrf,
      expectedRev,
      meeting: '3/2560',
      date: '2022-03-14',
      outcome: 'approved',
      'text.th': typed,
      'text.en': '',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('3/2560');
    expect(page).toContain(typed);
    expect(page).toContain('value="2022-03-14"');
    expect((await app.service().get(app.actor.admin, rec.id)).state).toBe('committeeReview');
  });

  it('a comment and an answer go through the review page and show under their article', async () => {
    const rec = await place(app, 'mfaReview');
    const mfa = await app.login('mfa');
    let t = await formTokens(mfa, `/agreements/${rec.id}/review`);
    const posted = await mfa.postForm(`/agreements/${rec.id}/comments`, {
      _csrf: t._csrf,
      expectedRev: t.expectedRev,
      from: 'review',
      anchor: 'article:3',
      'text.th': 'ขอให้ปรับถ้อยคำ',
      'text.en': 'Please reword.',
      'suggestion.en': 'Each Side will designate',
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`/agreements/${rec.id}/review#comments`);
    const page = await (await mfa.get(`/agreements/${rec.id}`)).text();
    const article3 = page.slice(page.indexOf('id="article-3"'), page.indexOf('id="article-4"'));
    expect(article3).toContain('Please reword.');
    expect(article3).toContain('Each Side will designate');
    t = await formTokens(mfa, `/agreements/${rec.id}/review`);
    await mfa.postForm(`/agreements/${rec.id}/events/RETURN_WITH_COMMENTS`, {
      _csrf: t._csrf,
      expectedRev: t.expectedRev,
      from: 'review',
    });
    const sec = await app.login('secretary');
    t = await formTokens(sec, `/agreements/${rec.id}/review`);
    const commentId = /action="\/agreements\/[^/]+\/comments\/([^/]+)\/answer"/.exec(t.html)?.[1] ?? '';
    const answered = await sec.postForm(`/agreements/${rec.id}/comments/${commentId}/answer`, {
      _csrf: t._csrf,
      expectedRev: t.expectedRev,
      from: 'review',
      status: 'partly-accepted',
      'response.th': 'รับบางส่วน เพราะ…',
      'response.en': 'Partly, because…',
    });
    expect(answered.status).toBe(303);
    const after = await app.service().get(app.actor.admin, rec.id);
    expect(after.comments.find((x) => x.id === commentId)).toMatchObject({
      status: 'partly-accepted',
      response: { en: 'Partly, because…' },
    });
  });
});

describe('the review page', () => {
  it('marks the articles MFA already cleared word for word in another agreement, and only those', async () => {
    await place(app, 'partnerAgreement', { content: story.draft2 });
    const changed = structuredClone(story.draft2);
    const last = changed.articles.at(-1);
    if (!last) throw new Error('draft 2 has no articles');
    last.text.th = `${last.text.th} เพิ่มเติม`;
    const rec = await place(app, 'mfaReview', { content: changed });
    const html = await (await (await app.login('mfa')).get(`/agreements/${rec.id}/review`)).text();
    expect(html.match(/data-cleared/g)?.length).toBe(changed.articles.length - 1);
    expect(html).toContain('เคยผ่านการพิจารณาแล้ว');
    // The last article's note would follow its text; it has none.
    const tail = html.slice(html.indexOf(`id="article-${last.no}"`));
    expect(tail.slice(0, tail.indexOf('</div>\n  </div>') + 200)).not.toContain('data-cleared');
  });
});
