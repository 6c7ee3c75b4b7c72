import { checkContent, GAZETTEER, lookUp, RULES } from '../../../src/domain/checks';
import { Pairs } from '../../../src/seed/standard-mou';
import { cleared, errorsOf, findingsOf, onAdded, withArticle } from '../../support/checks';
import { readFixtureJson } from '../../support/fixtures';

describe('MFA wording for a non-binding MOU', () => {
  it('"shall" is an error with "will" offered, but not in the closing formula "the English text shall prevail"', () => {
    const c = withArticle({ th: 'ทั้งสองฝ่ายจะประชุมทุกปี', en: 'Shall the Sides meet, they shall report.' });
    expect(onAdded(c, 'wording.shall').map((f) => [f.excerpt, f.suggestion])).toEqual([
      ['Shall', { en: 'Will' }],
      ['shall', { en: 'will' }],
    ]);
    expect(findingsOf(cleared(), 'wording.shall')).toEqual([]);
  });

  it('binding words are errors, except where the text says the MOU does not bind', () => {
    const c = withArticle({
      th: 'ทั้งสองฝ่ายมีข้อผูกพันตามบันทึกนี้ แต่ไม่มีผลผูกพันตามกฎหมาย และจะกระชับความผูกพันอันดี',
      en: 'The Sides undertake to meet. This text is not legally binding and creates no obligations.',
    });
    expect(onAdded(c, 'wording.binding-terms').map((f) => [f.lang, f.excerpt, f.suggestion])).toEqual([
      ['th', 'ข้อผูกพัน', undefined],
      ['en', 'undertake to', { en: 'will' }],
    ]);
  });

  it('"Agreement" naming this text is an error; the name of another instrument is not', () => {
    const c = withArticle({
      th: 'ทั้งสองฝ่ายจะร่วมมือกันตามความตกลงร่วมกัน',
      en: 'Nothing in this agreement affects the Paris Agreement.',
    });
    expect(onAdded(c, 'wording.agreement-term').map((f) => [f.excerpt, f.suggestion])).toEqual([
      ['agreement', { en: 'Memorandum' }],
    ]);
  });

  it('"Contracting Parties" is an error and "Parties" a warning, each with "Sides" offered', () => {
    const c = withArticle({
      th: 'ภาคีคู่สัญญาจะร่วมมือกัน',
      en: 'The Contracting Parties and the Parties will meet.',
    });
    expect(onAdded(c, 'wording.contracting-parties').map((f) => [f.severity, f.lang, f.suggestion])).toEqual([
      ['error', 'th', { th: 'ฝ่าย' }],
      ['error', 'en', { en: 'Sides' }],
    ]);
    expect(onAdded(c, 'wording.parties').map((f) => [f.severity, f.excerpt])).toEqual([
      ['warning', 'Parties'],
    ]);
  });

  it('a plain "ต้อง" is a warning, but not in "ถูกต้อง" or "ต้องการ"', () => {
    const c = withArticle({
      th: 'แต่ละฝ่ายต้องแจ้งข้อมูลที่ถูกต้องตามที่ต้องการ',
      en: 'Each Side will share accurate information.',
    });
    expect(onAdded(c, 'wording.must')).toEqual([
      expect.objectContaining({ severity: 'warning', excerpt: 'ต้อง', suggestion: { th: 'จะ' } }),
    ]);
  });
});

describe('missing clauses and the closing', () => {
  it('a clause present in one language only is reported for the other language, with the standard text', () => {
    const c = cleared();
    const a5 = c.articles[4];
    if (a5) a5.text.th = 'ทั้งสองฝ่ายจะจัดกิจกรรมร่วมกัน';
    expect(findingsOf(c, 'clause.own-costs')).toEqual([
      expect.objectContaining({
        anchor: { kind: 'document' },
        lang: 'th',
        suggestion: { th: expect.stringContaining('ค่าใช้จ่ายของตน') },
      }),
    ]);
  });

  it('a closing must name the partner’s language when the MOU is signed in it, and say which text prevails', () => {
    const c = cleared();
    c.closing = { th: 'ทำขึ้นเป็นภาษาไทยและภาษาอังกฤษ', en: 'Done in the Thai and English languages.' };
    expect(findingsOf(c, 'clause.closing-languages').map((f) => f.lang)).toEqual(['th', 'en']);
    expect(findingsOf(c, 'clause.closing').map((f) => [f.lang, f.anchor.kind])).toEqual([
      ['th', 'closing'],
      ['en', 'closing'],
    ]);
    const { language: _korean, ...partner } = c.parties.partner;
    delete c.closing;
    expect(findingsOf({ ...c, parties: { ...c.parties, partner } }, 'clause.closing-languages')).toEqual([]);
  });
});

describe('text hygiene', () => {
  it('bidirectional controls are errors, with the text offered without them', () => {
    const c = withArticle({ th: 'ทั้งสองฝ่ายจะร่วมมือกัน', en: 'The Sides will \u202Eetarepooc\u202C together.' });
    const [rle, pdf] = onAdded(c, 'hygiene.bidi-controls');
    expect(rle?.message.en).toContain('U+202E RIGHT-TO-LEFT OVERRIDE');
    expect(pdf?.message.en).toContain('U+202C');
    expect(rle?.suggestion?.en).not.toMatch(/[\u202A-\u202E]/);
  });

  it('a zero width space between Thai letters is a warning; elsewhere, and any joiner, an error', () => {
    const c = withArticle({ th: 'ทั้งสอง\u200Bฝ่ายจะร่วมมือกัน', en: 'The Si\u200Bdes will co\u200Doperate.' });
    expect(onAdded(c, 'hygiene.zero-width-thai').map((f) => [f.severity, f.lang])).toEqual([
      ['warning', 'th'],
    ]);
    expect(onAdded(c, 'hygiene.zero-width').map((f) => f.lang)).toEqual(['en', 'en']);
  });

  it('a number mixing Thai and Arabic digits is an error, fixed to the digits it starts with', () => {
    const c = withArticle({ th: 'ภายในปี ๒565', en: 'By 2022.' });
    expect(onAdded(c, 'hygiene.mixed-digits')).toEqual([
      expect.objectContaining({ excerpt: '๒565', suggestion: { th: '๒๕๖๕' } }),
    ]);
  });

  it('an article label typed into a heading that the document labels already is an error', () => {
    const c = withArticle(
      { th: 'ทั้งสองฝ่ายจะร่วมมือกัน', en: 'The Sides will cooperate.' },
      { th: 'ข้อ 1 ความร่วมมือ', en: 'Article 10: Cooperation' },
    );
    expect(onAdded(c, 'hygiene.heading-label').map((f) => f.suggestion)).toEqual([
      { th: 'ความร่วมมือ' },
      { en: 'Cooperation' },
    ]);
  });
});

describe('parity between the languages', () => {
  it('a heading or text in one language only is an error', () => {
    const c = withArticle({ th: 'ทั้งสองฝ่ายจะร่วมมือกัน', en: ' ' }, { th: 'ความร่วมมือ', en: '' });
    expect(onAdded(c, 'parity.missing-language').map((f) => f.lang)).toEqual(['en', 'en']);
  });

  it('a number in words alone that the other language lacks is a warning; "once" is one, as in "ปีละหนึ่งครั้ง"', () => {
    const c = withArticle({
      th: 'ทั้งสองฝ่ายจะประชุมปีละหนึ่งครั้ง และแจ้งล่วงหน้าหกเดือน',
      en: 'The Sides will meet once a year and give notice in advance.',
    });
    expect(onAdded(c, 'parity.number-words')).toEqual([
      expect.objectContaining({ severity: 'warning', lang: 'th', excerpt: 'หก' }),
    ]);
    expect(onAdded(c, 'parity.numbers')).toEqual([]);
  });

  it('"five (6)" is an error: the words and the digits disagree', () => {
    const c = withArticle({ th: 'เป็นเวลาห้า (๕) ปี', en: 'for five (6) years' });
    expect(onAdded(c, 'numbers.word-digits')).toEqual([
      expect.objectContaining({ lang: 'en', excerpt: 'five (6)' }),
    ]);
  });

  it('a Buddhist-era year matches its Gregorian year, and a date that does not exist is an error', () => {
    const c = withArticle({
      th: 'ภายในปี พ.ศ. 2566 หรือวันที่ 30 กุมภาพันธ์ 2566',
      en: 'by 2023 or 30 February 2023',
    });
    expect(onAdded(c, 'parity.numbers')).toEqual([]);
    expect(onAdded(c, 'dates.invalid').map((f) => f.lang)).toEqual(['th', 'en']);
  });

  it('a Gregorian year in the Thai text is a warning', () => {
    const c = withArticle({ th: 'ภายในวันที่ 14 มีนาคม 2022', en: 'by 14 March 2022' });
    expect(onAdded(c, 'dates.era')).toEqual([expect.objectContaining({ lang: 'th', severity: 'warning' })]);
    expect(onAdded(c, 'parity.dates')).toEqual([]);
  });
});

describe('official names (the gazetteer)', () => {
  it('holds every pair of fixtures/pairs.json with its names exactly as written there', () => {
    for (const p of Pairs.parse(readFixtureJson('pairs.json')).pairs) {
      const partner = lookUp(GAZETTEER.sides, p.partner.en, 'en');
      expect({ name: p.partner, official: partner?.official, same: partner?.entry.name }).toEqual({
        name: p.partner,
        official: true,
        same: p.partner,
      });
      const country = GAZETTEER.countries.find((c) => c.id === partner?.entry.country);
      expect(country?.name).toEqual(p.country);
      expect(lookUp(GAZETTEER.sides, p.thai.th, 'th')?.official).toBe(true);
    }
  });

  it('a short country name in the parties or the text is corrected to the official one', () => {
    const c = cleared();
    c.parties.thai.country = { th: 'ประเทศไทย', en: 'Thailand' };
    const first = c.articles[0];
    if (first) first.text.en += ' Cooperation with South Korea will grow.';
    expect(findingsOf(c, 'names.country-official').map((f) => f.suggestion)).toEqual([
      { th: 'ราชอาณาจักรไทย' },
      { en: 'the Kingdom of Thailand' },
    ]);
    expect(findingsOf(c, 'names.country-in-text').map((f) => [f.excerpt, f.suggestion])).toEqual([
      ['South Korea', { en: 'the Republic of Korea' }],
    ]);
  });

  it('Taiwan, Hong Kong and Macao need MFA’s care: a warning, and an error when one is given as a country', () => {
    const c = cleared();
    c.parties.partner = {
      ...c.parties.partner,
      name: { th: 'นครไทเป', en: 'Taipei City' },
      country: { th: 'ไต้หวัน', en: 'Republic of China' },
    };
    expect(findingsOf(c, 'names.one-china').map((f) => f.severity)).toEqual(['warning']);
    expect(findingsOf(c, 'names.one-china-country').map((f) => f.lang)).toEqual(['th', 'en']);
  });
});

describe('the rules', () => {
  it('have unique ids, a severity and a bilingual guideline each', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(r.guideline.th.trim()).not.toBe('');
      expect(r.guideline.en.trim()).not.toBe('');
    }
  });

  it('can be run a subset at a time', () => {
    const only = RULES.filter((r) => r.id.startsWith('parity.'));
    expect(checkContent(cleared(), { rules: only }).every((f) => f.rule.startsWith('parity.'))).toBe(true);
    expect(errorsOf(cleared())).toEqual([]);
  });
});
