// The editor's partner-language column on the real database: the secretary gives the language, writes the Korean
// text beside the Thai and English, saves it; a later save of the page keeps it; a half-written article is refused
// by its number with nothing saved; clearing the column removes the partner text.
import { formTokens, place, startPages, type PagesApp } from './support';
import type { Client } from '../http/support';

let app: PagesApp;

beforeAll(async () => {
  app = await startPages();
});
afterAll(async () => app.close());

const unescape = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#x27;', "'")
    .replaceAll('&#x3D;', '=')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Every field of the editor as a browser would post it back unchanged. */
function editorForm(html: string): Record<string, string> {
  const form: Record<string, string> = {};
  for (const m of html.matchAll(/<input (?:type="hidden" )?name="([^"]+)"[^>]*value="([^"]*)"/g))
    if (m[1]) form[m[1]] = unescape(m[2] ?? '');
  for (const m of html.matchAll(/<textarea name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g))
    if (m[1]) form[m[1]] = unescape(m[2] ?? '');
  for (const m of html.matchAll(/<select name="([^"]+)"[^>]*>[\s\S]*?<option value="([^"]*)" selected/g))
    if (m[1]) form[m[1]] = m[2] ?? '';
  return form;
}

const KOREAN = {
  'pt.language.th': 'ภาษาเกาหลี',
  'pt.language.en': 'Korean',
  'pt.language.native': '한국어',
  'pt.thai.name': '치앙마이도',
  'pt.thai.country': '태국',
  'pt.thai.signatory': '치앙마이도지사',
  'pt.partner.name': '세종특별자치시',
  'pt.partner.country': '대한민국',
  'pt.partner.signatory': '세종특별자치시장',
  'pt.title': '치앙마이도와 세종특별자치시 간의 우호협력에 관한 양해각서',
  'pt.preamble': '양측은 상호 이해와 우호 증진을 위하여 다음과 같이 합의한다.',
};

async function editor(c: Client, id: string) {
  const { _csrf, expectedRev, html } = await formTokens(c, `/agreements/${id}/edit`);
  const form: Record<string, string> = { ...editorForm(html), _csrf, expectedRev };
  return { form, html, _csrf, expectedRev };
}

describe('the partner-language column of the editor', () => {
  it('is written beside Thai and English, saved, kept by a later save, refused half-written, and cleared', async () => {
    const rec = await place(app, 'drafting');
    const sec = await app.login('secretary');
    const first = await editor(sec, rec.id);
    // No partner text yet: only the language field and the button that shows the column.
    expect(first.html).toContain('name="pt.lang"');
    expect(first.html).not.toContain('name="articles.0.pt.heading"');

    const shown = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...first.form,
      'pt.lang': 'ko',
      op: 'partner',
    });
    expect(shown.status).toBe(200);
    const shownHtml = await shown.text();
    expect(shownHtml).toContain('name="articles.0.pt.heading" lang="ko"');
    expect(shownHtml).toContain('name="pt.title" lang="ko"');
    expect((await app.service().get(app.actor.admin, rec.id)).rev).toBe(rec.rev); // nothing saved yet

    const typed = {
      ...editorForm(shownHtml),
      _csrf: first._csrf,
      expectedRev: first.expectedRev,
      ...KOREAN,
      'articles.0.pt.heading': '목적',
      'articles.0.pt.text': '이 양해각서는 양 도시 간의 협력을 증진하는 것을 목적으로 한다.',
      'articles.1.pt.heading': '협력 분야',
      'articles.1.pt.text': '양측은 교육, 문화 및 관광 분야에서 협력한다.',
    };

    // Article 2 with a heading and no text: refused by its number, in the page's language, and nothing is saved.
    const half = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...typed,
      'articles.1.pt.text': '',
      op: 'save',
    });
    expect(half.status).toBe(422);
    const halfHtml = await half.text();
    expect(halfHtml).toContain('ข้อความภาษาของคู่ภาคียังไม่ครบถ้วน');
    expect(halfHtml).toMatch(/<strong>ข้อ 2<\/strong>: ข้อความภาษาของคู่ภาคีมีหัวข้อแต่ไม่มีเนื้อความ/);
    expect(halfHtml).toContain('치앙마이도와 세종특별자치시'); // what was typed comes back
    expect((await app.service().get(app.actor.admin, rec.id)).rev).toBe(rec.rev);

    const saved = await sec.postForm(`/agreements/${rec.id}/content`, { ...typed, op: 'save' });
    expect(saved.status).toBe(303);
    const after = await app.service().get(app.actor.admin, rec.id);
    const pt = after.workingDraft.partnerText;
    expect(pt?.lang).toBe('ko');
    expect(pt?.language).toEqual({ th: 'ภาษาเกาหลี', en: 'Korean', native: '한국어' });
    expect(pt?.parties.partner).toEqual({
      name: '세종특별자치시',
      country: '대한민국',
      signatory: '세종특별자치시장',
    });
    expect(pt?.title).toBe(KOREAN['pt.title']);
    // Two articles in Korean, each on the key of its Thai/English article; the others are absent.
    expect(pt?.articles.map((a) => a.key)).toEqual(after.workingDraft.articles.slice(0, 2).map((a) => a.key));
    expect(pt?.articles[1]?.text).toBe('양측은 교육, 문화 및 관광 분야에서 협력한다.');

    // The page shows the saved column; saving it unchanged (a Thai typo fixed) keeps the Korean text.
    const again = await editor(sec, rec.id);
    expect(again.html).toContain('세종특별자치시장');
    const resaved = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...again.form,
      'title.th': `${again.form['title.th'] ?? ''} (แก้ไข)`,
      op: 'save',
    });
    expect(resaved.status).toBe(303);
    const kept = await app.service().get(app.actor.admin, rec.id);
    expect(kept.workingDraft.title.th).toMatch(/\(แก้ไข\)$/);
    expect(kept.workingDraft.partnerText).toEqual(pt);

    // An article moved down takes its Korean text with it (same key), and a new article with Korean text gets a key.
    const moved = await sec.postForm(`/agreements/${rec.id}/content`, { ...again.form, op: 'down:0' });
    const added = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...editorForm(await moved.text()),
      _csrf: again._csrf,
      expectedRev: String(kept.rev),
      op: 'add',
    });
    const addedForm = editorForm(await added.text());
    const n = Object.keys(addedForm).filter((k) => /^articles\.\d+\.key$/.test(k)).length - 1;
    const withNew = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...addedForm,
      _csrf: again._csrf,
      expectedRev: String(kept.rev),
      [`articles.${n}.heading.th`]: 'การติดต่อประสานงาน',
      [`articles.${n}.heading.en`]: 'Contact points',
      [`articles.${n}.text.th`]: 'แต่ละฝ่ายจะแต่งตั้งผู้ประสานงาน',
      [`articles.${n}.text.en`]: 'Each side shall name a contact point.',
      [`articles.${n}.pt.heading`]: '연락 창구',
      [`articles.${n}.pt.text`]: '양측은 각각 연락 담당자를 지정한다.',
      op: 'save',
    });
    expect(withNew.status).toBe(303);
    const grown = await app.service().get(app.actor.admin, rec.id);
    const arts = grown.workingDraft.articles;
    expect(arts[1]?.key).toBe(kept.workingDraft.articles[0]?.key); // the first article moved down
    const last = arts[arts.length - 1];
    const ko = new Map(grown.workingDraft.partnerText?.articles.map((a) => [a.key, a.text]));
    expect(ko.get(arts[1]?.key ?? '')).toBe(pt?.articles[0]?.text);
    expect(last?.heading.en).toBe('Contact points');
    expect(ko.get(last?.key ?? '')).toBe('양측은 각각 연락 담당자를 지정한다.');

    // A language tag that is not BCP 47 (or Thai again): refused in the page's language, nothing saved.
    const current = await editor(sec, rec.id);
    for (const tag of ['Korean!', 'th']) {
      const bad = await sec.postForm(`/agreements/${rec.id}/content`, {
        ...current.form,
        'pt.lang': tag,
        op: 'save',
      });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain(`<strong>รหัสภาษาของคู่ภาคี</strong>: &quot;${tag}&quot; ไม่ใช่รหัสภาษา`);
    }
    expect((await app.service().get(app.actor.admin, rec.id)).rev).toBe(grown.rev);

    // Clearing the whole column removes the partner text.
    const cleared: Record<string, string> = { ...current.form, op: 'save' };
    for (const k of Object.keys(cleared)) if (k.startsWith('pt.') || k.includes('.pt.')) cleared[k] = '';
    const gone = await sec.postForm(`/agreements/${rec.id}/content`, cleared);
    expect(gone.status).toBe(303);
    expect((await app.service().get(app.actor.admin, rec.id)).workingDraft.partnerText).toBeUndefined();
  });

  it('a form posted without the column (an older page) keeps the saved partner text', async () => {
    const rec = await place(app, 'drafting');
    const sec = await app.login('secretary');
    const { form } = await editor(sec, rec.id);
    const withKorean = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...form,
      'pt.lang': 'ko',
      ...KOREAN,
      op: 'save',
    });
    expect(withKorean.status).toBe(303);
    const saved = await app.service().get(app.actor.admin, rec.id);
    expect(saved.workingDraft.partnerText?.articles).toEqual([]);
    const old = Object.fromEntries(Object.entries(form).filter(([k]) => !k.startsWith('pt.')));
    const again = await sec.postForm(`/agreements/${rec.id}/content`, {
      ...old,
      expectedRev: String(saved.rev),
      'title.en': 'Retitled',
      op: 'save',
    });
    expect(again.status).toBe(303);
    const after = await app.service().get(app.actor.admin, rec.id);
    expect(after.workingDraft.title.en).toBe('Retitled');
    expect(after.workingDraft.partnerText).toEqual(saved.workingDraft.partnerText);
  });
});
