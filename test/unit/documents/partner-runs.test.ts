// Partner-language runs and paragraphs, by structure: the font slots and language slots a CJK or other partner run
// carries match what `docx` writes for the same options, and CJK paragraphs break lines by kinsoku.
import * as d from 'docx';
import { paragraph, textRun, type PartnerRun } from '../../../src/documents/word-xml';
import { part } from '../../support/doc-xml';

/** The first run `docx` writes for these options (the reference for our writer's run XML). */
async function docxRun(options: d.IRunOptions): Promise<string> {
  const doc = new d.Document({
    sections: [{ children: [new d.Paragraph({ children: [new d.TextRun(options)] })] }],
  });
  const xml = part(await d.Packer.toBuffer(doc), 'word/document.xml');
  const run = /<w:r>.*?<\/w:r>/.exec(xml)?.[0];
  if (!run) throw new Error('docx wrote no run');
  return run;
}

const KO: PartnerRun = { lang: 'ko-KR', font: 'Noto Serif CJK KR', cjk: true };
const VI: PartnerRun = { lang: 'vi-VN', font: 'Noto Serif', cjk: false };

describe('a partner-language run', () => {
  it('puts a CJK font in the East Asian slot and the language in w:eastAsia, as docx writes it', async () => {
    const ours = textRun('세종특별자치시', { lang: 'partner', partner: KO, bold: true });
    const theirs = await docxRun({
      text: '세종특별자치시',
      font: { ascii: KO.font, cs: 'TH Sarabun New', eastAsia: KO.font, hAnsi: KO.font, hint: 'eastAsia' },
      bold: true,
      size: 32,
      language: { value: 'en-US', eastAsia: 'ko-KR', bidirectional: 'th-TH' },
    });
    expect(ours).toBe(theirs);
  });

  it('gives another script its font in the Latin slots and its language in w:val', async () => {
    const ours = textRun('Thành phố', { lang: 'partner', partner: VI });
    const theirs = await docxRun({
      text: 'Thành phố',
      font: { ascii: VI.font, cs: 'TH Sarabun New', eastAsia: VI.font, hAnsi: VI.font },
      size: 32,
      language: { value: 'vi-VN', bidirectional: 'th-TH' },
    });
    expect(ours).toBe(theirs);
  });

  it('refuses a partner run without its language, rather than writing a Thai one', () => {
    expect(() => textRun('x', { lang: 'partner' })).toThrow(/partner language/);
  });

  it('keeps Thai and English runs as they were: one font in all four slots, th-TH for the complex script', () => {
    expect(textRun('ก', { lang: 'th' })).toBe(
      '<w:r><w:rPr><w:rFonts w:ascii="TH Sarabun New" w:cs="TH Sarabun New" w:eastAsia="TH Sarabun New" w:hAnsi="TH Sarabun New"/>' +
        '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="th-TH" w:bidi="th-TH"/></w:rPr>' +
        '<w:t xml:space="preserve">ก</w:t></w:r>',
    );
  });
});

describe('a CJK paragraph', () => {
  it('asks for kinsoku line breaking, in the place the schema gives it (after tabs, before spacing)', () => {
    const xml = paragraph({ kinsoku: true, tab: { pos: 100 }, after: 120, jc: 'both' }, '');
    expect(xml).toBe(
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="100"/></w:tabs><w:kinsoku/>' +
        '<w:spacing w:after="120" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:p>',
    );
    expect(paragraph({ jc: 'both' }, '')).not.toContain('kinsoku');
  });
});
