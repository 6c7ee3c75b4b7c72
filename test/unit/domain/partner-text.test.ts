// The partner's language: its tag, its dates, and the partner text a fixture story's draft 2 takes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgreementContent } from '../../../src/domain/agreement';
import { DomainError } from '../../../src/domain/errors';
import { withPartnerText } from '../../../src/domain/fixture-partner';
import { articleLabel, dateInLang, PartnerLang, textLangs } from '../../../src/domain/text-lang';
import { chiangMaiSejong, chiangMaiSejongKo, FIXTURES_DIR, readFixtureJson } from '../../support/fixtures';

describe('a partner language', () => {
  it.each(['ko', 'zh-Hans', 'zh-Hant', 'ja', 'vi', 'mn', 'km', 'lo', 'ru'])(
    '%s is a partner language',
    (tag) => {
      expect(PartnerLang.safeParse(tag).success).toBe(true);
    },
  );

  it.each(['th', 'en', 'en-GB', 'zh-hans', 'KO', 'ko_KR', 'x', 'not a tag'])('%s is refused', (tag) => {
    expect(PartnerLang.safeParse(tag).success).toBe(false);
  });

  it('adds a third text language after Thai and English, and none without a partner', () => {
    expect(textLangs(undefined)).toEqual(['th', 'en']);
    expect(textLangs('ko')).toEqual(['th', 'en', 'ko']);
  });

  it('writes a date and an article number the way the language does', () => {
    expect(dateInLang('ko', 2026, 3, 1)).toBe('2026년 3월 1일');
    expect(dateInLang('zh-Hans', 2026, 3, 1)).toBe('2026年3月1日');
    expect(dateInLang('ja', 2026, 3, 1)).toBe('2026年3月1日');
    expect(articleLabel('ko', 9)).toBe('제9조');
    expect(articleLabel('zh-Hans', 9)).toBe('第9条');
  });
});

describe('the partner text of a story', () => {
  it('is kept byte-identical to the shared copy', () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'chiang-mai-sejong-ko.json'));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      '304d4921325c41e5477efa296dc13f3b1291b3355503150420532e06a0b80cba',
    );
  });

  it('goes on draft 2, each article on the key of the article with its number; draft 1 stays bilingual', () => {
    const s = chiangMaiSejongKo();
    const p = s.draft2.partnerText;
    expect(p?.lang).toBe('ko');
    expect(p?.articles.map((a) => a.key)).toEqual(s.draft2.articles.map((a) => a.key));
    expect(p?.articles[8]?.text).toContain('5년간');
    expect(s.draft1.partnerText).toBeUndefined();
    expect(AgreementContent.safeParse(s.draft2).success).toBe(true);
  });

  it('reads as before without a partner text: content has no partnerText field at all', () => {
    expect('partnerText' in chiangMaiSejong().draft2).toBe(false);
  });

  it('refuses an article with a heading and no text, saying so in Thai and English', () => {
    const json = structuredClone(readFixtureJson('chiang-mai-sejong-ko.json')) as {
      articles: { no: number; heading: string; text: string }[];
    };
    const third = json.articles[2];
    if (third) third.text = '  ';
    const run = () => withPartnerText(chiangMaiSejong().draft2, json);
    expect(run).toThrow(DomainError);
    try {
      run();
    } catch (e) {
      const err = e as DomainError;
      expect(err.userMessage.en).toMatch(/partner's text is incomplete.*articles\.2\.text/);
      expect(err.userMessage.th).toMatch(/ข้อความภาษาของคู่ภาคีไม่ครบ/);
    }
  });

  it('refuses an article the draft does not have, and a tag that is not BCP 47', () => {
    const extra = structuredClone(readFixtureJson('chiang-mai-sejong-ko.json')) as {
      articles: { no: number; heading: string; text: string }[];
      lang: string;
    };
    extra.articles.push({ no: 12, heading: '기타', text: '기타 조항' });
    expect(() => withPartnerText(chiangMaiSejong().draft2, extra)).toThrow(/article 12/);
    const badTag = { ...extra, articles: extra.articles.slice(0, 9), lang: 'ko_KR' };
    expect(() => withPartnerText(chiangMaiSejong().draft2, badTag)).toThrow(/BCP 47/);
  });

  it('may leave an article out (absent, not half-written)', () => {
    const json = structuredClone(readFixtureJson('chiang-mai-sejong-ko.json')) as { articles: unknown[] };
    json.articles = json.articles.slice(0, 8);
    const c = withPartnerText(chiangMaiSejong().draft2, json);
    expect(c.partnerText?.articles).toHaveLength(8);
  });
});
