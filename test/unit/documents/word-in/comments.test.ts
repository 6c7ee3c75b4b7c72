// Word comments are read with their author, date, covered text, reply thread and resolved state.
import { writeZip, zipEntry } from '../../../../src/documents/zip';
import { openWordPackage } from '../../../../src/documents/word-in/package';
import { readComments } from '../../../../src/documents/word-in/comments';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';
const TYPES =
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOC = `<w:document ${W}><w:body>
<w:p><w:r><w:t xml:space="preserve">ข้อ ๕ </w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t>ฝ่ายทั้งสอง</w:t></w:r><w:del w:id="9" w:author="R"><w:r><w:delText>จะ</w:delText></w:r></w:del><w:commentRangeEnd w:id="0"/></w:p>
<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>The Parties shall</w:t></w:r><w:commentRangeEnd w:id="1"/></w:p>
</w:body></w:document>`;
const para = (id: string, text: string) => `<w:p w14:paraId="${id}"><w:r><w:t>${text}</w:t></w:r></w:p>`;
const COMMENTS = `<w:comments ${W}>
<w:comment w:id="0" w:author="MFA" w:date="2026-03-01T10:00:00Z">${para('A1', 'ใช้คำว่า "ผู้เข้าร่วม"')}</w:comment>
<w:comment w:id="1" w:author="MFA">${para('B1', 'Use "Sides", and')}${para('B2', 'write "will".')}</w:comment>
<w:comment w:id="2" w:author="Province">${para('C1', 'Agreed.')}</w:comment>
<w:comment w:id="3" w:author="MFA">${para('D1', 'Thanks.')}</w:comment>
</w:comments>`;
const EXT = `<w15:commentsEx ${W}>
<w15:commentEx w15:paraId="A1" w15:done="1"/><w15:commentEx w15:paraId="B2" w15:done="0"/>
<w15:commentEx w15:paraId="C1" w15:paraIdParent="B2" w15:done="0"/><w15:commentEx w15:paraId="D1" w15:paraIdParent="C1" w15:done="0"/>
</w15:commentsEx>`;

it('reads comments with quote, resolved state and a flattened reply thread', async () => {
  const pkg = await openWordPackage(
    writeZip([
      zipEntry('[Content_Types].xml', TYPES),
      zipEntry('word/document.xml', DOC),
      zipEntry('word/comments.xml', COMMENTS),
      zipEntry('word/commentsExtended.xml', EXT),
    ]),
  );
  expect(await readComments(pkg)).toEqual([
    {
      id: '0',
      author: 'MFA',
      date: '2026-03-01T10:00:00Z',
      text: 'ใช้คำว่า "ผู้เข้าร่วม"',
      quote: 'ฝ่ายทั้งสองจะ',
      resolved: true,
      replies: [],
    },
    {
      id: '1',
      author: 'MFA',
      text: 'Use "Sides", and\nwrite "will".',
      quote: 'The Parties shall',
      replies: [
        { author: 'Province', text: 'Agreed.' },
        { author: 'MFA', text: 'Thanks.' },
      ],
    },
  ]);
});

it('a package without comments has none', async () => {
  const pkg = await openWordPackage(
    writeZip([zipEntry('[Content_Types].xml', TYPES), zipEntry('word/document.xml', DOC)]),
  );
  expect(await readComments(pkg)).toEqual([]);
});

it('quotes the covered text as it read before the tracked changes (deleted kept, inserted left out)', async () => {
  const doc = `<w:document ${W}><w:body><w:p><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">The Parties </w:t></w:r><w:del w:id="1" w:author="R"><w:r><w:delText>shall</w:delText></w:r></w:del><w:ins w:id="2" w:author="R"><w:r><w:t>will</w:t></w:r><w:commentRangeEnd w:id="0"/></w:ins></w:p></w:body></w:document>`;
  const pkg = await openWordPackage(
    writeZip([
      zipEntry('[Content_Types].xml', TYPES),
      zipEntry('word/document.xml', doc),
      zipEntry(
        'word/comments.xml',
        `<w:comments ${W}><w:comment w:id="0" w:author="MFA">${para('A1', 'Use will')}</w:comment></w:comments>`,
      ),
    ]),
  );
  expect((await readComments(pkg)).map((c) => c.quote)).toEqual(['The Parties shall']);
});
