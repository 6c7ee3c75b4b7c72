// What the benchmarks share: the Chiang Mai–Sejong fixture story and the quantiles they report.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storyFromFixture, type FixtureStory } from '../src/domain/fixture';

/** fixtures/chiang-mai-sejong.json, found from the sources (bench/) or from the build (dist/bench/). */
export function fixtureStory(): FixtureStory {
  const file = [join(__dirname, '..', '..', 'fixtures'), join(__dirname, '..', 'fixtures')]
    .map((dir) => join(dir, 'chiang-mai-sejong.json'))
    .find((p) => existsSync(p));
  if (file === undefined) throw new Error('fixtures/chiang-mai-sejong.json not found');
  return storyFromFixture(JSON.parse(readFileSync(file, 'utf8')));
}

/** The q-quantile of xs (nearest rank); NaN for none. */
export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};

async function time(job: () => unknown): Promise<number> {
  const t = performance.now();
  await job();
  return performance.now() - t;
}

/** Each job `runs` times (after `warmup` uncounted), taking turns in blocks of `block`: a busy neighbour slows all alike. */
export async function interleaved<K extends string>(
  jobs: Record<K, () => unknown>,
  warmup: number,
  runs: number,
  block = 20,
) {
  const keys = Object.keys(jobs) as K[];
  const times = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let r = 0; r * block < warmup + runs; r++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(r + i) % keys.length] as K;
      for (let j = 0; j < block; j++) {
        const dt = await time(jobs[k]);
        if (r * block + j >= warmup) times.get(k)?.push(dt);
      }
    }
  }
  return Object.fromEntries(
    keys.map((k) => {
      const xs = times.get(k) ?? [];
      return [k, { median: quantile(xs, 0.5), p99: quantile(xs, 0.99), n: xs.length }];
    }),
  ) as Record<K, { median: number; p99: number; n: number }>;
}

/** A measured run's requests: how many were sent, how many failed (non-2xx or error), and what they were answered. */
export interface RequestTally {
  name: string;
  sent: number;
  failed: number;
  /** Statuses or a sample answer of the failures, to say why. */
  why?: string;
}

/**
 * The figures of a run whose requests failed measure refusals, not the work they name: says so loudly (on stderr,
 * after everything else) and sets a non-zero exit code. True when every request of every run succeeded.
 */
export function requireAllSucceeded(runs: readonly RequestTally[]): boolean {
  const failed = runs.filter((r) => r.failed > 0 || r.sent === 0);
  if (failed.length === 0) return true;
  const bar = '!'.repeat(100);
  const lines = [
    bar,
    `BENCHMARK FAILED: ${failed.length} of ${runs.length} measured runs had failed requests (non-2xx or error);`,
    'their figures do not measure what they name.',
    ...failed.map(
      (r) =>
        `  ${r.name}: ${r.sent === 0 ? 'nothing sent' : `${r.failed} of ${r.sent} failed`}${r.why ? ` — ${r.why}` : ''}`,
    ),
    bar,
  ];
  process.stderr.write(`\n${lines.join('\n')}\n`);
  process.exitCode = 1;
  return false;
}

/** A temporary data folder for a benchmark's embedded database, removed when the benchmark's process exits. */
export function benchDataDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mou-bench-${name}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
