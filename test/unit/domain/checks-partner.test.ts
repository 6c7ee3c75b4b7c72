// The checks over the partner's text: numbers, dates and articles compared with the Thai and English texts, and the
// closing naming the languages present — with and without a partner text.
import type { AgreementContent } from '../../../src/domain/agreement';
import { checkContent } from '../../../src/domain/checks';
import { chiangMaiSejong, chiangMaiSejongKo } from '../../support/fixtures';

const ko = (): AgreementContent => structuredClone(chiangMaiSejongKo().draft2);
const partnerFindings = (c: AgreementContent) => checkContent(c).filter((f) => f.lang === 'partner');

function editArticle(c: AgreementContent, no: number, edit: (text: string) => string): AgreementContent {
  const key = c.articles.find((a) => a.no === no)?.key;
  const pa = c.partnerText?.articles.find((a) => a.key === key);
  if (!pa) throw new Error(`no partner text for article ${no}`);
  pa.text = edit(pa.text);
  return c;
}

describe('checks of a partner-language text', () => {
  it('find nothing in the Korean text of the sample, which says what the Thai and English say', () => {
    expect(partnerFindings(ko())).toEqual([]);
    expect(checkContent(ko()).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('find three years where Thai and English say five, at that article, naming the language', () => {
    const c = editArticle(ko(), 9, (t) => t.replace('5년간', '3년간'));
    const found = partnerFindings(c);
    expect(found).toHaveLength(1);
    const [f] = found;
    expect(f?.rule).toBe('parity.partner-numbers');
    expect(f?.severity).toBe('error');
    expect(f?.anchor).toMatchObject({ kind: 'article', no: 9 });
    expect(f?.excerpt).toBe('3');
    expect(f?.message.en).toContain('the Korean text (ko)');
    expect(f?.message.en).toContain('"3"');
    expect(f?.message.th).toContain('ภาษาเกาหลี');
  });

  it('read Chinese numerals before a unit: 三年 against five years', () => {
    const c = ko();
    if (!c.partnerText) throw new Error('no partner text');
    c.partnerText = {
      ...c.partnerText,
      lang: 'zh-Hans',
      language: { th: 'ภาษาจีน', en: 'Chinese', native: '中文' },
    };
    editArticle(
      c,
      9,
      () =>
        '本谅解备忘录自签署之日起生效，有效期为三年；除非任何一方至少提前六个月书面通知另一方终止，本谅解备忘录将自动延续，每次延续五年。',
    );
    const [f, ...rest] = partnerFindings(c);
    expect(rest).toEqual([]);
    expect(f?.anchor).toMatchObject({ kind: 'article', no: 9 });
    expect(f?.excerpt).toBe('三');
    expect(f?.message.en).toContain('the Chinese text (zh-Hans)');
  });

  it('find a date that differs, and an article the partner text does not have', () => {
    const c = editArticle(ko(), 4, (t) => `${t} 첫 회의는 2026년 5월 1일에 개최한다.`);
    expect(partnerFindings(c).map((f) => [f.rule, f.anchor.kind === 'article' ? f.anchor.no : 0])).toEqual([
      ['parity.partner-dates', 4],
    ]);
    const missing = ko();
    if (missing.partnerText) missing.partnerText.articles.splice(4, 1);
    const [m] = partnerFindings(missing);
    expect(m?.rule).toBe('parity.partner-missing-article');
    expect(m?.anchor).toMatchObject({ kind: 'article', no: 5 });
    expect(m?.message.en).toBe(
      "Article 5 is not in the Korean text (ko) yet (All texts equally authentic: the partner's text says what the Thai and English texts say)",
    );
  });

  it('want the closing to name the partner language when there is a partner text, and not without one', () => {
    const onlyTwo = ko();
    onlyTwo.closing = {
      th: 'ทำขึ้นเป็นคู่ฉบับ ณ {{place.th}} เมื่อวันที่ {{date.th}} เป็นภาษาไทยและภาษาอังกฤษ ทุกฉบับมีความถูกต้องเท่าเทียมกัน ในกรณีที่มีการตีความแตกต่างกัน ให้ใช้ฉบับภาษาอังกฤษเป็นเกณฑ์',
      en: 'Signed in duplicate at {{place.en}} on {{date.en}}, in the Thai and English languages, all texts being equally authentic. In case of any divergence of interpretation, the English text shall prevail.',
    };
    delete onlyTwo.parties.partner.language;
    const closing = (c: AgreementContent) =>
      checkContent(c).filter((f) => f.rule === 'clause.closing-languages');
    expect(closing(onlyTwo).map((f) => [f.lang, f.message.en.split(',')[0]])).toEqual([
      ['th', 'The closing of the Thai text does not name เกาหลี'],
      ['en', 'The closing of the English text does not name Korean'],
    ]);
    const bilingual = structuredClone(onlyTwo);
    delete bilingual.partnerText;
    expect(closing(bilingual)).toEqual([]);
  });

  it('leave an agreement without a partner text exactly as before: no finding about a partner', () => {
    expect(partnerFindings(chiangMaiSejong().draft2)).toEqual([]);
  });
});
