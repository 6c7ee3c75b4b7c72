// Agreement routes: 404 for another province's secretary, CSRF on every change, edits only where the state allows.
import { appServices, compose } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import { routeContext } from '../../../src/http/app';
import { agreementPages } from '../../../src/http/pages';
import { listRoutes } from '../../../src/http/routing';
import { createLogger } from '../../../src/logger';
import { formTokens, place, startPages, story, type PagesApp } from './support';

let app: PagesApp;
let drafting: string;
let review: string;

beforeAll(async () => {
  app = await startPages();
  drafting = (await place(app, 'drafting')).id;
  const r = await place(app, 'mfaReview');
  review = (
    await app.service().addComment(app.actor.mfa, r.id, r.rev, {
      anchor: { kind: 'document' },
      text: story.comments[0]?.text ?? { th: 'ก', en: 'a' },
    })
  ).id;
});
afterAll(async () => app.close());

/** Every route of the agreement pages, with full paths. */
async function pageRoutes() {
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'p'.repeat(40) });
  const deps = { config, connection: app.db.connection, logger: createLogger('silent') };
  const { services } = await compose(deps);
  return listRoutes([agreementPages(services)], routeContext(appServices(deps)));
}

const concrete = (path: string, id: string, commentId: string) =>
  path
    .replace(':id', id)
    .replace(':commentId', commentId)
    .replace(':versionNo', '1')
    .replace(':doc', 'mou')
    .replace(':type', 'WITHDRAW');

describe('a secretary of another province', () => {
  it('gets 404 on every agreement route, GET and POST, with a valid form token', async () => {
    const routes = (await pageRoutes()).filter((r) => r.path.includes(':id'));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    const foreign = await app.login('foreign');
    const { _csrf } = await formTokens(foreign, '/queue');
    const comment = (await app.service().get(app.actor.admin, review)).comments[0]?.id ?? '';
    for (const id of [drafting, review]) {
      for (const r of routes) {
        const path = concrete(r.path, id, comment);
        const res =
          r.method === 'get'
            ? await foreign.get(path)
            : await foreign.postForm(path, { _csrf, expectedRev: '0', text: 'x', op: 'save' });
        expect({ route: `${r.method} ${path}`, status: res.status }).toEqual({
          route: `${r.method} ${path}`,
          status: 404,
        });
      }
    }
    // Nothing changed: not withdrawn, no comment added.
    expect((await app.service().get(app.actor.admin, drafting)).state).toBe('drafting');
    expect((await app.service().get(app.actor.admin, review)).comments).toHaveLength(1);
  });

  it('the same routes answer the agreement’s own secretary (not 404)', async () => {
    const own = await app.login('secretary');
    for (const path of [
      `/agreements/${drafting}`,
      `/agreements/${drafting}/edit`,
      `/agreements/${review}/review`,
      `/agreements/${review}/documents`,
      `/agreements/${review}/documents/1/mou`,
    ]) {
      expect({ path, status: (await own.get(path)).status }).toEqual({ path, status: 200 });
    }
  });
});

describe('CSRF', () => {
  it('every state-changing agreement route refuses a request without the token or with a wrong one', async () => {
    const routes = (await pageRoutes()).filter((r) => r.method !== 'get');
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/agreements',
        '/agreements/:id/content',
        '/agreements/:id/comments',
        '/agreements/:id/comments/:commentId/answer',
        '/agreements/:id/events/:type',
      ]),
    );
    const c = await app.login('admin');
    await c.csrf('/queue');
    const before = await app.service().get(app.actor.admin, drafting);
    for (const r of routes) {
      const path = concrete(r.path, drafting, 'c1');
      for (const token of [undefined, 'wrong']) {
        const form: Record<string, string> = {
          expectedRev: String(before.rev),
          op: 'save',
          'title.th': 'x',
          ...(token ? { _csrf: token } : {}),
        };
        const res = await c.postForm(path, form);
        expect({ route: `${r.method} ${path}`, token, status: res.status }).toEqual({
          route: `${r.method} ${path}`,
          token,
          status: 403,
        });
      }
    }
    const after = await app.service().get(app.actor.admin, drafting);
    expect(after.rev).toBe(before.rev);
    expect(after.state).toBe('drafting');
  });
});

describe('editing', () => {
  it('is refused outside editable states: no editor, no save, no edit link', async () => {
    const c = await app.login('secretary');
    expect((await c.get(`/agreements/${review}/edit`)).status).toBe(403);
    const { _csrf, expectedRev, html } = await formTokens(c, `/agreements/${review}`);
    expect(html).not.toContain(`href="/agreements/${review}/edit"`);
    const before = await app.service().get(app.actor.admin, review);
    const res = await c.postForm(`/agreements/${review}/content`, {
      _csrf,
      expectedRev,
      op: 'save',
      kind: 'sister',
      'title.th': 'แก้',
      'title.en': 'Changed',
    });
    expect(res.status).toBe(403);
    expect((await app.service().get(app.actor.admin, review)).workingDraft).toEqual(before.workingDraft);
  });

  it('shows only the steps this user may take now (the server refuses the rest)', async () => {
    const sec = await app.login('secretary');
    const page = await (await sec.get(`/agreements/${drafting}`)).text();
    expect(page).toContain('data-event="SUBMIT_TO_COMMITTEE"');
    expect(page).toContain('data-event="WITHDRAW"');
    expect(page).not.toContain('data-event="FORWARD_TO_MFA"');
    const mfa = await app.login('mfa');
    const reviewPage = await (await mfa.get(`/agreements/${review}/review`)).text();
    expect(reviewPage).toContain('data-event="RETURN_WITH_COMMENTS"');
    expect(reviewPage).toContain('data-event="GIVE_NO_OBJECTION"');
    expect(reviewPage).not.toContain('data-event="WITHDRAW"');
    // MFA posting a secretary's step anyway is refused.
    const { _csrf, expectedRev } = await formTokens(mfa, `/agreements/${drafting}`);
    expect(
      (await mfa.postForm(`/agreements/${drafting}/events/SUBMIT_TO_COMMITTEE`, { _csrf, expectedRev }))
        .status,
    ).toBe(403);
  });

  it('a stale form says someone else changed it first and keeps what was typed', async () => {
    const c = await app.login('secretary');
    const { _csrf, expectedRev } = await formTokens(c, `/agreements/${drafting}/edit`);
    const rec = await app.service().get(app.actor.admin, drafting);
    await app.service().updateContent(app.actor.secretary, drafting, rec.rev, {
      ...rec.workingDraft,
      title: { th: 'ชื่อจากผู้อื่น', en: 'Title by someone else' },
    });
    const typed = 'ชื่อที่ฉันพิมพ์ไว้ยาวมาก';
    const res = await c.postForm(`/agreements/${drafting}/content`, {
      _csrf,
      expectedRev,
      op: 'save',
      kind: 'partnership',
      'title.th': typed,
      'title.en': 'My title',
      'articles.0.heading.th': 'ก',
      'articles.0.text.th': 'ข้อความ',
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain('ถูกแก้ไขโดยผู้อื่นแล้ว');
    expect(html).toContain(typed);
    expect(html).toContain('>ข้อความ</textarea>');
    // The form now carries the current rev: saving again (knowingly) works.
    const rev2 = /name="expectedRev" value="(\d+)"/.exec(html)?.[1] ?? '';
    const again = await c.postForm(`/agreements/${drafting}/content`, {
      _csrf,
      expectedRev: rev2,
      op: 'save',
      kind: 'partnership',
      'title.th': typed,
      'title.en': 'My title',
      'articles.0.heading.th': 'ก',
      'articles.0.text.th': 'ข้อความ',
    });
    expect(again.status).toBe(303);
    expect((await app.service().get(app.actor.admin, drafting)).workingDraft.title.th).toBe(typed);
  });
});
