import PizZip from 'pizzip';
import { readZip, writeZip, zipEntry } from '../../../src/documents/zip';

const FILES: [string, string][] = [
  ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
  ['word/document.xml', '<w:document>ข้อ ๑ '.repeat(500) + '</w:document>'],
  ['docProps/ชื่อ.xml', ''],
];

describe('the deterministic zip writer', () => {
  it('writes a zip that other readers open, with every file intact and in order', () => {
    const zip = writeZip(FILES.map(([n, d]) => zipEntry(n, d)));
    const other = new PizZip(zip);
    expect(Object.keys(other.files)).toEqual(FILES.map(([n]) => n));
    for (const [n, d] of FILES) expect(other.file(n)?.asText()).toBe(d);
    expect([...readZip(zip)].map(([n, d]) => [n, d.toString('utf8')])).toEqual(FILES);
  });

  it('gives the same bytes for the same files, every entry dated 1980-01-01 00:00', () => {
    const a = writeZip(FILES.map(([n, d]) => zipEntry(n, d)));
    const b = writeZip(FILES.map(([n, d]) => zipEntry(n, Buffer.from(d))));
    expect(b.equals(a)).toBe(true);
    const dates = Object.values(new PizZip(a).files).map((f) => f.date.getTime());
    expect(new Set(dates).size).toBe(1);
  });

  it('refuses what is not a zip, and a corrupted entry', () => {
    expect(() => readZip(Buffer.from('not a zip at all, not even close'))).toThrow(/not a zip/);
    const zip = writeZip([zipEntry('a.txt', 'hello hello hello')]);
    const crcAt = zip.indexOf(Buffer.from('PK\u0001\u0002', 'latin1')) + 16;
    zip.writeUInt32LE((zip.readUInt32LE(crcAt) ^ 1) >>> 0, crcAt);
    expect(() => readZip(zip)).toThrow(/CRC/);
  });
});
