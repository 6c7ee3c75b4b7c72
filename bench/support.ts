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
