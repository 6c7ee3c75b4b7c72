// Tracked insertions, deletions and moves are read in order, inside table cells too.
import { readChanges } from '../../../../src/documents/word-in/changes';
import { parseXml } from '../../../../src/documents/word-in/xml';

it('reads insertions, deletions and moves in document order, table cells included', () => {
  const body = parseXml(`<w:body>
<w:tbl><w:tr><w:tc><w:p><w:del w:author="R" w:date="2026-03-01T00:00:00Z"><w:r><w:delText>จะต้อง</w:delText></w:r></w:del>
<w:ins w:author="R"><w:r><w:t>จะ</w:t></w:r></w:ins></w:p></w:tc>
<w:tc><w:p><w:del w:author="R"><w:r><w:delText>shall</w:delText></w:r></w:del><w:ins w:author="R"><w:r><w:t>will</w:t></w:r></w:ins></w:p></w:tc></w:tr></w:tbl>
<w:p><w:pPr><w:rPr><w:ins w:author="R"/></w:rPr></w:pPr><w:moveFrom w:author="R"><w:r><w:t>moved</w:t></w:r></w:moveFrom><w:moveTo w:author="R"><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>
</w:body>`);
  expect(readChanges(body)).toEqual([
    { kind: 'delete', author: 'R', date: '2026-03-01T00:00:00Z', text: 'จะต้อง' },
    { kind: 'insert', author: 'R', text: 'จะ' },
    { kind: 'delete', author: 'R', text: 'shall' },
    { kind: 'insert', author: 'R', text: 'will' },
    { kind: 'delete', author: 'R', text: 'moved' },
    { kind: 'insert', author: 'R', text: 'moved' },
  ]);
});
