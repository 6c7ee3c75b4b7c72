// What the benchmarks share: the Chiang Mai–Sejong fixture story and the quantiles they report.
import { existsSync, readFileSync } from 'node:fs';
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
