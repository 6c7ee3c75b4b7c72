// API load benchmark: our routes beside bare Express and a raw-driver floor, and the agreement and review pages beside
// the JSON read of the same agreement, measured in the same run. Exits non-zero when any measured request failed.
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '../../src/project-root';
import { provideDatabase } from '../../src/platform/launcher';
import { benchDataDir, requireAllSucceeded } from '../support';
import { CONNECTIONS, load, SECONDS, signIn, startServer, stop, transitions, type Row } from './load';
import { seedBench } from './seed';

const ROOT = findProjectRoot(__dirname);
const PAGE = 'GET /agreements/:id (page)';
const REVIEW = 'GET /agreements/:id/review (page)';

async function main(): Promise<void> {
  process.stdout.write(
    `API benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
  );
  const db = await provideDatabase({
    dataDir: benchDataDir('api'),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    mongodbUri: process.env.MONGODB_URI,
    lock: false,
    // BENCH_RELAY=false: plain FerretDB, to compare the cost of the relay that drops w:0 replies.
    relay: process.env.BENCH_RELAY !== 'false',
    progress: (l) => process.stdout.write(`${l}\n`),
  });
  const dbName = 'bench';
  const env = {
    BENCH_DB_URI: db.uri,
    BENCH_DB_NAME: dbName,
    BENCH_DB_POOL: db.maxPoolSize ? String(db.maxPoolSize) : '',
  };
  const seeded = await seedBench(
    db.uri,
    dbName,
    db.maxPoolSize,
    Number(process.env.BENCH_AGREEMENTS ?? 10_000),
  );
  const auth = { authorization: `Bearer ${seeded.token}` };

  const rows: Row[] = [];
  const hello = await startServer('hello', env);
  rows.push(await load('bare express hello-world', { url: `http://127.0.0.1:${hello.port}/hello` }));
  await stop(hello);

  const floor = await startServer('floor', env);
  rows.push(
    await load('floor: express + raw driver read', {
      url: `http://127.0.0.1:${floor.port}/agreements/${seeded.sampleId}`,
    }),
  );
  await stop(floor);

  // The same read without the single-writer cache: what every request costs when it goes to the database.
  const uncached = await startServer('app', { ...env, BENCH_READ_CACHE: 'false' });
  rows.push(
    await load('GET /api/v1/agreements/:id, no cache', {
      url: `http://127.0.0.1:${uncached.port}/api/v1/agreements/${seeded.sampleId}`,
      headers: auth,
    }),
  );
  await stop(uncached);

  const app = await startServer('app', env);
  const base = `http://127.0.0.1:${app.port}`;
  const sample = `${base}/api/v1/agreements/${seeded.sampleId}`;
  rows.push(await load('GET /api/v1/agreements/:id', { url: sample, headers: auth }));
  // The pages as a signed-in person asks for them: a session cookie (its session read from the database on every
  // request), beside the JSON read of the same agreement with the same cookie.
  const cookie = { cookie: await signIn(base, seeded.login) };
  const page = `${base}/agreements/${seeded.sampleId}`;
  rows.push(await load('GET /api/v1/agreements/:id (cookie)', { url: sample, headers: cookie }));
  rows.push(await load(PAGE, { url: page, headers: cookie }));
  rows.push(await load(REVIEW, { url: `${page}/review`, headers: cookie }));
  // As one person sees them: one connection, one request after another.
  for (const [name, url] of [
    ['JSON read (cookie), 1 connection', sample],
    ['agreement page, 1 connection', page],
    ['review page, 1 connection', `${page}/review`],
  ] as const)
    rows.push(await load(name, { url, headers: cookie, connections: 1, amount: 200 }));
  rows.push(
    await load('GET .docx (generated on demand)', {
      url: `${base}/api/v1/agreements/${seeded.sampleId}/versions/1/documents/mou?layout=parallel`,
      headers: auth,
    }),
  );
  rows.push(
    await load('registry first page (10k)', { url: `${base}/api/v1/agreements?limit=20`, headers: auth }),
  );
  rows.push(
    await load('registry filtered search (10k)', {
      url: `${base}/api/v1/agreements?province=${seeded.filter.province}&state=drafting&limit=20`,
      headers: auth,
    }),
  );
  // Latency as one user sees it: one connection, one request after another.
  for (const [name, path] of [
    ['registry first page, 1 connection', '/api/v1/agreements?limit=20'],
    [
      'registry filtered, 1 connection',
      `/api/v1/agreements?province=${seeded.filter.province}&state=drafting&limit=20`,
    ],
  ] as const) {
    rows.push(await load(name, { url: `${base}${path}`, headers: auth, connections: 1, amount: 500 }, false));
  }
  rows.push(await transitions('POST transitions, 10 000 agreements', base, auth, seeded.transitionTargets));
  await stop(app);

  // FerretDB v1's SQLite backend scans the whole collection on every update (see README), so the same
  // transitions are also measured at the size of a national registry.
  const small = await seedBench(db.uri, 'bench_small', db.maxPoolSize, 500, 'bench-small-admin');
  const smallApp = await startServer('app', { ...env, BENCH_DB_NAME: 'bench_small' });
  rows.push(
    await transitions(
      'POST transitions, 500 agreements',
      `http://127.0.0.1:${smallApp.port}`,
      { authorization: `Bearer ${small.token}` },
      small.transitionTargets,
    ),
  );
  await stop(smallApp);
  await db.stop();

  const by = (n: string) => rows.find((r) => r.name === n);
  const read = by('GET /api/v1/agreements/:id');
  const fl = by('floor: express + raw driver read');
  const he = by('bare express hello-world');
  const docx = by('GET .docx (generated on demand)');
  process.stdout.write('\nRatios and goals\n');
  if (read && fl && he) {
    process.stdout.write(`  JSON read / floor throughput: ${(read.rps / fl.rps).toFixed(2)} (goal ≥ 0.70)\n`);
    const nc = by('GET /api/v1/agreements/:id, no cache');
    if (nc)
      process.stdout.write(`  JSON read without the read cache / floor: ${(nc.rps / fl.rps).toFixed(2)}\n`);
    process.stdout.write(`  JSON read / hello-world throughput: ${(read.rps / he.rps).toFixed(2)}\n`);
  }
  if (docx) process.stdout.write(`  .docx download p99: ${docx.p99} ms (goal < 50 ms)\n`);
  for (const n of [
    'registry first page, 1 connection',
    'registry filtered, 1 connection',
    'registry first page (10k)',
    'registry filtered search (10k)',
  ]) {
    const r = by(n);
    if (r) process.stdout.write(`  ${n} p97.5 (≥ p95): ${r.p97_5} ms (goal p95 < 50 ms)\n`);
  }
  const ratios = (page: string, json: string, goal: string) => {
    const [p, j] = [by(page), by(json)];
    if (p && j)
      process.stdout.write(
        `  ${page} / ${json}: ${(j.rps / p.rps).toFixed(2)}× the time by throughput, ${(p.p50 / j.p50).toFixed(2)}× by p50 (${p.p50} / ${j.p50} ms), p99 ${p.p99} ms${goal}\n`,
      );
  };
  const json = 'GET /api/v1/agreements/:id (cookie)';
  ratios(PAGE, json, ' (goals ≤ 3×, p99 < 250 ms)');
  ratios(REVIEW, json, ' (goals ≤ 3×, p99 < 250 ms)');
  ratios('agreement page, 1 connection', 'JSON read (cookie), 1 connection', '');
  ratios('review page, 1 connection', 'JSON read (cookie), 1 connection', '');
  for (const tr of rows.filter((r) => r.name.startsWith('POST')))
    process.stdout.write(`  ${tr.name}: ${tr.sent} sent, ${tr.sent - tr.failed} succeeded\n`);
  requireAllSucceeded(rows);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
