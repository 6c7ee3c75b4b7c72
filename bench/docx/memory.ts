// Memory of one contender at one size, in a process of its own. Two modes:
//   heap — JS heap plus buffers allocated by one render, garbage included: an upper bound of its peak. run.ts starts
//          it with --expose-gc and a young generation large enough that no garbage collection runs during a render.
//   rss  — the process's peak resident memory after 20 renders, with node's default settings. Every process sets up
//          all three contenders the same way, so the differences between contenders are theirs.
import { CONTENDERS, jobsFor, type Contender } from './contenders';

function isContender(s: string | undefined): s is Contender {
  return (CONTENDERS as readonly string[]).includes(s ?? '');
}

async function main(): Promise<void> {
  const [mode, who, pagesArg] = process.argv.slice(2);
  const pages = Number(pagesArg);
  if ((mode !== 'heap' && mode !== 'rss') || !isContender(who) || !Number.isInteger(pages)) {
    throw new Error('usage: memory.js heap|rss ours|docxtemplater|floor <pages>');
  }
  const job = (await jobsFor(pages)).jobs[who];
  if (mode === 'rss') {
    for (let i = 0; i < 20; i++) await job();
    process.stdout.write(JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
    return;
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  for (let i = 0; i < 5; i++) await job();
  gc();
  gc();
  // Let concurrent sweeping finish, or the heap shrinks while the render runs and the difference comes out negative.
  await new Promise((r) => setTimeout(r, 200));
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const before = used();
  const keep = await job();
  const heap = used() - before;
  process.stdout.write(JSON.stringify({ heapMb: heap / 2 ** 20, bytes: keep.length }) + '\n');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
