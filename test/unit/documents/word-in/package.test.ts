// The safe package opener and XML reader refuse hostile files with a clear error and read real ones.
import { deflateRawSync, crc32 } from 'node:zlib';
import fc from 'fast-check';
import { isDomainError } from '../../../../src/domain/errors';
import { writeZip, zipEntry, type ZipEntry } from '../../../../src/documents/zip';
import { DEFAULT_LIMITS, openWordPackage } from '../../../../src/documents/word-in/package';
import { parseXml, descendants } from '../../../../src/documents/word-in/xml';

const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const types = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
const DOC =
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>ข้อ ๑ Article 1</w:t></w:r></w:p></w:body></w:document>';

const docx = (extra: ZipEntry[] = [], main = DOCX_MAIN, doc = DOC) =>
  writeZip([zipEntry('[Content_Types].xml', types(main)), zipEntry('word/document.xml', doc), ...extra]);

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, en: e.userMessage.en, th: e.userMessage.th };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('openWordPackage', () => {
  it('gives a real package its parts by name', async () => {
    const pkg = await openWordPackage(docx());
    expect(pkg.names).toEqual(['[Content_Types].xml', 'word/document.xml']);
    const doc = parseXml((await pkg.part('word/document.xml'))!);
    expect(descendants(doc, 'w:t').map((t) => t.children.join(''))).toEqual(['ข้อ ๑ Article 1']);
    expect(await pkg.part('word/comments.xml')).toBeUndefined();
  });

  it('refuses a file that is not a zip', async () => {
    const r = await refusal(openWordPackage(Buffer.from('just some text, not a Word file')));
    expect(r).toMatchObject({ code: 'invalid-input', en: expect.stringContaining('not a Word document') });
    expect(r.th).toContain('Word');
  });

  it('refuses a zip that is not a Word document', async () => {
    const r = await refusal(openWordPackage(writeZip([zipEntry('a.txt', 'hello')])));
    expect(r.code).toBe('invalid-input');
  });

  it('refuses a macro-enabled .docm', async () => {
    const r = await refusal(openWordPackage(docx([], MACRO_MAIN)));
    expect(r.en).toContain('macros');
    const r2 = await refusal(openWordPackage(docx([zipEntry('word/vbaProject.bin', 'x')])));
    expect(r2.en).toContain('macros');
  });

  it('refuses an encrypted file (an OLE container, as Word saves one with a password)', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const r = await refusal(openWordPackage(ole));
    expect(r.en).toContain('encrypted');
  });

  it('refuses a file over the size limit', async () => {
    const r = await refusal(openWordPackage(docx(), { ...DEFAULT_LIMITS, maxFileBytes: 100 }));
    expect(r.code).toBe('payload-too-large');
  });

  it('refuses too many entries', async () => {
    const many = Array.from({ length: 20 }, (_, i) => zipEntry(`x/${i}.xml`, '<a/>'));
    const r = await refusal(openWordPackage(docx(many), { ...DEFAULT_LIMITS, maxEntries: 10 }));
    expect(r.code).toBe('payload-too-large');
  });

  it('refuses a zip bomb by its ratio, counting while inflating', async () => {
    const bomb = docx([], DOCX_MAIN, DOC.replace('Article 1', 'A'.repeat(5_000_000)));
    const r = await refusal(openWordPackage(bomb).then((p) => p.part('word/document.xml')));
    expect(r.code).toBe('payload-too-large');
  });

  it('refuses a part whose header lies about its size', async () => {
    const big = Buffer.alloc(1_000_000, 0x41);
    const lying: ZipEntry = {
      name: Buffer.from('word/media/x.bin'),
      crc: crc32(big),
      size: 10,
      deflated: deflateRawSync(big),
    };
    const r = await refusal(openWordPackage(docx([lying])).then((p) => p.part('word/media/x.bin')));
    expect(['invalid-input', 'payload-too-large']).toContain(r.code);
  });

  it('refuses a total inflated size over the limit', async () => {
    const parts = Array.from({ length: 5 }, (_, i) =>
      zipEntry(`word/p${i}.xml`, `<a>${'b'.repeat(50_000)}</a>`),
    );
    const limits = { ...DEFAULT_LIMITS, maxTotalBytes: 120_000, maxRatio: 10_000 };
    const pkg = await openWordPackage(docx(parts), limits);
    const r = await refusal(Promise.all(parts.map((_, i) => pkg.part(`word/p${i}.xml`))));
    expect(r.code).toBe('payload-too-large');
  });

  it('never throws anything but a refusal for mutated bytes', async () => {
    const good = docx();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (edits) => {
          const bytes = Buffer.from(good);
          for (const [at, v] of edits) bytes[at] = v;
          try {
            const pkg = await openWordPackage(bytes);
            const doc = await pkg.part('word/document.xml');
            if (doc) parseXml(doc);
          } catch (e) {
            expect(isDomainError(e)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseXml', () => {
  it('refuses a DOCTYPE, never expanding its entities', () => {
    const billion =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><w:document>&lol2;</w:document>';
    expect(() => parseXml(billion)).toThrow(/DOCTYPE/);
    const external = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    expect(() => parseXml(external)).toThrow(/DOCTYPE/);
  });

  it('refuses an undeclared entity and malformed XML', () => {
    expect(() => parseXml('<x>&e;</x>')).toThrow();
    expect(() => parseXml('<x><y></x>')).toThrow();
  });

  it('reads the predefined entities and keeps text in order', () => {
    const el = parseXml('<a b="1 &amp; 2"><c>x &lt; y</c>tail</a>');
    expect(el.attrs.b).toBe('1 & 2');
    expect(el.children[0]).toEqual({ name: 'c', attrs: {}, children: ['x < y'] });
    expect(el.children[1]).toBe('tail');
  });
});
