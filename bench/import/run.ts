// Benchmark (issue 14): importing a reviewer's annotated review copy (40 articles, 50 Word comments) — open the package
// safely, walk the body, read and place every comment — beside mammoth's conversion of the same file to HTML, in the
// same run (taking turns in blocks). Median and p99 time of each, the ratio, and the peak memory of each measured in a
// child process of its own (max RSS above a child that only loads the modules). Goal: ours faster than mammoth.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import mammoth from 'mammoth';
import { renderDocument } from '../../src/documents';
import { openWordPackage } from '../../src/documents/word-in/package';
import { readReviewImport } from '../../src/documents/word-in/review-import';
import type { AgreementContent, Article } from '../../src/domain/agreement';
import { derivedArticleKey } from '../../src/domain/article-key';
import type { Comment } from '../../src/domain/comment';
import { REVIEWER_ORGANISATIONS } from '../../src/domain/organisations';
import { fixtureStory, interleaved } from '../support';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 40);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CHILD_RUNS = Number(process.env.BENCH_CHILD_RUNS ?? 30);
const say = (s: string) => process.stdout.write(`${s}\n`);
const story = fixtureStory();

function agreementOf(n: number): AgreementContent {
  const articles: Article[] = Array.from({ length: n }, (_, i) => {
    const a = story.draft2.articles[i % story.draft2.articles.length];
    if (!a) throw new Error('fixture has no articles');
    return { ...a, no: i + 1, key: derivedArticleKey('bench-import', i) };
  });
  return { ...story.draft2, articles };
}

function commentsOn(content: AgreementContent, n: number): Comment[] {
  const texts = story.comments;
  return Array.from({ length: n }, (_, i) => {
    const a = content.articles[i % content.articles.length]!;
    const t = texts[i % texts.length]!.text;
    return {
      id: `c-${i}`,
      round: 1,
      versionNo: 1,
      author: {
        userId: 'mfa',
        name: 'MFA',
        role: 'mfa',
        organisation: REVIEWER_ORGANISATIONS.mfa,
      },
      anchor: { kind: 'article', no: a.no, key: a.key },
      text: { th: `${t.th} (${i + 1})`, en: `${t.en} (${i + 1})` },
      status: 'open',
      createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z`,
    };
  });
}

async function annotatedCopy(): Promise<{ bytes: Buffer; content: AgreementContent }> {
  const content = agreementOf(ARTICLES);
  const { buffer } = await renderDocument({
    doc: 'review',
    layout: 'parallel',
    content,
    versionNo: 1,
    comments: commentsOn(content, COMMENTS),
    meta: { date: '2026-11-30' },
  });
  return { bytes: buffer, content };
}

const jobs = (bytes: Buffer, content: AgreementContent) => ({
  ours: async () => {
    const r = await readReviewImport(await openWordPackage(bytes), { content, versionNo: 1 });
    if (r.comments.length !== COMMENTS) throw new Error(`placed ${r.comments.length} comments`);
  },
  mammoth: async () => {
    const r = await mammoth.convertToHtml({ buffer: bytes });
    if (r.value.length === 0) throw new Error('mammoth wrote nothing');
  },
});

/** In a child: run one job CHILD_RUNS times (or none) and print the process's max RSS in KiB. */
async function child(which: string): Promise<void> {
  const { bytes, content } = await annotatedCopy();
  const j = jobs(bytes, content);
  if (which === 'ours' || which === 'mammoth') for (let i = 0; i < CHILD_RUNS; i++) await j[which]();
  process.stdout.write(String(process.resourceUsage().maxRSS));
}

function peakKiB(which: string): number {
  const out = execFileSync(process.execPath, [__filename], {
    env: { ...process.env, BENCH_IMPORT_CHILD: which },
    encoding: 'utf8',
  });
  return Number(out.trim());
}

async function main(): Promise<void> {
  const { bytes, content } = await annotatedCopy();
  say(
    `node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  say(
    `review copy: ${ARTICLES} articles, ${COMMENTS} Word comments, ${(bytes.length / 1024).toFixed(0)} KiB`,
  );
  const t = await interleaved(jobs(bytes, content), 20, RUNS, 10);
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  say(
    `ours     median ${ms(t.ours.median)}  p99 ${ms(t.ours.p99)}  (${t.ours.n} runs: open, walk, place 50 comments)`,
  );
  say(
    `mammoth  median ${ms(t.mammoth.median)}  p99 ${ms(t.mammoth.p99)}  (${t.mammoth.n} runs: .docx → HTML)`,
  );
  const ratio = t.ours.median / t.mammoth.median;
  say(`ours/mammoth: median ${ratio.toFixed(2)}×, p99 ${(t.ours.p99 / t.mammoth.p99).toFixed(2)}×`);
  const base = peakKiB('none');
  const ours = peakKiB('ours') - base;
  const mam = peakKiB('mammoth') - base;
  const mb = (k: number) => `${(k / 1024).toFixed(1)} MiB`;
  say(`peak memory above a bare child (${CHILD_RUNS} imports each): ours ${mb(ours)}, mammoth ${mb(mam)}`);
  say(`GOAL ours faster than mammoth (median): ${ratio < 1 ? 'MET' : 'NOT MET'}`);
}

const which = process.env.BENCH_IMPORT_CHILD;
(which ? child(which) : main()).catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
