// A small deterministic zip writer (node's zlib deflate) and the reader the writer's package skeleton needs.
// Every entry is dated 1980-01-01 00:00, so the same parts always give the same bytes.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** One file of a zip, already compressed: static parts are deflated once and reused. */
export interface ZipEntry {
  readonly name: Buffer;
  readonly crc: number;
  readonly size: number;
  readonly deflated: Buffer;
}

export function zipEntry(name: string, data: Buffer | string): ZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    name: Buffer.from(name, 'utf8'),
    crc: crc32(bytes),
    size: bytes.length,
    deflated: deflateRawSync(bytes),
  };
}

/** The zip file of `entries`, in their order. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.name.length + e.deflated.length;
    centralSize += 46 + e.name.length;
  }
  const out = Buffer.alloc(localSize + centralSize + 22);
  let at = 0;
  let central = localSize;
  for (const e of entries) {
    const offset = at;
    out.writeUInt32LE(LOCAL_SIG, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(UTF8_NAMES, at + 6);
    out.writeUInt16LE(DEFLATE, at + 8);
    out.writeUInt16LE(0, at + 10);
    out.writeUInt16LE(DOS_DATE_1980_01_01, at + 12);
    out.writeUInt32LE(e.crc, at + 14);
    out.writeUInt32LE(e.deflated.length, at + 18);
    out.writeUInt32LE(e.size, at + 22);
    out.writeUInt16LE(e.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    at += 30 + e.name.copy(out, at + 30);
    at += e.deflated.copy(out, at);
    out.writeUInt32LE(CENTRAL_SIG, central);
    out.writeUInt16LE(20, central + 4);
    out.writeUInt16LE(20, central + 6);
    out.writeUInt16LE(UTF8_NAMES, central + 8);
    out.writeUInt16LE(DEFLATE, central + 10);
    out.writeUInt16LE(0, central + 12);
    out.writeUInt16LE(DOS_DATE_1980_01_01, central + 14);
    out.writeUInt32LE(e.crc, central + 16);
    out.writeUInt32LE(e.deflated.length, central + 20);
    out.writeUInt32LE(e.size, central + 24);
    out.writeUInt16LE(e.name.length, central + 28);
    // extra and comment lengths, disk number, attributes: all zero (Buffer.alloc)
    out.writeUInt32LE(offset, central + 42);
    central += 46 + e.name.copy(out, central + 46);
  }
  out.writeUInt32LE(EOCD_SIG, central);
  out.writeUInt16LE(entries.length, central + 8);
  out.writeUInt16LE(entries.length, central + 10);
  out.writeUInt32LE(centralSize, central + 12);
  out.writeUInt32LE(localSize, central + 16);
  return out;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD_SIG) return i;
  throw new Error('not a zip file: no end-of-central-directory record');
}

/** The files of a zip (stored or deflated), by name in the zip's order; folders left out. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIG) throw new Error('corrupt zip central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_SIG) throw new Error('corrupt zip local header');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    if (method !== 0 && method !== DEFLATE)
      throw new Error(`zip entry ${name}: unsupported method ${method}`);
    const data = method === DEFLATE ? inflateRawSync(raw) : Buffer.from(raw);
    if (crc32(data) !== crc) throw new Error(`zip entry ${name}: CRC mismatch`);
    if (!name.endsWith('/')) out.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}
