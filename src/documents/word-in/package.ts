// The safe opener of a Word package: a real zip reader (yauzl) with limits on size, entries and ratio, parts by name.
import yauzl from 'yauzl';
import { DomainError } from '../../domain/errors';
import { childrenNamed, parseXml } from './xml';

export interface PackageLimits {
  /** The uploaded file itself. */
  readonly maxFileBytes: number;
  readonly maxEntries: number;
  /** Inflated size of one part, counted while inflating (headers are not trusted). */
  readonly maxEntryBytes: number;
  /** Inflated size of all parts read together. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed, per part: a zip bomb compresses far better than any real document. */
  readonly maxRatio: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
};

/** The parts of a package by name; only parts a reader asks for are inflated (the rest stay compressed). */
export interface WordPackage {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The part's bytes, or undefined when the package has no such part. */
  part(name: string): Promise<Buffer | undefined>;
}

const refuse = (th: string, en: string) => new DomainError('invalid-input', { th, en });

export const notWordFile = () =>
  refuse('ไฟล์นี้ไม่ใช่เอกสาร Word (.docx) ที่อ่านได้', 'This file is not a Word document (.docx) that can be read.');

const tooLarge = () =>
  new DomainError('payload-too-large', {
    th: 'ไฟล์หรือเนื้อหาในไฟล์มีขนาดใหญ่เกินกว่าที่รับได้',
    en: 'The file, or what it holds once unpacked, is larger than allowed.',
  });

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(notWordFile()) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile, limits: PackageLimits): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entries.size >= limits.maxEntries) return reject(tooLarge());
      if (entry.isEncrypted())
        return reject(
          refuse(
            'ไฟล์นี้ถูกเข้ารหัสไว้ กรุณาบันทึกสำเนาที่ไม่มีรหัสผ่านแล้วส่งใหม่',
            'This file is encrypted. Save a copy without a password and upload that.',
          ),
        );
      if (entry.uncompressedSize > limits.maxEntryBytes) return reject(tooLarge());
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(notWordFile()));
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: { left: number }, limits: PackageLimits) {
  return new Promise<Buffer>((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(notWordFile());
      const chunks: Buffer[] = [];
      let size = 0;
      const ratioCap = Math.max(entry.compressedSize, 1024) * limits.maxRatio;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        budget.left -= chunk.length;
        if (size > limits.maxEntryBytes || size > ratioCap || budget.left < 0) {
          stream.destroy();
          reject(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', () => reject(notWordFile()));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Opens `bytes` as a Word package, or refuses it with a DomainError a person can act on. */
export async function openWordPackage(
  bytes: Buffer,
  limits: PackageLimits = DEFAULT_LIMITS,
): Promise<WordPackage> {
  const pkg = await openZipPackage(bytes, limits, notWordFile);
  await checkIsDocx(pkg);
  return pkg;
}

/**
 * Opens `bytes` as any zip package (a Word file, a workbook) within the limits, or refuses it: `notThisKind` when it
 * is no zip or is encrypted the old way, too large when it or a part (counted while inflating) is.
 */
export async function openZipPackage(
  bytes: Buffer,
  limits: PackageLimits,
  notThisKind: () => DomainError,
): Promise<WordPackage> {
  if (bytes.length > limits.maxFileBytes) throw tooLarge();
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE))
    throw refuse(
      'ไฟล์นี้ถูกเข้ารหัสไว้หรือเป็น Word รุ่นเก่า (.doc) กรุณาบันทึกเป็น .docx ที่ไม่มีรหัสผ่าน',
      'This file is encrypted or an old Word file (.doc). Save it as a .docx without a password.',
    );
  const zip = await openZip(bytes).catch(() => {
    throw notThisKind();
  });
  const entries = await listEntries(zip, limits).catch((e: unknown) => {
    zip.close();
    throw e;
  });
  const budget = { left: limits.maxTotalBytes };
  const pkg: WordPackage = {
    names: [...entries.keys()].sort(),
    has: (name) => entries.has(name),
    part: async (name) => {
      const entry = entries.get(name);
      return entry ? inflate(zip, entry, budget, limits) : undefined;
    },
  };
  return pkg;
}

const MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml';
const DOCX_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

async function checkIsDocx(pkg: WordPackage): Promise<void> {
  const types = await pkg.part('[Content_Types].xml');
  if (!types || !pkg.has('word/document.xml')) throw notWordFile();
  const root = parseXml(types, '[Content_Types].xml');
  const main = childrenNamed(root, 'Override').find((o) => o.attrs.PartName === '/word/document.xml');
  const type = main?.attrs.ContentType;
  if (type === MACRO_MAIN || pkg.has('word/vbaProject.bin'))
    throw refuse(
      'ไฟล์นี้มีแมโคร (.docm) ซึ่งไม่รับ กรุณาบันทึกเป็น .docx',
      'This file contains macros (.docm), which are not accepted. Save it as a .docx.',
    );
  if (type !== DOCX_MAIN) throw notWordFile();
}
