// Benchmark (issue 14): a PDF of the Chiang Mai–Sejong MOU by LibreOffice headless (each conversion a different
// .docx, so none is a cache hit), a cache hit of the same PDF, and the .docx render of the same agreement; median
// and p99 of each, and the ratios. LibreOffice dominates: the cache is what keeps repeated downloads cheap.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderedFile } from '../../src/app/document-service';
import { createPdfService } from '../../src/app/pdf-service';
import { fixtureStory, quantile } from '../support';
import { renderDocument } from '../../src/documents';
import { projectCatalogue } from '../../src/i18n/catalogue';
import { diskPdfCache, findSoffice, libreOfficeConverter } from '../../src/platform/libreoffice';

const CONVERSIONS = Number(process.env.BENCH_CONVERSIONS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const say = (s: string) => process.stdout.write(`${s}\n`);

const story = fixtureStory();

const stats = (xs: readonly number[]) => ({
  median: quantile(xs, 0.5),
  p99: quantile(xs, 0.99),
  n: xs.length,
});

async function timed<T>(job: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await job();
  return [performance.now() - t, r];
}

async function main(): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice not found: install libreoffice-writer-nogui fonts-thai-tlwg');
  const dir = mkdtempSync(join(tmpdir(), 'mou-bench-pdf-'));
  try {
    const pdf = createPdfService({
      converter: libreOfficeConverter(soffice),
      cache: diskPdfCache(dir, 500 * 1024 * 1024),
      timeoutMs: 120_000,
      catalogue: projectCatalogue(),
    });
    // A different date each time: different bytes, a different SHA-256, a real conversion.
    const render = (i: number) =>
      renderDocument({
        doc: 'mou',
        layout: 'parallel',
        content: story.draft2,
        versionNo: 2,
        meta: { date: `2022-05-${String(1 + (i % 28)).padStart(2, '0')}` },
      });
    const asFile = (r: Awaited<ReturnType<typeof render>>): RenderedFile => ({
      ...r,
      contentType: r.mimeType,
    });
    const docx: number[] = [];
    for (let i = 0; i < RUNS; i++) docx.push((await timed(() => render(i)))[0]);
    const conv: number[] = [];
    let size = 0;
    for (let i = 0; i < CONVERSIONS; i++) {
      const f = asFile(await render(i));
      const [ms, out] = await timed(() => pdf.pdfOf(f, 'plain'));
      conv.push(ms);
      size = out.buffer.length;
    }
    const f = asFile(await render(0));
    const hits: number[] = [];
    for (let i = 0; i < RUNS; i++) hits.push((await timed(() => pdf.pdfOf(f, 'plain')))[0]);
    const d = stats(docx);
    const c = stats(conv);
    const h = stats(hits);
    const row = (name: string, s: { median: number; p99: number; n: number }) =>
      say(
        `${name.padEnd(22)} median ${s.median.toFixed(1).padStart(8)} ms  p99 ${s.p99.toFixed(1).padStart(8)} ms  (n=${s.n})`,
      );
    say(
      `PDF of the Chiang Mai–Sejong MOU (${Math.round(size / 1024)} KB), conversions counted: ${pdf.conversions}`,
    );
    row('.docx render', d);
    row('PDF conversion', c);
    row('PDF cache hit', h);
    say(
      `conversion / .docx render: ${(c.median / d.median).toFixed(0)}× (median), ${(c.p99 / d.p99).toFixed(0)}× (p99)`,
    );
    say(
      `cache hit / .docx render:  ${(h.median / d.median).toFixed(2)}× (median), ${(h.p99 / d.p99).toFixed(2)}× (p99)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
