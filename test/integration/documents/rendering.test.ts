import { join } from 'node:path';
import { renderDocument, type DocType, type Layout } from '../../../src/documents';
import type { AgreementContent } from '../../../src/domain/agreement';
import { fixtureInput } from '../../support/doc-inputs';
import { docxToPdfs, missingWords, type Pdf } from '../../support/doc-pdf';
import { chiangMaiSejong } from '../../support/fixtures';

const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'documents');
const story = chiangMaiSejong();

const CASES: [DocType, Layout][] = [
  ['mou', 'parallel'],
  ['mou', 'sequential'],
  ['review', 'parallel'],
  ['redline', 'parallel'],
  ['comparison', 'parallel'],
  ['memo', 'parallel'],
  ['plan', 'parallel'],
  ['signing', 'parallel'],
  ['signing', 'sequential'],
  ['signing', 'separate'],
];

const pdfs = new Map<string, Pdf>();
const pdf = (doc: DocType, layout: Layout = 'parallel'): Pdf => {
  const p = pdfs.get(`${doc}/${layout}`);
  if (!p) throw new Error(`no PDF for ${doc}/${layout}`);
  return p;
};

beforeAll(async () => {
  // Every document in one LibreOffice run: starting LibreOffice costs more than converting a document.
  const files = await Promise.all(
    CASES.map(async ([doc, layout]) => {
      const r = await renderDocument(fixtureInput(doc, layout));
      return { buffer: r.buffer, name: r.fileName.replace(/\.docx$/, '') };
    }),
  );
  const converted = await docxToPdfs(files, ARTIFACTS);
  CASES.forEach(([doc, layout], i) => {
    const p = converted[i];
    if (p) pdfs.set(`${doc}/${layout}`, p);
  });
}, 300_000);

/** Thai and English text of every article, in order. */
function expectArticles(p: Pdf, content: AgreementContent): void {
  for (const a of content.articles) {
    for (const lang of ['th', 'en'] as const) {
      expect({
        article: a.no,
        lang,
        missing: missingWords(p.text, `${a.heading[lang]} ${a.text[lang]}`),
      }).toEqual({
        article: a.no,
        lang,
        missing: [],
      });
    }
  }
}

describe('documents as LibreOffice renders them', () => {
  it.each([['parallel'], ['sequential']] as const)(
    'the %s MOU shows the Thai and English text of every article',
    (layout) => {
      const p = pdf('mou', layout);
      expectArticles(p, story.draft2);
      expect(missingWords(p.text, story.draft2.title.th)).toEqual([]);
      expect(missingWords(p.text, story.draft2.title.en)).toEqual([]);
      expect(p.text).toContain('DRAFT – version 2');
      expect(p.pages).toBeGreaterThanOrEqual(3);
    },
  );

  it('the review copy shows draft 1 and every comment as a Word comment by the reviewer', () => {
    const p = pdf('review');
    expectArticles(p, story.draft1);
    expect(p.annotations).toHaveLength(story.comments.length);
    for (const c of story.comments) {
      const note = p.annotations.find((a) => a.contents.includes(c.text.en));
      expect(note?.contents).toContain(c.text.th);
      expect(note?.author.startsWith('MFA – Department of Treaties and Legal Affairs')).toBe(true);
    }
  });

  it('the redline shows the words of both versions', () => {
    const p = pdf('redline');
    expectArticles(p, story.draft2);
    expectArticles(p, story.draft1);
    expect(missingWords(p.text, story.draft1.preamble.en)).toEqual([]);
    expect(missingWords(p.text, story.draft2.preamble.th)).toEqual([]);
  });

  it('the comparison table shows each comment with the previous and the revised text', () => {
    const p = pdf('comparison');
    for (const c of story.comments) {
      expect(missingWords(p.text, c.text.th)).toEqual([]);
      expect(missingWords(p.text, c.text.en)).toEqual([]);
    }
    const [a1old, a1new] = [story.draft1.articles[0], story.draft2.articles[0]];
    expect(missingWords(p.text, a1old?.text.en ?? 'x')).toEqual([]);
    expect(missingWords(p.text, a1new?.text.th ?? 'x')).toEqual([]);
  });

  it('the cover memo is a Thai official memo citing the committee resolution', () => {
    const p = pdf('memo');
    for (const s of [
      'บันทึกข้อความ',
      'ส่วนราชการ',
      'เรื่อง',
      'เรียน ปลัดกระทรวงมหาดไทย',
      story.committee.resolution.th,
    ]) {
      expect(missingWords(p.text, s)).toEqual([]);
    }
  });

  it('the action plan lists the areas of cooperation in both languages', () => {
    const p = pdf('plan');
    for (const s of [
      'แผนปฏิบัติการ',
      'Action Plan',
      'เมืองอัจฉริยะ',
      'Smart city',
      'การแลกเปลี่ยนการเยือน',
      'Exchange of visits',
    ]) {
      expect(missingWords(p.text, s)).toEqual([]);
    }
  });

  it('leaves no page blank but for its page number, in any document', () => {
    const blank: string[] = [];
    for (const [doc, layout] of CASES) {
      // pdftotext ends every page with a form feed.
      const pages = pdf(doc, layout).text.split('\f').slice(0, pdf(doc, layout).pages);
      expect(pages).toHaveLength(pdf(doc, layout).pages);
      pages.forEach((text, i) => {
        if (text.replace(/[-\s\d๐-๙]/g, '') === '') blank.push(`${doc}/${layout} page ${i + 1}`);
      });
    }
    expect(blank).toEqual([]);
  });

  it.each([['parallel'], ['sequential']] as const)(
    'the %s signing copy is clean, with the closing and both signature blocks',
    (layout) => {
      const p = pdf('signing', layout);
      expect(p.text).not.toContain('DRAFT');
      expectArticles(p, story.draft2);
      for (const s of [
        'ทำขึ้นเป็นคู่ฉบับ ณ จังหวัดเชียงใหม่ เมื่อวันที่ ๒๔ สิงหาคม ๒๕๖๕',
        'Signed in duplicate at Chiang Mai on 24 August 2022, in the Thai, Korean and English languages, all texts being equally authentic.',
        'สำหรับจังหวัดเชียงใหม่',
        'For Sejong Special Self-Governing City',
        'Governor of Chiang Mai Province',
        'Mayor of Sejong Special Self-Governing City',
      ]) {
        expect(missingWords(p.text, s)).toEqual([]);
      }
    },
  );

  it('the separate signing copy has the whole Thai original first, then the English original on later pages', () => {
    const p = pdf('signing', 'separate');
    expectArticles(p, story.draft2);
    // pdftotext ends each page with a form feed.
    const pages = p.text.split('\f');
    const pageOf = (s: string) => pages.findIndex((t) => missingWords(t, s).length === 0);
    const thaiLast = story.draft2.articles.at(-1);
    const englishFirst = story.draft2.articles[0];
    const lastThaiPage = pageOf('สำหรับจังหวัดเชียงใหม่');
    const firstEnglishPage = pageOf(story.draft2.title.en);
    expect(pageOf(thaiLast?.heading.th ?? 'x')).toBeGreaterThanOrEqual(0);
    expect(pageOf(thaiLast?.heading.th ?? 'x')).toBeLessThanOrEqual(lastThaiPage);
    expect(firstEnglishPage).toBeGreaterThan(lastThaiPage);
    expect(pageOf(englishFirst?.text.en ?? 'x')).toBeGreaterThanOrEqual(firstEnglishPage);
    // Signature columns: names wrap within a column, so compare the first line of each ("สำหรับ…", side by side).
    const before = (text: string, a: string, b: string) =>
      text.indexOf(a) >= 0 && text.indexOf(a) < text.indexOf(b);
    const thai = pages.slice(0, firstEnglishPage).join('\n');
    const english = pages.slice(firstEnglishPage).join('\n');
    expect(before(thai, 'สำหรับจังหวัดเชียงใหม่', 'สำหรับเขตปกครอง')).toBe(true);
    expect(before(english, 'สำหรับเขตปกครอง', 'สำหรับจังหวัดเชียงใหม่')).toBe(true);
  });
});
