import fc from 'fast-check';
import { AREAS, type Bilingual } from '../../../src/domain';
import { datesIn } from '../../../src/domain/checks/dates';
import {
  buddhistYear,
  englishDate,
  ENGLISH_MONTHS,
  gregorianYear,
  listLetter,
  thaiDate,
  THAI_MONTHS,
  toThaiDigits,
  type CalendarDate,
} from '../../../src/domain/thai-format';
import { errorsOf, onAdded, withArticle } from '../../support/checks';

// Number words written out here, not taken from the code under test.
const EN = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const TH = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า', 'สิบ', 'สิบเอ็ด', 'สิบสอง'];

const DAY = 86_400_000;
const dateOf = (t: number): CalendarDate => {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const iso = (d: CalendarDate) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
/** Any day from `from` to `to` (years, inclusive). */
const day = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1) / DAY, max: Date.UTC(to, 11, 31) / DAY })
    .map((n) => dateOf(n * DAY));

const digits = (thai: boolean) => (n: number) => (thai ? toThaiDigits(n) : String(n));

/** Clauses of the kind the model form has, with random variables, the same in both languages. */
const clause: fc.Arbitrary<Bilingual> = fc.oneof(
  fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 8 }).map((areas) => ({
    th: `ทั้งสองฝ่ายจะร่วมมือกันในสาขาดังต่อไปนี้ ${areas.map((a, i) => `(${listLetter(i + 1, 'th')}) ${a.label.th}`).join(' ')}`,
    en: `The Sides will cooperate in the following areas: ${areas.map((a, i) => `(${listLetter(i + 1, 'en')}) ${a.label.en.toLowerCase()}`).join('; ')}.`,
  })),
  fc
    .record({ y: fc.integer({ min: 1, max: 12 }), m: fc.integer({ min: 1, max: 12 }), thai: fc.boolean() })
    .map(({ y, m, thai }) => ({
      th: `บันทึกความเข้าใจนี้จะมีผลเป็นระยะเวลา${TH[y]} (${digits(thai)(y)}) ปี และอาจยุติได้โดยการแจ้งเป็นลายลักษณ์อักษรล่วงหน้า${TH[m]} (${digits(thai)(m)}) เดือน`,
      en: `This Memorandum will remain in effect for ${EN[y]} (${y}) years and may be terminated by ${EN[m]} (${m}) months’ written notice.`,
    })),
  fc.record({ d: day(1960, 2200), thai: fc.boolean() }).map(({ d, thai }) => ({
    th: `ทั้งสองฝ่ายจะจัดการประชุมร่วมกันครั้งแรกภายในวันที่ ${thaiDate(d, { thaiDigits: thai })}`,
    en: `The Sides will hold their first joint meeting by ${englishDate(d)}.`,
  })),
  fc.record({ d: day(1960, 2200), thai: fc.boolean() }).map(({ d, thai }) => ({
    th: `ทั้งสองฝ่ายจะทบทวนแผนปฏิบัติการในเดือน${THAI_MONTHS[d.month - 1]} ${digits(thai)(buddhistYear(d))}`,
    en: `The Sides will review the action plan in ${ENGLISH_MONTHS[d.month - 1]} ${d.year}.`,
  })),
  fc.record({ n: fc.integer({ min: 1, max: 500 }), thai: fc.boolean() }).map(({ n, thai }) => ({
    th: `แต่ละฝ่ายจะส่งคณะผู้แทนจำนวนไม่เกิน ${digits(thai)(n)} คน`,
    en: `Each Side will send a delegation of no more than ${n} persons.`,
  })),
  fc.constant({
    th: 'แต่ละฝ่ายจะกำหนดหน่วยประสานงานเพื่อประสานการดำเนินการตามบันทึกความเข้าใจนี้',
    en: 'Each Side will designate a focal point to coordinate the implementation of this Memorandum.',
  }),
);

const cleanArticle = fc.array(clause, { minLength: 1, maxLength: 3 }).map((cs) => ({
  th: cs.map((c) => c.th).join(' '),
  en: cs.map((c) => c.en).join(' '),
}));

const RUNS = { numRuns: 150 };

describe('parity of numbers and dates (property tests)', () => {
  it('a random clean article, built from the model form’s clauses with random variables, never raises an error', () => {
    fc.assert(
      fc.property(cleanArticle, (text) => {
        expect(errorsOf(withArticle(text))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a number added to one language only is found, in that language', () => {
    fc.assert(
      fc.property(
        cleanArticle,
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('th', 'en'),
        fc.boolean(),
        (text, n, lang, words) => {
          const added =
            lang === 'en'
              ? { ...text, en: `${text.en} The Sides will invite ${words ? `${EN[n]} (${n})` : n} experts.` }
              : {
                  ...text,
                  th: `${text.th} ทั้งสองฝ่ายจะเชิญผู้เชี่ยวชาญ${words ? `${TH[n]} (${toThaiDigits(n)})` : ` ${n} `}คน`,
                };
          expect(onAdded(withArticle(added), 'parity.numbers').map((f) => f.lang)).toEqual([lang]);
        },
      ),
      RUNS,
    );
  });

  it('the same number in Thai digits in the Thai text and Arabic digits in the English is not a difference', () => {
    fc.assert(
      fc.property(cleanArticle, fc.integer({ min: 0, max: 1_000_000 }), (text, n) => {
        const both = { th: `${text.th} จำนวน ${toThaiDigits(n)} ราย`, en: `${text.en} In all ${n} cases.` };
        expect(onAdded(withArticle(both), 'parity.numbers')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a date added to one language only is found; the same date in both (BE with Thai digits, CE) is not', () => {
    fc.assert(
      fc.property(
        cleanArticle,
        day(1941, 2400),
        fc.constantFrom('th', 'en'),
        fc.boolean(),
        (text, d, lang, thai) => {
          const th = `ภายในวันที่ ${thaiDate(d, { thaiDigits: thai })}`;
          const en = `By ${englishDate(d)}.`;
          const one =
            lang === 'th' ? { ...text, th: `${text.th} ${th}` } : { ...text, en: `${text.en} ${en}` };
          expect(onAdded(withArticle(one), 'parity.dates').map((f) => f.lang)).toEqual([lang]);
          const both = { th: `${text.th} ${th}`, en: `${text.en} ${en}` };
          expect(onAdded(withArticle(both), 'parity.dates')).toEqual([]);
        },
      ),
      RUNS,
    );
  });
});

describe('Buddhist era and Gregorian dates', () => {
  it('reads back every date it writes, in Thai (Thai or Arabic digits, full or short months) and in English', () => {
    fc.assert(
      fc.property(day(1890, 2400), fc.boolean(), (d, thai) => {
        const read = (text: string, lang: 'th' | 'en') => datesIn(text, lang).dates.map((t) => t.value);
        expect(read(`เมื่อวันที่ ${thaiDate(d, { thaiDigits: thai })}`, 'th')).toEqual([iso(d)]);
        // A two-digit year ("14 มี.ค. 65") is read as BE 25xx: CE 1957–2056.
        if (d.year >= 1957 && d.year <= 2056)
          expect(read(thaiDate(d, { short: true, thaiDigits: thai }), 'th')).toEqual([iso(d)]);
        expect(read(`on ${englishDate(d)}`, 'en')).toEqual([iso(d)]);
        expect(gregorianYear(buddhistYear(d), d.month)).toBe(d.year);
      }),
      { numRuns: 400 },
    );
  });

  it('across a year boundary the BE year moves on by one exactly where the Thai year begins (1 January since 1941, 1 April before)', () => {
    fc.assert(
      fc.property(day(1890, 2400), (d) => {
        const next = dateOf(Date.UTC(d.year, d.month - 1, d.day) + DAY);
        const newYear =
          next.year >= 1941 ? next.month === 1 && next.day === 1 : next.month === 4 && next.day === 1;
        expect(buddhistYear(next) - buddhistYear(d)).toBe(newYear ? 1 : 0);
      }),
      { numRuns: 400 },
    );
    const be = (y: number, m: number, dd: number) => thaiDate({ year: y, month: m, day: dd });
    expect([be(2021, 12, 31), be(2022, 1, 1), be(2022, 3, 14), be(2022, 12, 31)]).toEqual([
      '31 ธันวาคม 2564',
      '1 มกราคม 2565',
      '14 มีนาคม 2565',
      '31 ธันวาคม 2565',
    ]);
    expect([
      be(1939, 12, 31),
      be(1940, 1, 1),
      be(1940, 3, 31),
      be(1940, 4, 1),
      be(1940, 12, 31),
      be(1941, 1, 1),
    ]).toEqual([
      '31 ธันวาคม 2482',
      '1 มกราคม 2482',
      '31 มีนาคม 2482',
      '1 เมษายน 2483',
      '31 ธันวาคม 2483',
      '1 มกราคม 2484',
    ]);
    // BE 2483 began on 1 April 1940 and ended on 31 December: it had no January to March.
    expect(datesIn('1 มกราคม 2483', 'th').dates.map((t) => t.value)).toEqual([undefined]);
  });
});
