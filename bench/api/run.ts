// API load benchmark: our routes beside bare Express and a raw-driver floor, measured in the same run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { findProjectRoot } from '../../src/project-root';
import { provideDatabase } from '../../src/platform/launcher';
import { seedBench } from './seed';

const ROOT = findProjectRoot(__dirname);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;

interface Server {
  port: number;
  child: ChildProcess;
}

function startServer(mode: string, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), mode], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m?.[1]) resolvePromise({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

function stop(s: Server): Promise<void> {
  return new Promise((r) => {
    s.child.once('exit', () => r());
    s.child.kill('SIGTERM');
  });
}

export interface Row {
  name: string;
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

async function load(name: string, opts: autocannon.Options, warm = true): Promise<Row> {
  // One second of the same load first, unrecorded: JIT, caches and connections warm up as in a running service.
  if (warm) await autocannon({ connections: CONNECTIONS, ...opts, duration: 1, amount: undefined });
  const r = await autocannon({
    connections: CONNECTIONS,
    ...(opts.amount ? {} : { duration: SECONDS }),
    ...opts,
  });
  const row: Row = {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
  process.stdout.write(
    `  ${name.padEnd(34)} ${row.rps.toFixed(0).padStart(7)} req/s  p50 ${row.p50} ms  p97.5 ${row.p97_5} ms  p99 ${row.p99} ms  errors ${row.errors}  non-2xx ${row.non2xx}\n`,
  );
  return row;
}

/** Each request takes one agreement a step (SUBMIT_TO_COMMITTEE at rev 0): every one should succeed. */
function transitions(
  name: string,
  base: string,
  auth: Record<string, string>,
  targets: string[],
): Promise<Row> {
  let next = 0;
  const amount = Math.min(targets.length, 300);
  return load(
    name,
    {
      url: base,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      // Fewer clients and a long timeout: a step writes a whole agreement, and FerretDB serialises writes.
      connections: 10,
      timeout: 120,
      amount,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/agreements/${targets[next++ % targets.length] ?? ''}/events`,
            body: JSON.stringify({ event: { type: 'SUBMIT_TO_COMMITTEE' }, expectedRev: 0 }),
          }),
        },
      ],
    },
    false,
  );
}

async function main(): Promise<void> {
  process.stdout.write(
    `API benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
  );
  const db = await provideDatabase({
    dataDir: mkdtempSync(join(tmpdir(), 'mou-bench-api-')),
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
  rows.push(
    await load('GET /api/v1/agreements/:id', {
      url: `${base}/api/v1/agreements/${seeded.sampleId}`,
      headers: auth,
    }),
  );
  rows.push(
    await load('GET /agreements/:id (page)', { url: `${base}/agreements/${seeded.sampleId}`, headers: auth }),
  );
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
  const errs = rows.reduce((a, r) => a + r.errors + r.non2xx, 0);
  process.stdout.write(`  errors and non-2xx in all runs: ${errs} (goal 0)\n`);
  for (const tr of rows.filter((r) => r.name.startsWith('POST'))) {
    process.stdout.write(
      `  ${tr.name}: ${tr.requests} sent, ${tr.requests - tr.non2xx - tr.errors} succeeded\n`,
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
