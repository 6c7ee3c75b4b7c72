// Converts generated .docx to PDF with LibreOffice and reads it back (text, comment annotations, page PNGs).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** LibreOffice leaves Word comments out of a PDF unless asked; with ExportNotes they become text annotations. */
const PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}';

export interface Pdf {
  readonly path: string;
  readonly text: string;
  readonly pages: number;
  /** Word comments as LibreOffice exports them: PDF text annotations (author, contents). */
  readonly annotations: readonly { author: string; contents: string }[];
}

/** PDF strings: <FEFF…> hex (UTF-16BE) or (literal). */
function pdfString(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

function annotations(pdf: Buffer): Pdf['annotations'] {
  const src = pdf.toString('latin1');
  const out: { author: string; contents: string }[] = [];
  for (const m of src.matchAll(/\/Subtype\s*\/Text\b[\s\S]*?>>/g)) {
    const dict = m[0];
    const contents = /\/Contents\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(dict)?.[1];
    const author = /\/T\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(dict)?.[1];
    if (contents) out.push({ contents: pdfString(contents), author: author ? pdfString(author) : '' });
  }
  return out;
}

/** One .docx to convert: its bytes and a file name (without extension) unique within the batch. */
export interface DocxFile {
  buffer: Buffer;
  name: string;
}

/**
 * Convert with a LibreOffice profile of its own (so parallel conversions never share one) and read the PDF back.
 * `keepIn` also keeps the PDF and a PNG of page 1 there, for people to look at.
 */
export async function docxToPdf(buffer: Buffer, name: string, keepIn?: string): Promise<Pdf> {
  const [pdf] = await docxToPdfs([{ buffer, name }], keepIn);
  if (!pdf) throw new Error(`no PDF for ${name}`);
  return pdf;
}

/**
 * Several files in one LibreOffice run: starting LibreOffice is most of a conversion's time, so a test that needs many
 * PDFs converts them together. The PDFs come back in the order of `files`.
 */
export async function docxToPdfs(files: readonly DocxFile[], keepIn?: string): Promise<Pdf[]> {
  if (new Set(files.map((f) => f.name)).size !== files.length) throw new Error('file names must differ');
  const dir = await mkdtemp(join(tmpdir(), 'mou-pdf-'));
  try {
    const docx = files.map((f) => join(dir, `${f.name}.docx`));
    await Promise.all(files.map((f, i) => writeFile(docx[i] ?? '', f.buffer)));
    await run(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        PDF_FILTER,
        '--outdir',
        dir,
        ...docx,
      ],
      { timeout: 60_000 + 50_000 * files.length },
    );
    return await Promise.all(files.map((f) => readPdf(join(dir, `${f.name}.pdf`), f.name, keepIn)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readPdf(pdfPath: string, name: string, keepIn: string | undefined): Promise<Pdf> {
  const [{ stdout: text }, { stdout: info }, bytes] = await Promise.all([
    run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 << 20 }),
    run('pdfinfo', [pdfPath]),
    readFile(pdfPath),
  ]);
  if (keepIn) {
    await mkdir(keepIn, { recursive: true });
    await writeFile(join(keepIn, `${name}.pdf`), bytes);
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdfPath,
      join(keepIn, `${name}-page1`),
    ]);
  }
  return {
    path: pdfPath,
    text,
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
    annotations: annotations(bytes),
  };
}

/**
 * Compare text the way a PDF gives it back: no whitespace, no Thai above/below marks (pdftotext may move or drop
 * them), compatibility forms folded (sara am ำ comes back as ํ + า).
 */
export function normalize(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B]/g, '');
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * The words of `expected`, in order, somewhere in `pdfText`. Parallel columns and table cells interleave line by line
 * in extracted text, but each column's words keep their order.
 */
export function missingWords(pdfText: string, expected: string): string[] {
  const hay = normalize(pdfText);
  let at = 0;
  const missing: string[] = [];
  for (const { segment } of segmenter.segment(expected)) {
    const w = normalize(segment);
    if (w === '') continue;
    const i = hay.indexOf(w, at);
    if (i < 0) missing.push(segment);
    else at = i + w.length;
  }
  return missing;
}
