// The line rules of a Word file's MOU text: script, article headings, the closing, signature lines.
import type { BodyPara } from '../../../../src/documents/word-in/body';
import {
  headingOf,
  isClosingStart,
  isSignatureLine,
  scriptOf,
} from '../../../../src/documents/word-in/draft-lines';

const para = (text: string, bold = false): BodyPara => ({
  index: 0,
  text,
  original: text,
  bookmarks: [],
  changes: [],
  commentStarts: [],
  commentEnds: [],
  bold,
});
const heading = (text: string, lang: 'th' | 'en', bold = false) => headingOf(para(text, bold), text, lang);

it('tells Thai from English by its letters (U+0E00–U+0E7F), names in the other script notwithstanding', () => {
  expect(scriptOf('ทั้งสองฝ่ายจะร่วมมือกับเมือง Sejong')).toBe('th');
  expect(scriptOf('Chiang Mai Province')).toBe('en');
  expect(scriptOf('……… (๑)')).toBe('th');
  expect(scriptOf('……………')).toBe('none');
});

it.each([
  ['ข้อ ๑ วัตถุประสงค์', 'th', 1, 'วัตถุประสงค์'],
  ['ข้อ 12', 'th', 12, ''],
  ['ข้อที่ ๓. ค่าใช้จ่าย', 'th', 3, 'ค่าใช้จ่าย'],
  ['Article 1 Objective', 'en', 1, 'Objective'],
  ['ARTICLE 4 - Implementation', 'en', 4, 'Implementation'],
  ['Article IX: Termination', 'en', 9, 'Termination'],
  ['Article 2', 'en', 2, ''],
] as const)('reads the heading "%s"', (text, lang, no, h) => {
  expect(heading(text, lang)).toEqual({ no, heading: h, runIn: '' });
});

it('takes a long plain line after the number as the article text run in, not as a heading', () => {
  const text =
    'ข้อ ๑ ทั้งสองฝ่ายจะส่งเสริมความร่วมมือในด้านการท่องเที่ยว การศึกษา และวัฒนธรรม โดยยึดหลักความเสมอภาคและผลประโยชน์ร่วมกัน';
  expect(heading(text, 'th')).toMatchObject({
    no: 1,
    heading: '',
    runIn: expect.stringMatching(/^ทั้งสองฝ่าย/),
  });
  expect(heading('Article 1. The Parties will cooperate.', 'en')).toMatchObject({
    heading: '',
    runIn: 'The Parties will cooperate.',
  });
  expect(heading('Article 1. The Parties will cooperate.', 'en', true)?.heading).toBe(
    'The Parties will cooperate.',
  );
});

it('does not take words that only start like a heading', () => {
  expect(heading('ข้อแตกต่างใด ๆ จะได้รับการแก้ไขฉันมิตร', 'th')).toBeUndefined();
  expect(heading('Articles of association', 'en')).toBeUndefined();
  expect(heading('Article 0', 'en')).toBeUndefined();
});

it('finds the closing and the signature block by their usual words', () => {
  expect(isClosingStart('ทำขึ้นเป็นคู่ฉบับ ณ จังหวัดเชียงใหม่', 'th')).toBe(true);
  expect(isClosingStart('Done in duplicate at Chiang Mai', 'en')).toBe(true);
  expect(isClosingStart('IN WITNESS WHEREOF, the undersigned…', 'en')).toBe(true);
  expect(isClosingStart('This Memorandum will take effect on the date of its signature.', 'en')).toBe(false);
  expect(isSignatureLine('For Chiang Mai Province')).toBe(true);
  expect(isSignatureLine('สำหรับเขตปกครองตนเองพิเศษเซจง')).toBe(true);
  expect(isSignatureLine('(……………………………………)')).toBe(true);
  expect(isSignatureLine('(นายสมชาย ใจดี)')).toBe(true);
  expect(isSignatureLine('(ก) การท่องเที่ยว')).toBe(false);
  expect(isSignatureLine('For the avoidance of doubt, this Memorandum creates no obligations.')).toBe(false);
});
