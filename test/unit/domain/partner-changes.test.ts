// The partner's returned text classified against the cleared text: numbers, dates, names, commitments and added or
// removed articles are substantive (back to MFA); wording and punctuation editorial (agree the final text).
import { classifyPartnerChanges, classifyText, type ReturnedText } from '../../../src/domain/partner-changes';
import { chiangMaiSejong, chiangMaiSejongKo } from '../../support/fixtures';

const cleared = chiangMaiSejong().draft2;
const same = () => ({
  title: cleared.title,
  preamble: cleared.preamble,
  ...(cleared.closing ? { closing: cleared.closing } : {}),
  articles: cleared.articles.map((a) => ({ ...a })) as ReturnedText['articles'][number][],
});

describe('classifyText', () => {
  it.each([
    ['numbers', 'en', 'for a period of five (5) years', 'for a period of ten (10) years'],
    ['numbers', 'th', 'มีกำหนด ๕ ปี', 'มีกำหนด ๑๐ ปี'],
    ['dates', 'en', 'signed on 24 August 2022', 'signed on 25 August 2022'],
    ['commitments', 'en', 'Each Party will bear its own costs.', 'Each Party may bear its own costs.'],
    ['commitments', 'th', 'แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตนเอง', 'แต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตนเอง'],
    ['names', 'en', 'between Chiang Mai and Sejong City', 'between Chiang Mai and Busan City'],
  ] as const)('%s: %s', (reason, lang, before, after) => {
    expect(classifyText(before, after, lang)).toContain(reason);
  });

  it.each([
    ['en', 'The Parties will cooperate in culture.', 'The Parties will co-operate in the field of culture.'],
    ['en', 'The Parties will cooperate in culture', 'The Parties will cooperate in culture.'],
    ['th', 'ทั้งสองฝ่ายจะร่วมมือกันในด้านวัฒนธรรม', 'ทั้งสองฝ่ายจะร่วมมือกันในสาขาวัฒนธรรม'],
  ] as const)('editorial in %s: %s', (lang, before, after) => {
    expect(classifyText(before, after, lang)).toEqual(['wording']);
  });

  it('finds no change in spacing alone', () => {
    expect(classifyText('The  Parties\nwill', 'The Parties will', 'en')).toEqual([]);
  });
});

describe('classifyPartnerChanges', () => {
  it('the same text: nothing changed, agree the final text', () => {
    expect(classifyPartnerChanges(cleared, same())).toEqual({
      parts: [],
      substantive: false,
      proposal: 'AGREE_FINAL_TEXT',
    });
  });

  it('an editorial change only: agree the final text, the article named', () => {
    const r = same();
    const a = r.articles[1]!;
    r.articles[1] = { ...a, text: { ...a.text, en: a.text.en.replace(/\.$/, '') + ' .' } };
    const c = classifyPartnerChanges(cleared, r);
    expect(c.proposal).toBe('AGREE_FINAL_TEXT');
    expect(c.parts).toEqual([
      expect.objectContaining({
        part: 'article',
        key: a.key,
        no: a.no,
        substantive: false,
        reasons: ['wording'],
      }),
    ]);
  });

  it('a removed article and an added one: substantive, back to MFA', () => {
    const r = same();
    const removed = r.articles.splice(2, 1)[0]!;
    r.articles.push({
      no: 99,
      heading: { th: 'การระงับข้อพิพาท', en: 'Arbitration' },
      text: { th: 'ให้ระงับโดยอนุญาโตตุลาการ', en: 'Disputes go to arbitration in Singapore.' },
    });
    const c = classifyPartnerChanges(cleared, r);
    expect(c.proposal).toBe('SUBMIT_PARTNER_CHANGES');
    expect(c.parts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'removed', key: removed.key, reasons: ['removed'] }),
        expect.objectContaining({ status: 'added', newNo: 99, reasons: ['added'] }),
      ]),
    );
  });
});

describe("the partner's-language text (Chiang Mai–Sejong with its Korean text)", () => {
  const ko = chiangMaiSejongKo().draft2;
  const pt = ko.partnerText;
  if (!pt) throw new Error('the Korean story has no partner text');
  const article9 = ko.articles[8];
  const korean = (o: { text9?: string; text8?: string; title?: string } = {}) => ({
    title: o.title ?? pt.title,
    preamble: pt.preamble,
    articles: pt.articles.map((a) =>
      a.key === article9?.key && o.text9
        ? { ...a, text: o.text9 }
        : a.key === ko.articles[7]?.key && o.text8
          ? { ...a, text: o.text8 }
          : a,
    ),
  });
  const returned = (partner: ReturnedText['partner']): ReturnedText => ({
    title: ko.title,
    preamble: ko.preamble,
    ...(ko.closing ? { closing: ko.closing } : {}),
    articles: ko.articles.map((a) => ({ ...a })),
    ...(partner ? { partner } : {}),
  });
  const text9 = pt.articles.find((a) => a.key === article9?.key)?.text ?? '';

  it('the same Korean text: nothing changed', () => {
    expect(classifyPartnerChanges(ko, returned(korean())).parts).toEqual([]);
  });

  it('five years made three in the Korean text only: substantive at article 9, the change in Korean', () => {
    const r = classifyPartnerChanges(ko, returned(korean({ text9: text9.replace('5년간', '3년간') })));
    expect(r.proposal).toBe('SUBMIT_PARTNER_CHANGES');
    expect(r.parts).toEqual([
      expect.objectContaining({
        part: 'article',
        key: article9?.key,
        no: 9,
        status: 'changed',
        substantive: true,
        reasons: ['numbers'],
      }),
    ]);
    expect(r.parts[0]?.changes).toEqual([
      expect.objectContaining({ lang: 'partner', tag: 'ko', reasons: ['numbers'] }),
    ]);
  });

  it('a Korean word changed (합의 → 동의): editorial, the final text may be agreed', () => {
    const text8 = pt.articles.find((a) => a.key === ko.articles[7]?.key)?.text ?? '';
    const r = classifyPartnerChanges(
      ko,
      returned(korean({ text8: text8.replace('서면 합의로', '서면 동의로') })),
    );
    expect(r.proposal).toBe('AGREE_FINAL_TEXT');
    expect(r.parts.map((p) => [p.no, p.reasons, p.changes.map((c) => c.lang)])).toEqual([
      [8, ['wording'], ['partner']],
    ]);
  });

  it('an English change and a Korean one in the same article are one entry with both changes', () => {
    const r = classifyPartnerChanges(ko, {
      ...returned(korean({ text9: text9.replace('5년간', '3년간') })),
      articles: ko.articles.map((a) =>
        a.key === article9?.key ? { ...a, text: { ...a.text, en: `${a.text.en} ` + 'Amended.' } } : { ...a },
      ),
    });
    expect(r.parts).toHaveLength(1);
    expect(r.parts[0]?.changes.map((c) => c.lang)).toEqual(['en', 'partner']);
    expect(r.parts[0]?.reasons).toEqual(expect.arrayContaining(['wording', 'numbers']));
    expect(r.parts[0]?.substantive).toBe(true);
  });

  it('a partner name changed in the Korean title: names, substantive', () => {
    const r = classifyPartnerChanges(
      ko,
      returned(korean({ title: pt.title.replace(pt.parties.partner.name, '부산광역시') })),
    );
    expect(r.parts.map((p) => [p.part, p.reasons])).toEqual([['title', ['names']]]);
  });

  it('a file without the Korean text (its anchors gone): the Thai and English are compared as before', () => {
    expect(classifyPartnerChanges(ko, returned(undefined)).parts).toEqual([]);
  });
});
