// multipart/form-data uploads (busboy): one file and a few text fields, with limits, read into memory.
// A Word file is read whole anyway (its zip directory is at the end), so streaming it to disk would gain nothing.
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { DomainError } from '../domain/errors';

export interface Upload {
  /** The file field's bytes and name; undefined when the form carried no file. */
  readonly file?: { readonly name: string; readonly bytes: Buffer; readonly type: string };
  readonly fields: Readonly<Record<string, string[]>>;
}

export interface UploadLimits {
  readonly maxFileBytes: number;
  /** The file's form field name. */
  readonly field: string;
}

const tooLarge = (max: number) =>
  new DomainError('payload-too-large', {
    th: `ไฟล์ใหญ่เกินกำหนด (ไม่เกิน ${Math.round(max / (1024 * 1024))} MB)`,
    en: `The file is too large (at most ${Math.round(max / (1024 * 1024))} MB)`,
  });

const notMultipart = () =>
  new DomainError('invalid-input', {
    th: 'กรุณาส่งไฟล์แบบ multipart/form-data',
    en: 'Send the file as multipart/form-data',
  });

/** Reads the request's form: the one file (at most `maxFileBytes`) and its text fields; anything else is refused. */
export function readUpload(req: Request, limits: UploadLimits): Promise<Upload> {
  if (!req.is('multipart/form-data')) return Promise.reject(notMultipart());
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: { fileSize: limits.maxFileBytes, files: 1, fields: 50, fieldSize: 64 * 1024, parts: 60 },
      });
    } catch {
      reject(notMultipart());
      return;
    }
    const fields: Record<string, string[]> = {};
    let file: Upload['file'];
    let failed: Error | undefined;
    const fail = (e: Error) => {
      failed ??= e;
    };
    bb.on('field', (name, value) => {
      (fields[name] ??= []).push(value);
    });
    bb.on('file', (name, stream, info) => {
      if (name !== limits.field || file) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(tooLarge(limits.maxFileBytes)));
      stream.on('end', () => {
        file = { name: info.filename ?? '', type: info.mimeType, bytes: Buffer.concat(chunks) };
      });
    });
    bb.on('filesLimit', () => fail(notMultipart()));
    bb.on('error', () => reject(failed ?? notMultipart()));
    bb.on('close', () => {
      if (failed) reject(failed);
      else resolve({ ...(file ? { file } : {}), fields });
    });
    req.on('error', () => fail(notMultipart()));
    req.pipe(bb);
  });
}

/** The first value of a text field. */
export const field = (u: Upload, name: string): string | undefined => u.fields[name]?.[0];

/** The form's one file, read within the Word import limit, or a refusal in both languages saying what to attach. */
export async function requireFile(
  req: Request,
  maxFileBytes: number,
  missing: { th: string; en: string },
): Promise<{ upload: Upload; bytes: Buffer; name: string }> {
  const upload = await readUpload(req, { field: 'file', maxFileBytes });
  if (!upload.file || upload.file.bytes.length === 0) throw new DomainError('invalid-input', missing);
  return { upload, bytes: upload.file.bytes, name: upload.file.name };
}

/**
 * Sends a stored attachment back the one safe way (the page and the API alike): always as a download, never sniffed
 * or run as a page (nosniff, a sandboxing CSP), with the SHA-256 its history entry recorded.
 */
export function sendAttachment(
  res: Response,
  file: { info: { name: string; contentType: string; sha256: string }; bytes: Buffer },
): void {
  res.attachment(file.info.name);
  res.setHeader('Content-Type', file.info.contentType);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('X-Content-SHA256', file.info.sha256);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.send(file.bytes);
}
