// PDFs of documents: one conversion at a time (a queue), a second request for the same file waits for the
// first, results cached by the .docx SHA-256 and variant. The conversion itself is an outside program (a port).
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import type { Catalogue } from '../i18n/catalogue';
import { PdfTimeout, type PdfCache, type PdfConverter, type PdfVariant } from './ports';
import type { RenderedFile } from './document-service';

export const PDF_CONTENT_TYPE = 'application/pdf';

export interface PdfFile {
  readonly buffer: Buffer;
  readonly sha256: string;
  /** The .docx name with .pdf (and -PDFA for the archival variant). */
  readonly fileName: string;
  readonly contentType: typeof PDF_CONTENT_TYPE;
  /** The SHA-256 of the .docx it was converted from. */
  readonly sourceSha256: string;
}

export interface PdfService {
  /** Undefined when PDFs can be made here; else why not. */
  unavailable(): string | undefined;
  pdfOf(file: RenderedFile, variant: PdfVariant): Promise<PdfFile>;
  /** Conversions actually run (not cache hits) since start. */
  readonly conversions: number;
}

export interface PdfServiceDeps {
  converter: PdfConverter;
  cache: PdfCache;
  timeoutMs: number;
  /** For the person's-language errors (no LibreOffice, timeout). */
  catalogue: Catalogue;
}

export function pdfFileName(docxName: string, variant: PdfVariant): string {
  return docxName.replace(/\.docx$/i, '') + (variant === 'pdfa' ? '_PDFA' : '') + '.pdf';
}

export function createPdfService({ converter, cache, timeoutMs, catalogue }: PdfServiceDeps): PdfService {
  let tail: Promise<unknown> = Promise.resolve();
  const inFlight = new Map<string, Promise<Buffer>>();
  let conversions = 0;
  const fail = (key: string) =>
    new DomainError('pdf-unavailable', catalogue.bilingual(`errors.pdf-unavailable.${key}`));

  /** Runs after every conversion queued before it, whatever their outcome. */
  function queued<T>(job: () => Promise<T>): Promise<T> {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  }

  async function convertOnce(key: string, docx: Buffer, variant: PdfVariant): Promise<Buffer> {
    const hit = await cache.get(key);
    if (hit) return hit;
    return queued(async () => {
      const again = await cache.get(key);
      if (again) return again;
      conversions += 1;
      const pdf = await converter.convert(docx, variant, timeoutMs);
      await cache.put(key, pdf);
      return pdf;
    });
  }

  return {
    unavailable: () => converter.unavailable(),
    get conversions() {
      return conversions;
    },
    async pdfOf(file, variant) {
      if (converter.unavailable()) throw fail('detail');
      const key = `${file.sha256}-${variant}`;
      let p = inFlight.get(key);
      if (!p) {
        p = convertOnce(key, file.buffer, variant).finally(() => inFlight.delete(key));
        inFlight.set(key, p);
      }
      let buffer: Buffer;
      try {
        buffer = await p;
      } catch (e) {
        if (e instanceof PdfTimeout) throw fail('timeout');
        if (e instanceof DomainError) throw e;
        throw Object.assign(fail('failed'), { cause: e });
      }
      return {
        buffer,
        sha256: createHash('sha256').update(buffer).digest('hex'),
        fileName: pdfFileName(file.fileName, variant),
        contentType: PDF_CONTENT_TYPE,
        sourceSha256: file.sha256,
      };
    },
  };
}
