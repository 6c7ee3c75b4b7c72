// PDFs by real LibreOffice, read back with poppler's pdftotext and pdffonts: every article in both languages,
// the Thai font embedded, PDF/A-2b declared; the cache, the queue, the timeout and a missing LibreOffice.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPdfService, type PdfFile, type PdfService } from '../../../src/app/pdf-service';
import type { RenderedFile } from '../../../src/app/document-service';
import { renderDocument, type DocType } from '../../../src/documents';
import { projectCatalogue } from '../../../src/i18n/catalogue';
import { diskPdfCache, findSoffice, libreOfficeConverter } from '../../../src/platform/libreoffice';
import { fixtureInput } from '../../support/doc-inputs';
import { missingWords } from '../../support/doc-pdf';
import { chiangMaiSejong } from '../../support/fixtures';

jest.setTimeout(240_000);
const run = promisify(execFile);
const catalogue = projectCatalogue();
const story = chiangMaiSejong();
const DOCS: DocType[] = ['mou', 'signing', 'memo', 'review'];

let dir: string;
let service: PdfService;
const files = new Map<string, RenderedFile>();
const pdfs = new Map<string, PdfFile>();
const texts = new Map<string, string>();
let parallelMs = 0;
let active = 0;
let mostAtOnce = 0;

async function rendered(doc: DocType): Promise<RenderedFile> {
  const r = await renderDocument(fixtureInput(doc));
  return { buffer: r.buffer, sha256: r.sha256, fileName: r.fileName, contentType: r.mimeType };
}

async function pdfPath(key: string): Promise<string> {
  const p = join(dir, `${key}.pdf`);
  await writeFile(p, pdfs.get(key)!.buffer);
  return p;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mou-pdf-test-'));
  const real = libreOfficeConverter(findSoffice());
  service = createPdfService({
    // The real converter, counting how many conversions run at the same moment.
    converter: {
      unavailable: () => real.unavailable(),
      convert: async (...args) => {
        active += 1;
        mostAtOnce = Math.max(mostAtOnce, active);
        try {
          return await real.convert(...args);
        } finally {
          active -= 1;
        }
      },
    },
    cache: diskPdfCache(join(dir, 'cache'), 50 * 1024 * 1024),
    timeoutMs: 120_000,
    catalogue,
  });
  for (const d of DOCS) files.set(d, await rendered(d));
  // Three different documents at once: the queue runs them one after another, all succeed.
  const t0 = Date.now();
  const out = await Promise.all(DOCS.map((d) => service.pdfOf(files.get(d)!, 'plain')));
  parallelMs = Date.now() - t0;
  DOCS.forEach((d, i) => pdfs.set(d, out[i]!));
  pdfs.set('mou-pdfa', await service.pdfOf(files.get('mou')!, 'pdfa'));
  for (const [k] of pdfs) {
    texts.set(k, (await run('pdftotext', ['-layout', await pdfPath(k), '-'], { maxBuffer: 1 << 26 })).stdout);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF of the documents (LibreOffice)', () => {
  it('converts four documents requested at once, one at a time, each once', () => {
    expect(service.conversions).toBe(5);
    expect(mostAtOnce).toBe(1);
    for (const d of DOCS) expect(pdfs.get(d)!.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    console.log(
      `PDF: 4 conversions in ${(parallelMs / 1000).toFixed(1)} s; sizes ` +
        [...pdfs].map(([k, p]) => `${k} ${Math.round(p.buffer.length / 1024)} KB`).join(', '),
    );
  });

  it.each(['mou', 'signing', 'review', 'mou-pdfa'])(
    '%s: pdftotext finds every article in Thai and English',
    (key) => {
      const text = texts.get(key)!;
      // The review copy is version 1 as MFA commented on it; the others are draft 2.
      for (const a of (key === 'review' ? story.draft1 : story.draft2).articles) {
        for (const lang of ['th', 'en'] as const) {
          expect({
            article: a.no,
            lang,
            missing: missingWords(text, `${a.heading[lang]} ${a.text[lang]}`),
          }).toEqual({
            article: a.no,
            lang,
            missing: [],
          });
        }
      }
    },
  );

  it.each(['mou', 'memo', 'mou-pdfa'])('%s: pdffonts shows the Thai font embedded', async (key) => {
    const { stdout } = await run('pdffonts', [await pdfPath(key)]);
    const rows = stdout.split('\n').slice(2).filter(Boolean);
    const thai = rows.filter((r) => /Laksaman|Sarabun|Garuda|Loma|Norasi|Kinnari|TLWG/i.test(r));
    expect(thai.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID; "emb" is the 4th from the end.
    for (const r of thai) expect(r.trim().split(/\s+/).slice(-5)[0]).toBe('yes');
  });

  it('the PDF/A one declares PDF/A-2b in its XMP metadata; the plain one does not', () => {
    const a = pdfs.get('mou-pdfa')!.buffer.toString('latin1');
    expect(a).toMatch(/pdfaid:part(="2"|>2<)/);
    expect(a).toMatch(/pdfaid:conformance(="B"|>B<)/);
    expect(pdfs.get('mou-pdfa')!.fileName).toMatch(/_PDFA\.pdf$/);
    expect(pdfs.get('mou')!.buffer.toString('latin1')).not.toMatch(/pdfaid:part/);
  });

  it('answers again from the cache: the same bytes, no second conversion', async () => {
    const before = service.conversions;
    const t0 = process.hrtime.bigint();
    const again = await service.pdfOf(files.get('mou')!, 'plain');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(service.conversions).toBe(before);
    expect(again.buffer.equals(pdfs.get('mou')!.buffer)).toBe(true);
    expect(again.sha256).toBe(pdfs.get('mou')!.sha256);
    console.log(`PDF cache hit: ${ms.toFixed(1)} ms`);
  });

  it('two requests for the same new file at once convert it once', async () => {
    const fresh = new PdfServiceProbe(dir);
    const f = files.get('memo')!;
    const [a, b] = await Promise.all([fresh.service.pdfOf(f, 'plain'), fresh.service.pdfOf(f, 'plain')]);
    expect(fresh.service.conversions).toBe(1);
    expect(a.buffer.equals(b.buffer)).toBe(true);
  });

  it('a LibreOffice that hangs is killed at the timeout with a clear error, and the next conversion works', async () => {
    const fake = join(dir, 'slow-soffice');
    await writeFile(fake, '#!/bin/sh\nsleep 30 &\nsleep 30\n');
    await chmod(fake, 0o755);
    const slow = createPdfService({
      converter: libreOfficeConverter(findSoffice({ MOU_SOFFICE: fake })),
      cache: diskPdfCache(join(dir, 'slow-cache'), 1 << 20),
      timeoutMs: 1500,
      catalogue,
    });
    const t0 = Date.now();
    const err = await slow.pdfOf(files.get('mou')!, 'plain').catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(err).toMatchObject({
      code: 'pdf-unavailable',
      userMessage: {
        en: expect.stringContaining('did not finish in time'),
        th: expect.stringContaining('เกินกำหนด'),
      },
    });
    // The hung process group is gone.
    const ps = (await run('ps', ['-eo', 'args'])).stdout;
    expect(ps).not.toContain(fake);
    // The real one still converts (its own profile; no lock left behind).
    const fresh = new PdfServiceProbe(dir);
    const ok = await fresh.service.pdfOf(files.get('signing')!, 'plain');
    expect(ok.buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('without LibreOffice: says what to install, in Thai and English, and converts nothing', async () => {
    expect(findSoffice({ PATH: join(dir, 'nowhere') })).toBeUndefined();
    expect(findSoffice({ MOU_SOFFICE: join(dir, 'missing-soffice') })).toBeUndefined();
    const none = createPdfService({
      converter: libreOfficeConverter(undefined),
      cache: diskPdfCache(join(dir, 'none'), 1 << 20),
      timeoutMs: 1000,
      catalogue,
    });
    expect(none.unavailable()).toMatch(/libreoffice-writer-nogui/);
    const err = await none.pdfOf(files.get('mou')!, 'plain').catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'pdf-unavailable',
      userMessage: {
        en: expect.stringContaining('libreoffice-writer-nogui fonts-thai-tlwg'),
        th: expect.stringContaining('libreoffice-writer-nogui fonts-thai-tlwg'),
      },
    });
    expect(none.conversions).toBe(0);
  });

  it('the disk cache stays within its size, dropping the least recently used', async () => {
    const small = diskPdfCache(join(dir, 'small'), 2500);
    await small.put('a-plain', Buffer.alloc(1000, 1));
    await new Promise((r) => setTimeout(r, 20));
    await small.put('b-plain', Buffer.alloc(1000, 2));
    await new Promise((r) => setTimeout(r, 20));
    await small.get('a-plain');
    await small.put('c-plain', Buffer.alloc(1000, 3));
    expect(await small.get('b-plain')).toBeUndefined();
    expect((await small.get('a-plain'))?.[0]).toBe(1);
    expect((await small.get('c-plain'))?.[0]).toBe(3);
    expect(await readFile(join(dir, 'small', 'c-plain.pdf'))).toHaveLength(1000);
  });
});

class PdfServiceProbe {
  readonly service: PdfService;
  constructor(root: string) {
    this.service = createPdfService({
      converter: libreOfficeConverter(findSoffice()),
      cache: diskPdfCache(join(root, `probe-${Math.random().toString(36).slice(2)}`), 50 * 1024 * 1024),
      timeoutMs: 120_000,
      catalogue,
    });
  }
}
