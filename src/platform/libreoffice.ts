// The PDF converter: LibreOffice headless, a private profile per conversion (a stale lock never blocks the
// next one), the whole process group killed on timeout; and the on-disk cache of converted PDFs.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PdfTimeout, type PdfCache, type PdfConverter, type PdfVariant } from '../app/ports';

/** PDF/A-2b: LibreOffice's SelectPdfVersion 2; fonts are always embedded in PDF/A. */
const FILTERS: Record<PdfVariant, string> = {
  plain: 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
  pdfa: 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"ExportNotes":{"type":"boolean","value":"false"}}',
};

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** MOU_SOFFICE if set, else soffice or libreoffice on PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MOU_SOFFICE) return executable(env.MOU_SOFFICE) ? env.MOU_SOFFICE : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      if (executable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

export function libreOfficeConverter(soffice: string | undefined): PdfConverter {
  return {
    unavailable: () =>
      soffice
        ? undefined
        : 'LibreOffice not found: install libreoffice-writer-nogui and fonts-thai-tlwg, or set MOU_SOFFICE',
    async convert(docx, variant, timeoutMs) {
      if (!soffice) throw new Error('LibreOffice not found');
      const dir = await mkdtemp(join(tmpdir(), 'mou-pdf-'));
      try {
        const input = join(dir, 'document.docx');
        await writeFile(input, docx);
        const args = [
          `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
          '--headless',
          '--norestore',
          '--convert-to',
          FILTERS[variant],
          '--outdir',
          dir,
          input,
        ];
        await new Promise<void>((resolve, reject) => {
          const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
          const timer = setTimeout(() => {
            try {
              if (child.pid) process.kill(-child.pid, 'SIGKILL');
            } catch {
              /* already gone */
            }
            reject(new PdfTimeout(`LibreOffice took longer than ${timeoutMs} ms`));
          }, timeoutMs);
          child.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
          });
          child.on('exit', (code) => {
            clearTimeout(timer);
            if (code === 0) resolve();
            else reject(new Error(`LibreOffice exited with ${code}: ${stderr.trim()}`));
          });
        });
        const pdf = await readFile(join(dir, 'document.pdf')).catch(() => undefined);
        if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw new Error('LibreOffice wrote no PDF');
        return pdf;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * PDFs on disk under `dir`, one file per key, the least recently used removed beyond `maxBytes`.
 * Derived data (reproducible from the .docx), so the cache directory, not the database.
 */
export function diskPdfCache(dir: string, maxBytes: number): PdfCache {
  const path = (key: string) => join(dir, `${key.replace(/[^A-Za-z0-9-]/g, '')}.pdf`);
  async function prune(): Promise<void> {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.pdf'));
    const files = await Promise.all(
      names.map(async (n) => ({ n, s: await stat(join(dir, n)).catch(() => undefined) })),
    );
    const live = files.flatMap((f) => (f.s ? [{ n: f.n, size: f.s.size, at: f.s.mtimeMs }] : []));
    let total = live.reduce((a, f) => a + f.size, 0);
    for (const f of live.sort((a, b) => a.at - b.at)) {
      if (total <= maxBytes) break;
      await unlink(join(dir, f.n)).catch(() => undefined);
      total -= f.size;
    }
  }
  return {
    async get(key) {
      const p = path(key);
      const buf = await readFile(p).catch(() => undefined);
      if (buf) {
        const now = new Date();
        await utimes(p, now, now).catch(() => undefined);
      }
      return buf;
    },
    async put(key, pdf) {
      await mkdir(dir, { recursive: true });
      const tmp = `${path(key)}.${process.pid}.tmp`;
      await writeFile(tmp, pdf);
      await rename(tmp, path(key));
      await prune();
    },
  };
}
