// Makes a zip's bytes independent of the clock: every entry's DOS timestamp set to 1980-01-01 00:00.
// The timestamps sit outside the compressed data and its CRC, so they can be overwritten in place.

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65 535 bytes.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD_SIG) return i;
  throw new Error('not a zip file: no end-of-central-directory record');
}

/** Overwrite the modification time of every entry (local header and central directory) in `zip`, in place. */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const eocd = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_SIG) throw new Error('corrupt zip central directory');
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(DOS_DATE_1980_01_01, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL_SIG) throw new Error('corrupt zip local header');
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(DOS_DATE_1980_01_01, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
