// Benchmark (issue 24): the sample MOU (6 pages in Thai and English) rendered with the partner's Korean text beside the
// same MOU in two languages, in every layout, taking turns in blocks; median and p99 of each, and the ratio.
// Goal: three languages take at most 1.6× the time of two.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { renderDocument, type Layout } from '../../src/documents';
import { storyInput } from '../../src/documents/story';
import { storyWithPartnerText } from '../../src/domain/fixture-partner';
import { fixtureStory, interleaved } from '../support';

const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const GOAL = 1.6;
const say = (s: string) => process.stdout.write(`${s}\n`);

/** fixtures/chiang-mai-sejong-ko.json, from the sources (bench/) or from the build (dist/bench/). */
function koreanText(): unknown {
  const file = [join(__dirname, '..', '..', 'fixtures'), join(__dirname, '..', '..', '..', 'fixtures')]
    .map((dir) => join(dir, 'chiang-mai-sejong-ko.json'))
    .find((p) => existsSync(p));
  if (file === undefined) throw new Error('fixtures/chiang-mai-sejong-ko.json not found');
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function main(): Promise<void> {
  const two = fixtureStory();
  const three = storyWithPartnerText(two, koreanText());
  const meta = { date: '2026-02-01', signing: { date: '2026-03-01' } };
  say(
    `node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  let met = true;
  for (const layout of ['parallel', 'sequential', 'separate'] as const satisfies readonly Layout[]) {
    const a = storyInput(two, 'mou', layout, meta);
    const b = storyInput(three, 'mou', layout, meta);
    // Blocks of two: on a shared machine a burst of load then falls on both alike.
    const t = await interleaved(
      { two: () => renderDocument(a), three: () => renderDocument(b) },
      40,
      RUNS,
      2,
    );
    const ratio = t.three.median / t.two.median;
    met &&= ratio <= GOAL;
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    say(
      `${layout.padEnd(10)} th+en median ${ms(t.two.median)} p99 ${ms(t.two.p99)} | th+ko+en median ${ms(t.three.median)} p99 ${ms(t.three.p99)} | ${ratio.toFixed(2)}× (${t.two.n} runs each)`,
    );
  }
  say(`GOAL three languages ≤ ${GOAL}× two (median, every layout): ${met ? 'MET' : 'NOT MET'}`);
  if (!met) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
