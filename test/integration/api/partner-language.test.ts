// The partner's language over the API: content with the Korean text is saved and read back, its checks name the
// language at the article, and a partner text that does not fit is refused (problem+json, both languages).
import type { Actor } from '../../../src/domain';
import { FindingList } from '../../../src/domain/checks';
import { chiangMaiSejongKo } from '../../support/fixtures';
import { agreementsPath, startApi, type ApiApp } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const secretary = (): Actor => ({
  userId: api.userId.secretary,
  name: 'secretary',
  role: 'secretary',
  province: 'chiang-mai',
});

describe('an agreement with the Korean text over the API', () => {
  it('saves it, reads it back, and checks it: three years in Korean where Thai and English say five', async () => {
    const ko = chiangMaiSejongKo().draft2;
    const a = await api.services.agreements.createDraft(secretary(), { province: 'chiang-mai', content: ko });
    const read = await api.call('secretary', 'GET', `${agreementsPath}/${a.id}`);
    expect(read.status).toBe(200);
    expect((read.body as { workingDraft: typeof ko }).workingDraft.partnerText).toEqual(ko.partnerText);

    const changed = structuredClone(ko);
    const a9 = changed.partnerText?.articles[8];
    if (!a9) throw new Error('no article 9');
    a9.text = a9.text.replace('5년간', '3년간');
    const put = await api.call('secretary', 'PUT', `${agreementsPath}/${a.id}/content`, {
      expectedRev: a.rev,
      content: changed,
    });
    expect(put.status).toBe(200);
    const { findings } = FindingList.parse(
      (await api.call('secretary', 'GET', `${agreementsPath}/${a.id}/checks`)).body,
    );
    const partner = findings.filter((f) => f.lang === 'partner');
    expect(partner.map((f) => [f.rule, f.anchor.kind === 'article' ? f.anchor.no : 0])).toEqual([
      ['parity.partner-numbers', 9],
    ]);
    expect(partner[0]?.message.th).toContain('ภาษาเกาหลี');
  });

  it('refuses a partner text with a half-written article, in the reader’s language, and keeps what was saved', async () => {
    const ko = chiangMaiSejongKo().draft2;
    const a = await api.services.agreements.createDraft(secretary(), { province: 'chiang-mai', content: ko });
    const bad = structuredClone(ko);
    const third = bad.partnerText?.articles[2];
    if (third) third.heading = '';
    const put = await api.call(
      'secretary',
      'PUT',
      `${agreementsPath}/${a.id}/content`,
      { expectedRev: a.rev, content: bad },
      { 'accept-language': 'th' },
    );
    expect(put.status).toBe(422);
    expect(put.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = put.body as { title: string; errors: { path: string }[] };
    expect(body.title).toBe('ข้อมูลไม่ถูกต้อง');
    expect(body.errors.map((e) => e.path)).toEqual(['content.partnerText.articles.2.heading']);
    const read = await api.call('secretary', 'GET', `${agreementsPath}/${a.id}`);
    expect((read.body as { rev: number }).rev).toBe(a.rev);
  });
});
