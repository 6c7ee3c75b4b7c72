import { composeDocument, renderDocument } from '../../../src/documents';
import { DomainError } from '../../../src/domain/errors';
import { fixtureInput } from '../../support/doc-inputs';
import { part, parts, text } from '../../support/doc-xml';

const docText = async (input: Parameters<typeof renderDocument>[0]) =>
  text(part((await renderDocument(input)).buffer, 'word/document.xml'));
/** Rows of the last table (the data table; the bilingual title before it is a table of its own). */
const lastTableRows = (xml: string) => {
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  return tables[tables.length - 1]?.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
};
const headers = async (input: Parameters<typeof renderDocument>[0]) => {
  const all = parts((await renderDocument(input)).buffer);
  return [...all.entries()]
    .filter(([n]) => /word\/header\d+\.xml/.test(n))
    .map(([, x]) => text(x))
    .join('|');
};

describe('each document of the approval path', () => {
  it('marks drafts with DRAFT and the version number in the header', async () => {
    for (const doc of ['mou', 'review', 'redline', 'comparison', 'plan'] as const) {
      const h = await headers(fixtureInput(doc));
      expect(h).toMatch(/DRAFT – version [12]/);
      expect(h).toMatch(/ร่าง ฉบับที่ [๑๒]/);
    }
  });

  it('keeps the signing copy clean: no DRAFT mark, the closing filled in both languages, both signature blocks', async () => {
    const input = fixtureInput('signing');
    expect(await headers(input)).not.toContain('DRAFT');
    const t = await docText(input);
    expect(t).not.toContain('DRAFT');
    expect(t).toContain('ทำขึ้นเป็นคู่ฉบับ ณ จังหวัดเชียงใหม่ เมื่อวันที่ ๒๔ สิงหาคม ๒๕๖๕');
    expect(t).toContain('Signed in duplicate at Chiang Mai on 24 August 2022');
    expect(t).toContain('สำหรับจังหวัดเชียงใหม่');
    expect(t).toContain('For Chiang Mai Province');
    expect(t).toContain('สำหรับเขตปกครองตนเองพิเศษเซจง');
    expect(t).toContain('For Sejong Special Self-Governing City');
    expect(t).toContain('Governor of Chiang Mai Province');
    expect(t).toContain('นายกเทศมนตรีเขตปกครองตนเองพิเศษเซจง');
  });

  it('writes a final MOU without the DRAFT mark when asked', async () => {
    const input = fixtureInput('mou');
    expect(await headers({ ...input, meta: { ...input.meta, final: true } })).not.toContain('DRAFT');
  });

  it('writes the sequential layout as the whole Thai text, a page break, then the whole English text', async () => {
    const xml = part((await renderDocument(fixtureInput('mou', 'sequential'))).buffer, 'word/document.xml');
    const t = text(xml);
    const lastThaiArticle = t.indexOf('ข้อ ๙');
    const firstEnglishArticle = t.indexOf('Article 1');
    expect(lastThaiArticle).toBeGreaterThan(0);
    expect(firstEnglishArticle).toBeGreaterThan(lastThaiArticle);
    expect(xml.slice(xml.indexOf('ข้อ ๙'), xml.indexOf('Article 1'))).toContain('<w:br w:type="page"/>');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(1); // only the signature block is a table
  });

  it('writes the comparison table with article, previous text, comment, revised text and response', async () => {
    const xml = part((await renderDocument(fixtureInput('comparison'))).buffer, 'word/document.xml');
    expect(xml).toContain('w:orient="landscape"');
    const rows = lastTableRows(xml);
    expect(rows.length).toBe(6); // header + five comments
    const header = text(rows[0] ?? '');
    for (const h of ['ข้อ', 'Article', 'Version 1', 'Comment', 'Version 2', 'Response', 'คำชี้แจง'])
      expect(header).toContain(h);
    const art1 = rows.map(text).find((r) => r.startsWith('ข้อ ๑')) ?? '';
    expect(art1).toContain('The Contracting Parties shall establish a partnership');
    expect(art1).toContain('use "will" and remove the reference to obligations');
    expect(art1).toContain('The Parties will develop a partnership');
  });

  it('writes the cover memo in Thai official style with the committee resolution', async () => {
    const t = await docText(fixtureInput('memo'));
    expect(t).toContain('บันทึกข้อความ');
    expect(t).toContain('ส่วนราชการ');
    expect(t).toContain('เรียน ปลัดกระทรวงมหาดไทย');
    expect(t).toContain('ในการประชุมครั้งที่ ๑/๒๕๖๕ เมื่อวันที่ ๑๔ มีนาคม ๒๕๖๕');
    expect(t).toContain('วันที่ ๒๐ พฤษภาคม ๒๕๖๕');
    expect(t).toContain('คณะกรรมการดำเนินความสัมพันธ์เมืองพี่เมืองน้อง (Sister City) ของจังหวัดเชียงใหม่');
  });

  it('writes the action plan with one row per area while activities are still blank', async () => {
    const xml = part((await renderDocument(fixtureInput('plan'))).buffer, 'word/document.xml');
    const rows = lastTableRows(xml);
    expect(rows.length).toBe(7);
    expect(text(rows[1] ?? '')).toContain('เมืองอัจฉริยะ');
    expect(text(rows[1] ?? '')).toContain('Smart city');
  });

  it('uses Arabic digits in the Thai text when the document asks for them', async () => {
    const input = fixtureInput('mou');
    const t = await docText({ ...input, meta: { ...input.meta, numerals: 'arabic' } });
    expect(t).toContain('ข้อ 1 วัตถุประสงค์');
    expect(t).not.toContain('ข้อ ๑');
  });

  it('uses the kind wording when the title is left blank', async () => {
    const input = fixtureInput('mou');
    const content = { ...input.content, kind: 'sister' as const, title: { th: '', en: '' } };
    const t = await docText({ ...input, content });
    expect(t).toContain('บันทึกความเข้าใจเพื่อการสถาปนาความสัมพันธ์เมืองพี่เมืองน้องระหว่างจังหวัดเชียงใหม่');
    expect(t).toContain(
      'Memorandum of Understanding on the Establishment of Sister City Relations between Chiang Mai Province',
    );
  });

  it('refuses a redline without the previous version, in both languages', async () => {
    const { previous: _p, ...input } = fixtureInput('redline');
    await expect(renderDocument(input)).rejects.toThrow(DomainError);
    await expect(renderDocument(input)).rejects.toMatchObject({ code: 'validation-failed' });
  });

  it('refuses malformed input with the field paths', async () => {
    const input = { ...fixtureInput('mou'), versionNo: 0 };
    await expect(renderDocument(input)).rejects.toMatchObject({
      code: 'validation-failed',
      issues: [{ path: 'versionNo' }],
    });
  });

  it('composes the document model of an MOU with its articles', () => {
    expect(composeDocument(fixtureInput('mou')).blocks.filter((b) => b.kind === 'article')).toHaveLength(9);
  });
});
