// Benchmark (issue 16): the pre-review checks of a 40-article agreement beside the .docx render of the same agreement,
// in the same process and run (the two take turns in blocks, so a busy neighbour slows both alike); median and p99 of
// each, and the ratio. Goal: checks take no longer than the render, so they can run on every save.
import { loadavg } from 'node:os';
import type { AgreementContent, Article } from '../../src/domain/agreement';
import { derivedArticleKey } from '../../src/domain/article-key';
import { checkContent, countBySeverity, RULES } from '../../src/domain/checks';
import { fixtureStory, interleaved } from '../support';
import { renderDocument } from '../../src/documents';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 400);
const say = (s: string) => process.stdout.write(`${s}\n`);

const story = fixtureStory();

/** Draft 2's articles repeated to `n` (each with a key of its own), with draft 1's flaws in every fifth one. */
function agreementOf(n: number): AgreementContent {
  const articles: Article[] = Array.from({ length: n }, (_, i) => {
    const from = i % 5 === 4 ? story.draft1.articles : story.draft2.articles;
    const a = from[i % from.length] ?? story.draft2.articles[0];
    if (!a) throw new Error('fixture has no articles');
    return { ...a, no: i + 1, key: derivedArticleKey('bench-checks', i) };
  });
  return { ...story.draft2, articles };
}

async function main(): Promise<void> {
  const content = agreementOf(ARTICLES);
  const input = {
    doc: 'mou',
    layout: 'parallel',
    content,
    versionNo: 2,
    meta: { date: '2022-05-20' },
  } as const;
  const counts = countBySeverity(checkContent(content));
  say(
    `node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  say(
    `${ARTICLES} articles, ${RULES.length} rules; findings: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
  );
  const t = await interleaved(
    { checks: () => checkContent(content), render: () => renderDocument(input) },
    40,
    RUNS,
  );
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  say(`checks  median ${ms(t.checks.median)}  p99 ${ms(t.checks.p99)}  (${t.checks.n} runs)`);
  say(
    `render  median ${ms(t.render.median)}  p99 ${ms(t.render.p99)}  (${t.render.n} runs, .docx of the same agreement)`,
  );
  const ratio = t.checks.median / t.render.median;
  const ratio99 = t.checks.p99 / t.render.p99;
  say(`checks/render: median ${ratio.toFixed(2)}×, p99 ${ratio99.toFixed(2)}×`);
  say(`GOAL checks ≤ render (median): ${ratio <= 1 ? 'MET' : 'NOT MET'}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
