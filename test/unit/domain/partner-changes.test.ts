// The partner's returned text classified against the cleared text: numbers, dates, names, commitments and added or
// removed articles are substantive (back to MFA); wording and punctuation editorial (agree the final text).
import { classifyPartnerChanges, classifyText, type ReturnedText } from '../../../src/domain/partner-changes';
import { chiangMaiSejong } from '../../support/fixtures';

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
