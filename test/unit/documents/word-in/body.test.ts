// The body walk: paragraphs in order with accepted and original text, table cells, bookmarks, changes, comments.
import { renderDocument } from '../../../../src/documents';
import { bodyOf, readBody } from '../../../../src/documents/word-in/body';
import { parseXml } from '../../../../src/documents/word-in/xml';
import { parseBookmarkName } from '../../../../src/documents/word-anchors';
import { fixtureInput } from '../../../support/doc-inputs';
import { part } from '../../../support/doc-xml';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

it('reads accepted and original text, changes with their offsets, cells and comment ranges', () => {
  const xml = `<w:document ${W}><w:body>
<w:commentRangeStart w:id="4"/><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Article 1</w:t></w:r></w:p><w:commentRangeEnd w:id="4"/>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">ทั้งสองฝ่าย</w:t></w:r><w:del w:id="1" w:author="R" w:date="2026-01-02T00:00:00Z"><w:r><w:delText>จะ</w:delText></w:r></w:del><w:ins w:id="2" w:author="R"><w:r><w:t>ตกลงจะ</w:t></w:r></w:ins><w:r><w:t>ร่วมมือ</w:t></w:r></w:p></w:tc>
<w:tc><w:p><w:bookmarkStart w:id="0" w:name="_mou_title_v2_en"/><w:r><w:t>The Sides</w:t></w:r><w:r><w:tab/><w:t>will</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p><w:p><w:r><w:t>after</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>`;
  const paras = readBody(bodyOf(parseXml(xml))!);
  expect(paras.map((p) => p.text)).toEqual(['Article 1', 'ทั้งสองฝ่ายตกลงจะร่วมมือ', 'The Sides\twill', 'after']);
  expect(paras[0]).toMatchObject({ style: 'Heading1', bold: true, commentStarts: ['4'], commentEnds: ['4'] });
  expect(paras[0]?.cell).toBeUndefined();
  expect(paras[1]).toMatchObject({
    original: 'ทั้งสองฝ่ายจะร่วมมือ',
    cell: { table: 0, row: 0, col: 0 },
    bold: false,
    changes: [
      { kind: 'delete', text: 'จะ', at: 11, author: 'R', date: '2026-01-02T00:00:00Z' },
      { kind: 'insert', text: 'ตกลงจะ', at: 13, author: 'R' },
    ],
  });
  expect(paras[2]).toMatchObject({ cell: { table: 0, row: 0, col: 1 }, bookmarks: ['_mou_title_v2_en'] });
  expect(paras[3]?.bookmarks).toEqual([]);
});

it.each(['parallel', 'sequential', 'separate'] as const)(
  'finds every article of our own %s MOU under its bookmarks, in both languages',
  async (layout) => {
    const input = fixtureInput('mou', layout);
    const { buffer } = await renderDocument(input);
    const paras = readBody(bodyOf(parseXml(part(buffer, 'word/document.xml')))!);
    const under = (key: string, lang: 'th' | 'en', p: 'h' | 'b') =>
      paras
        .filter((x) =>
          x.bookmarks.some((n) => {
            const a = parseBookmarkName(n);
            return a?.lang === lang && a.ref.kind === 'article' && a.ref.key === key && a.ref.part === p;
          }),
        )
        .map((x) => x.text)
        .join('\n');
    const articles = input.content.articles;
    expect(articles.length).toBeGreaterThan(5);
    for (const a of articles) {
      expect(under(a.key!, 'th', 'b')).toBe(a.text.th);
      expect(under(a.key!, 'en', 'b')).toBe(a.text.en);
      expect(under(a.key!, 'en', 'h')).toContain(a.heading.en);
    }
  },
);

it('counts a Thai run as bold when only its complex-script bold (w:bCs) is set, as LibreOffice writes it', () => {
  const xml = `<w:document ${W}><w:body>
<w:p><w:r><w:rPr><w:bCs/></w:rPr><w:t>ข้อ ๑</w:t></w:r></w:p>
<w:p><w:r><w:rPr><w:bCs/></w:rPr><w:t>Article 1</w:t></w:r></w:p>
</w:body></w:document>`;
  expect(readBody(bodyOf(parseXml(xml))!).map((p) => p.bold)).toEqual([true, false]);
});
