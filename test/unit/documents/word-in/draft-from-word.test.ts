// A new draft from a Word file: our own MOU in every layout comes back as the same title, preamble, articles and closing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeDocument, renderDocument, type Layout } from '../../../../src/documents';
import type { DocModel } from '../../../../src/documents/model';
import type { BodyPara } from '../../../../src/documents/word-in/body';
import { draftFromParagraphs, readDraftFromWord } from '../../../../src/documents/word-in/draft-from-word';
import { openWordPackage } from '../../../../src/documents/word-in/package';
import { fixtureInput } from '../../../support/doc-inputs';

const LAYOUTS: readonly Layout[] = ['parallel', 'sequential', 'separate'];

/** The closing as printed: the fixture's placeholders filled with the place and date of signing. */
function printedClosing(model: DocModel): { th: string; en: string } {
  const block = model.blocks.find((b) => b.kind === 'text' && b.key === 'closing');
  if (!block || block.kind !== 'text') throw new Error('no closing block');
  const text = (paras: typeof block.th) =>
    (paras ?? []).map((p) => p.spans.map((s) => s.text).join('')).join('\n');
  return { th: text(block.th), en: text(block.en) };
}

describe.each(LAYOUTS)('our own MOU, %s layout', (layout) => {
  it('comes back as the same title, preamble, articles and closing, with a clean report', async () => {
    const input = fixtureInput('mou', layout);
    const { buffer } = await renderDocument(input);
    const { content, report } = await readDraftFromWord(await openWordPackage(buffer));
    const c = input.content;
    expect(report.layout).toBe(layout);
    expect(content.title).toEqual(c.title);
    expect(content.preamble).toEqual(c.preamble);
    expect(content.articles).toEqual(c.articles.map(({ no, heading, text }) => ({ no, heading, text })));
    expect(content.closing).toEqual(printedClosing(composeDocument(input)));
    expect(report.notes).toEqual([]);
    expect(report.found.th.articles).toEqual(c.articles.map((a) => a.no));
    expect(report.anchoredHeadings).toBe(2 * c.articles.length);
    expect(report.signatureParagraphs).toBeGreaterThan(0);
  });
});

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/word-in', name));
const read = async (name: string) => readDraftFromWord(await openWordPackage(fixture(name)));

describe.each(LAYOUTS)('our own MOU, %s layout, saved again by LibreOffice', (layout) => {
  it('comes back as the same articles, title, preamble and closing', async () => {
    const input = fixtureInput('mou', layout);
    const { content, report } = await read(`mou-${layout}.libreoffice.docx`);
    const c = input.content;
    expect(report.layout).toBe(layout);
    expect(content.articles).toEqual(c.articles.map(({ no, heading, text }) => ({ no, heading, text })));
    expect(content.title).toEqual(c.title);
    expect(content.preamble).toEqual(c.preamble);
    expect(content.closing).toEqual(printedClosing(composeDocument(input)));
    expect(report.notes).toEqual([]);
    // LibreOffice keeps our bookmarks, and they confirm every heading.
    expect(report.anchoredHeadings).toBe(2 * c.articles.length);
  });
});

it('reads a parallel table with English on the left (LibreOffice, no bookmarks) by the script of each column', async () => {
  const input = fixtureInput('mou', 'parallel');
  const { content, report } = await read('swapped-columns.docx');
  const c = input.content;
  expect(report).toMatchObject({ layout: 'parallel', thaiColumn: 'right', anchoredHeadings: 0, notes: [] });
  expect(content.articles).toEqual(c.articles.map(({ no, heading, text }) => ({ no, heading, text })));
  expect(content.title).toEqual(c.title);
  expect(content.preamble).toEqual(c.preamble);
  expect(content.closing).toEqual(printedClosing(composeDocument(input)));
});

it('reads sequential texts with no bookmarks: numbers alone on their line, headings below or in a heading style', async () => {
  const input = fixtureInput('mou', 'sequential');
  const { content, report } = await read('no-bookmarks-sequential.docx');
  const c = input.content;
  const closing = printedClosing(composeDocument(input));
  expect(report).toMatchObject({ layout: 'sequential', anchoredHeadings: 0, notes: [] });
  expect(content.articles).toEqual(c.articles.map(({ no, heading, text }) => ({ no, heading, text })));
  expect(content.title).toEqual(c.title);
  expect(content.preamble).toEqual(c.preamble);
  expect(content.closing?.th).toBe(closing.th);
  expect(content.closing?.en).toMatch(/^IN WITNESS WHEREOF, the undersigned/);
  expect(content.closing?.en.split('\n')[1]).toBe(closing.en);
  expect(report.signatureParagraphs).toBe(6);
});

/** Body paragraphs as the walk gives them: bold where the line starts with "*". */
function body(...lines: string[]): BodyPara[] {
  return lines.map((l, index) => ({
    index,
    text: l.replace(/^\*/, ''),
    original: l.replace(/^\*/, ''),
    bookmarks: [],
    changes: [],
    commentStarts: [],
    commentEnds: [],
    bold: l.startsWith('*'),
  }));
}

describe('the report', () => {
  it('names numbering gaps, articles in one language only, duplicates and paragraphs it could not place', () => {
    const { content, report } = draftFromParagraphs(
      body(
        'ร่าง',
        '*บันทึกความเข้าใจ',
        'ทั้งสองฝ่ายได้ตกลงกัน ดังนี้',
        'ข้อ ๑ ทั้งสองฝ่ายจะส่งเสริมความร่วมมือในด้านการท่องเที่ยว การศึกษา และวัฒนธรรม โดยยึดหลักความเสมอภาค',
        'ข้อ ๓ ค่าใช้จ่าย',
        'แต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตน',
        'ข้อ ๓ ซ้ำ',
        'ข้อความซ้ำ',
        'ทำขึ้นเป็นคู่ฉบับ ณ จังหวัดเชียงใหม่',
        'สำหรับจังหวัดเชียงใหม่',
        '*Memorandum of Understanding',
        'The Parties have agreed as follows:',
        'Article 1 Objective',
        'The Parties will promote cooperation.',
        'Done in duplicate at Chiang Mai.',
        'For Chiang Mai Province',
        '……………………',
      ),
    );
    expect(report.layout).toBe('separate');
    expect(content.title).toEqual({ th: 'บันทึกความเข้าใจ', en: 'Memorandum of Understanding' });
    expect(content.articles.map((a) => [a.no, a.heading, a.text])).toEqual([
      [
        1,
        { th: '', en: 'Objective' },
        {
          th: 'ทั้งสองฝ่ายจะส่งเสริมความร่วมมือในด้านการท่องเที่ยว การศึกษา และวัฒนธรรม โดยยึดหลักความเสมอภาค',
          en: 'The Parties will promote cooperation.',
        },
      ],
      [3, { th: 'ค่าใช้จ่าย', en: '' }, { th: 'แต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตน', en: '' }],
    ]);
    expect(report.found.th).toEqual({ title: true, preamble: true, closing: true, articles: [1, 3] });
    expect(report.notes.map((n) => [n.code, n.lang, n.no, n.paragraphs])).toEqual([
      ['numbering-gap', 'th', undefined, undefined],
      ['duplicate-article', 'th', 3, undefined],
      ['one-language', 'th', 3, undefined],
      ['unplaced', undefined, undefined, [0]],
      ['unplaced', undefined, undefined, [6]],
      ['unplaced', undefined, undefined, [7]],
    ]);
    expect(report.notes[0]?.message).toEqual({
      th: 'เลขข้อในภาษาไทยข้ามไป: ไม่พบข้อ 2',
      en: 'The Thai article numbers skip: no article 2',
    });
    expect(report.notes[3]?.message.en).toBe('Paragraph 1 was not placed in the draft: “ร่าง”');
  });

  it('refuses a file with no article headings in either language', () => {
    expect(() => draftFromParagraphs(body('*A letter', 'Dear colleagues,', 'ขอแสดงความนับถือ'))).toThrow(
      expect.objectContaining({ code: 'validation-failed' }) as Error,
    );
  });
});
