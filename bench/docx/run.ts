// Benchmark (issue 5): the same 1-, 6-, 30- and 120-page MOU by our pipeline, by docxtemplater, and the zip-only floor.
// Fair by construction: same content (checked), warm-up first, then the three take turns in blocks of runs, round
// after round (so a busy neighbour slows all three alike), and the median of each is reported. Memory is measured per contender in a
// process of its own (memory.ts). Prints the goals and whether they are met.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { compose } from '../../src/documents/compose';
import { layout } from '../../src/documents/layout';
import { renderDocx } from '../../src/documents/render-docx';
import { sheetXml } from '../../src/documents/sheet-xml';
import { defaultTemplates } from '../../src/documents/templates';
import { validateRenderInput } from '../../src/documents/validate';
import { renderDocument } from '../../src/documents';
import { CONTENDERS, SIZES, contentOfPages, jobsFor, mouInput, type Contender } from './contenders';

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

async function time(job: () => unknown): Promise<number> {
  const t = performance.now();
  await job();
  return performance.now() - t;
}

/**
 * Median milliseconds of each job. The jobs take turns in blocks of `block` runs (a different one first each round),
 * so that a busy neighbour slows all alike, while each job mostly pays for its own garbage collection, not for the
 * garbage the previous one left. The first `warmup` runs of each job are not counted.
 */
async function interleaved<K extends string>(
  jobs: Record<K, () => unknown>,
  warmup: number,
  runs: number,
  block = 10,
): Promise<Record<K, number>> {
  const keys = Object.keys(jobs) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  const rounds = Math.ceil((warmup + runs) / block);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(r + i) % keys.length] as K;
      for (let j = 0; j < block; j++) {
        const dt = await time(jobs[k]);
        if (r * block + j >= warmup) times.get(k)?.push(dt);
      }
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(times.get(k) ?? [])])) as Record<K, number>;
}

/** Where our time goes, at one size: the phases of renderDocument, each timed alone (median). */
async function phases(pages: number): Promise<string> {
  const input = mouInput(contentOfPages(pages));
  const templates = defaultTemplates();
  const valid = validateRenderInput(input);
  const model = compose(valid, templates);
  const sheet = layout(model, 'parallel');
  const t = await interleaved(
    {
      validate: () => validateRenderInput(input),
      compose: () => compose(valid, templates),
      layout: () => layout(model, 'parallel'),
      xml: () => sheetXml(sheet),
      'xml+zip': () => renderDocx(sheet),
      all: () => renderDocument(input, templates),
    },
    20,
    100,
  );
  const zip = t['xml+zip'] - t.xml;
  return `validate ${t.validate.toFixed(2)} · compose ${t.compose.toFixed(2)} · layout ${t.layout.toFixed(2)} · XML ${t.xml.toFixed(2)} · deflate+zip ${zip.toFixed(2)} ms; renderDocument ${t.all.toFixed(2)} ms`;
}

function memory(who: Contender, pages: number): { heapMb: number; rssMb: number } {
  const child = (flags: readonly string[], mode: 'heap' | 'rss'): unknown =>
    JSON.parse(
      execFileSync(process.execPath, [...flags, join(__dirname, 'memory.js'), mode, who, String(pages)], {
        encoding: 'utf8',
      }),
    );
  const { heapMb } = child(
    ['--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256'],
    'heap',
  ) as { heapMb: number };
  const { rssMb } = child([], 'rss') as { rssMb: number };
  return { heapMb, rssMb };
}

interface Row {
  pages: number;
  articles: number;
  ms: Record<Contender, number>;
  mem: Record<Contender, { heapMb: number; rssMb: number }>;
}

function table(rows: readonly Row[]): string {
  const head = [
    'pages',
    'articles',
    'ours ms',
    'docxtemplater ms',
    'floor ms',
    'ours/floor',
    'ours/templater',
    'ours ms/page',
    'heap MB/render ours·templater·floor',
    'peak RSS MB ours·templater·floor',
  ];
  const body = rows.map((r) => [
    String(r.pages),
    String(r.articles),
    r.ms.ours.toFixed(2),
    r.ms.docxtemplater.toFixed(2),
    r.ms.floor.toFixed(2),
    `${(r.ms.ours / r.ms.floor).toFixed(2)}×`,
    `${(r.ms.ours / r.ms.docxtemplater).toFixed(2)}×`,
    (r.ms.ours / r.pages).toFixed(3),
    CONTENDERS.map((c) => r.mem[c].heapMb.toFixed(1)).join(' · '),
    CONTENDERS.map((c) => r.mem[c].rssMb.toFixed(0)).join(' · '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

function goals(rows: readonly Row[]): string {
  const six = rows.find((r) => r.pages === 6);
  if (!six) return '';
  const vsFloor = six.ms.ours / six.ms.floor;
  const vsTemplater = six.ms.ours / six.ms.docxtemplater;
  // Linear growth: the cost of each further page stays level (or falls) as documents grow.
  const marginal = rows.slice(1).map((r, i) => {
    const prev = rows[i] as Row;
    return { from: prev.pages, to: r.pages, msPerPage: (r.ms.ours - prev.ms.ours) / (r.pages - prev.pages) };
  });
  const tail = marginal.filter((m) => m.from >= 6).map((m) => m.msPerPage);
  const linear = tail.length < 2 || (tail[tail.length - 1] ?? 0) <= 1.5 * Math.max(...tail.slice(0, -1));
  return [
    'GOALS',
    `  6-page: ours/floor ${vsFloor.toFixed(2)}× (goal ≤ 3×) ${verdict(vsFloor <= 3)}`,
    `  6-page: ours/docxtemplater ${vsTemplater.toFixed(2)}× (goal < 1×) ${verdict(vsTemplater < 1)}`,
    `  linear: ms per page ${rows.map((r) => `${r.pages}p ${(r.ms.ours / r.pages).toFixed(3)}`).join(', ')}`,
    `          each further page ${marginal.map((m) => `${m.from}→${m.to}p ${m.msPerPage.toFixed(3)}`).join(', ')} ms` +
      ` (goal: no rise beyond 1.5× as documents grow) ${verdict(linear)}`,
    `  peak memory: 120 pages, heap allocated by one render ours ${rows.at(-1)?.mem.ours.heapMb.toFixed(1)} MB, ` +
      `docxtemplater ${rows.at(-1)?.mem.docxtemplater.heapMb.toFixed(1)} MB; peak RSS of this run ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  ].join('\n');
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (figures are medians; a busy machine widens them)`,
  );
  const cold = await time(() => renderDocument(mouInput(contentOfPages(6))));
  console.log(
    `first 6-page render in this process: ${cold.toFixed(1)} ms (cold code, and docx builds the package skeleton once per shape)`,
  );
  console.log(
    'ours reuses that skeleton (static parts deflated once per process); the floor deflates every part each time',
  );
  const rows: Row[] = [];
  for (const pages of SIZES) {
    const { articles, jobs } = await jobsFor(pages);
    const runs = pages >= 120 ? 30 : pages >= 30 ? 60 : 150;
    const ms = await interleaved(jobs, 20, runs);
    const mem = Object.fromEntries(CONTENDERS.map((c) => [c, memory(c, pages)])) as Row['mem'];
    rows.push({ pages, articles, ms, mem });
  }
  console.log(table(rows));
  for (const pages of [6, 120]) console.log(`ours at ${pages} pages, by phase: ${await phases(pages)}`);
  console.log(goals(rows));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
