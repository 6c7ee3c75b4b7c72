// Statistics benchmark: over 10 000 agreements (brought in as existing pairs) with 50 000 activity entries in their
// histories, on the embedded database, the statistics page beside the registry page in the same run: p50, p95, p99.
// The figures are kept through the door, so a page reads memory; the door's catch-up time is reported too.
// Exits non-zero when any measured request failed (bench/support.ts).
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { compose, buildServices } from '../../src/composition-root';
import { importedRecord } from '../../src/app/registry-import';
import { loadConfig } from '../../src/config';
import { chainEntry, PROVINCES, sha256Hex, type Actor, type AgreementKind } from '../../src/domain';
import { GAZETTEER } from '../../src/domain/checks';
import type { PairRow } from '../../src/domain/registry-import';
import { listen } from '../../src/http/server';
import { createLogger } from '../../src/logger';
import { provideDatabase } from '../../src/platform/launcher';
import { findProjectRoot } from '../../src/project-root';
import { connectDatabase } from '../../src/storage/connection';
import { identityStores } from '../../src/storage/users';
import { createUserService } from '../../src/users/service';
import { BrowserClient } from '../soak/browser';
import { benchDataDir, quantile, requireAllSucceeded, type RequestTally } from '../support';

const ROOT = findProjectRoot(__dirname);
const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 10_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const moi: Actor = { userId: 'bench-moi', name: 'MOI bench', role: 'moi' };

function bar(done: number, total: number, label: string): void {
  process.stdout.write(`\r  ${label} ${done}/${total}${done === total ? '\n' : ''}`);
}

async function main(): Promise<void> {
  process.stdout.write(`Statistics benchmark on ${cpus().length} cores, Node ${process.version}\n`);
  const db = await provideDatabase({
    dataDir: benchDataDir('stats'),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    mongodbUri: process.env.MONGODB_URI,
    lock: false,
    relay: true,
    progress: (l) => process.stdout.write(`${l}\n`),
  });
  const connection = await connectDatabase({ uri: db.uri, dbName: 'bench', maxPoolSize: db.maxPoolSize });
  const services = await buildServices(connection, { readCache: true, draftingGate: false });
  const countries = GAZETTEER.countries.filter((c) => c.id !== 'thailand');
  const kinds: AgreementKind[] = ['sister', 'friendship', 'partnership'];
  const states = ['inForce', 'inForce', 'inForce', 'expired', 'terminated'] as const;
  const fileSha = sha256Hex('bench');
  const perAgreement = Math.floor(ACTIVITIES / AGREEMENTS);
  let activities = 0;
  for (let i = 0; i < AGREEMENTS; i++) {
    const province = PROVINCES[i % PROVINCES.length]!;
    const country = countries[i % countries.length]!;
    const row: PairRow = {
      row: i + 2,
      province,
      partner: { id: `bench-${i}`, name: { th: `เมืองทดสอบ ${i}`, en: `Benchtown ${i}` }, added: true },
      country,
      kind: kinds[i % kinds.length]!,
      state: states[i % states.length]!,
      signed: `${2000 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
    };
    const at = `2026-01-0${1 + (i % 9)}T03:00:00.000Z`;
    const id = sha256Hex(`bench:${i}`).replace(/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*$/, '$1-$2-5$3-8$4-$5');
    const record = importedRecord(id, row, fileSha, moi, at);
    // Each agreement's activities as its history records them (the activity documents themselves are not needed here).
    for (let n = 0; n < perAgreement; n++) {
      const activityId = `act-${i}-${n}`;
      record.history.push(
        chainEntry(id, record.history, {
          at: `${2021 + (n % 5)}-06-1${n % 10}T03:00:00.000Z`,
          actor: { userId: 'sec', name: 'secretary', role: 'secretary' },
          event: 'RECORD_ACTIVITY',
          from: row.state,
          to: row.state,
          detail: { code: 'activity', id: activityId, sha256: sha256Hex(activityId) },
        }),
      );
      activities++;
    }
    await services.repository.insert(record);
    if (i % 250 === 0 || i === AGREEMENTS - 1) bar(i + 1, AGREEMENTS, 'agreements stored');
  }
  process.stdout.write(`  ${activities} activity entries in the histories\n`);

  const started = Date.now();
  services.door.start();
  for (;;) {
    const s = await services.statistics.figures(moi, {});
    bar(s.total, AGREEMENTS, 'statistics caught up through the door');
    if (s.total === AGREEMENTS && s.activitiesByYear.reduce((n, y) => n + y.activities, 0) === activities)
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
  process.stdout.write(`  door catch-up: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'b'.repeat(40) });
  const { app } = await compose({
    config,
    connection,
    logger: createLogger('silent'),
    services,
    singleWriter: true,
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  await createUserService(identityStores(connection)).createUser({
    username: 'bench-moi',
    displayName: 'MOI bench',
    password: 'correct horse battery',
    role: 'moi',
  });
  const client = new BrowserClient(base);
  const login = await client.login('bench-moi', 'correct horse battery');
  if (login.status !== 303) throw new Error(`sign-in failed: ${login.status}`);

  const pages = {
    'GET /statistics (page)': '/statistics',
    'GET /statistics?year=2019&province=chiang-mai': '/statistics?year=2019&province=chiang-mai',
    'GET /registry (page)': '/registry',
  };
  const times = new Map<string, number[]>(Object.keys(pages).map((k) => [k, []]));
  const tallies = new Map<string, RequestTally>(
    Object.keys(pages).map((k) => [k, { name: k, sent: 0, failed: 0 }]),
  );
  // Warm up, then interleaved so both pages see the same machine.
  for (const p of Object.values(pages)) await (await client.get(p)).arrayBuffer();
  for (let n = 0; n < REQUESTS; n++) {
    for (const [name, path] of Object.entries(pages)) {
      const t0 = performance.now();
      const res = await client.get(path);
      await res.arrayBuffer();
      times.get(name)!.push(performance.now() - t0);
      const tally = tallies.get(name)!;
      tally.sent++;
      if (res.status !== 200) {
        tally.failed++;
        tally.why = `status ${res.status}`;
      }
    }
  }
  process.stdout.write(
    `\n${'page'.padEnd(50)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}\n`,
  );
  for (const [name, xs] of times) {
    const sorted = [...xs].sort((a, b) => a - b);
    const f = (q: number) => quantile(sorted, q).toFixed(1).padStart(8);
    process.stdout.write(`${name.padEnd(50)} ${f(0.5)} ${f(0.95)} ${f(0.99)}\n`);
  }
  const p95 = quantile(
    [...(times.get('GET /statistics (page)') ?? [])].sort((a, b) => a - b),
    0.95,
  );
  process.stdout.write(`\nstatistics page p95 ${p95.toFixed(1)} ms (target < 100 ms)\n`);
  requireAllSucceeded([...tallies.values()]);
  if (p95 >= 100) process.exitCode = 1;
  await new Promise<void>((r) => server.close(() => r()));
  await services.door.stop();
  await connection.close();
  await db.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
