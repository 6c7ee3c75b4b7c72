import { renderDocument } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { paragraphs, part, runs, text, THAI } from '../../support/doc-xml';

describe('Thai typography of every generated document', () => {
  let documentXml: string;
  let headerXml: string[];
  beforeAll(async () => {
    const { buffer } = await renderDocument(fixtureInput('mou'));
    documentXml = part(buffer, 'word/document.xml');
    headerXml = ['word/header1.xml', 'word/header2.xml'].map((n) => part(buffer, n));
  });

  it('sets TH Sarabun New in all four font slots, 16 pt with the complex-script size, on every run', () => {
    const all = [documentXml, ...headerXml].flatMap(runs);
    expect(all.length).toBeGreaterThan(50);
    for (const r of all) {
      expect(r).toMatch(
        /<w:rFonts w:ascii="TH Sarabun New" w:cs="TH Sarabun New" w:eastAsia="TH Sarabun New" w:hAnsi="TH Sarabun New"\/>/,
      );
      expect(r).toContain('<w:sz w:val="32"/>');
      expect(r).toContain('<w:szCs w:val="32"/>');
    }
  });

  it('bolds the complex script too (w:bCs) wherever a run is bold', () => {
    const bold = runs(documentXml).filter((r) => r.includes('<w:b/>'));
    expect(bold.length).toBeGreaterThan(5);
    for (const r of bold) expect(r).toContain('<w:bCs/>');
  });

  it('marks Thai runs th-TH (bidi th-TH) and English runs en-US', () => {
    const textRuns = runs(documentXml).filter((r) => text(r).trim() !== '');
    const thai = textRuns.filter((r) => THAI.test(text(r)));
    const latin = textRuns.filter((r) => /[A-Za-z]/.test(text(r)) && !THAI.test(text(r)));
    expect(thai.length).toBeGreaterThan(10);
    expect(latin.length).toBeGreaterThan(10);
    for (const r of thai) expect(r).toContain('<w:lang w:val="th-TH" w:bidi="th-TH"/>');
    for (const r of latin) expect(r).toContain('<w:lang w:val="en-US" w:bidi="th-TH"/>');
  });

  it('justifies Thai body paragraphs with Thai distribution and English ones normally', () => {
    // Body text: long and not bold (the bold, centred title is not body text).
    const body = paragraphs(documentXml).filter((p) => text(p).length > 80 && !p.includes('<w:b/>'));
    const thai = body.filter((p) => THAI.test(text(p)));
    const english = body.filter((p) => !THAI.test(text(p)));
    expect(thai.length).toBeGreaterThanOrEqual(9);
    expect(thai.every((p) => p.includes('<w:jc w:val="thaiDistribute"/>'))).toBe(true);
    expect(english.length).toBeGreaterThanOrEqual(9);
    expect(english.every((p) => p.includes('<w:jc w:val="both"/>'))).toBe(true);
  });

  it('always pairs line spacing with lineRule auto in every paragraph that holds text', () => {
    const paras = documentXml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const withText = paras.filter((p) => p.includes('<w:t'));
    expect(withText.length).toBeGreaterThan(20);
    for (const p of withText) {
      const spacing = /<w:spacing [^>]*\/>/.exec(p)?.[0] ?? '';
      if (spacing.includes('w:line=')) expect(spacing).toContain('w:lineRule="auto"');
    }
  });

  it('separates tables with an empty one-point paragraph, so none spills onto a blank last page', () => {
    const empties = (documentXml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? []).filter((p) => !p.includes('<w:t'));
    expect(empties.length).toBeGreaterThan(0);
    expect(documentXml).toMatch(
      /<\/w:tbl><w:p><w:pPr><w:spacing w:after="0" w:line="20" w:lineRule="exact"\/><w:rPr><w:sz w:val="2"\/>/,
    );
  });

  it('lays out A4 with Thai official margins and Thai page numbers centred at the top from page 2', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1417" w:right="1134" w:bottom="1417" w:left="1701"/);
    expect(documentXml).toContain('<w:titlePg/>');
    expect(documentXml).toMatch(/<w:pgNumType w:start="1" w:fmt="thaiNumbers"\/>/);
    const withPage = headerXml.find((h) => h.includes('PAGE'));
    expect(withPage).toBeDefined();
    expect(withPage).toContain('<w:jc w:val="center"/>');
    expect(text(withPage ?? '')).toBe('- ' + ' -' + 'ร่าง ฉบับที่ ๒ | DRAFT – version 2');
  });

  it('puts parallel text in a borderless two-column table, rows that cannot split', () => {
    const table = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)?.[0] ?? '';
    expect(table).toMatch(/<w:tblGrid><w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><\/w:tblGrid>/);
    expect(table.includes('<w:top w:val="none"')).toBe(true);
    expect(table.includes('<w:insideV w:val="none"')).toBe(true);
    expect(table.includes('<w:cantSplit/>')).toBe(true);
    const firstRow = table.match(/<w:tr>[\s\S]*?<\/w:tr>/)?.[0] ?? '';
    const cells = firstRow.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    expect(cells).toHaveLength(2);
    expect(THAI.test(text(cells[0] ?? ''))).toBe(true);
    expect(THAI.test(text(cells[1] ?? ''))).toBe(false);
  });
});
