// Notifications benchmark: the step path's throughput with notifications on (the door's subscriber, in-app
// notifications, an e-mail per step through a real SMTP server) beside the same with them off, in the same run.
// Two identical databases, rounds taken in turn (off, on, off, on…). Goal: on ≥ 0.95× off. Exits non-zero when any
// measured request failed or the goal is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { PROVINCES } from '../../src/domain';
import { findProjectRoot } from '../../src/project-root';
import { provideDatabase } from '../../src/platform/launcher';
import { connectDatabase } from '../../src/storage/connection';
import { POSITIONS_COLLECTION } from '../../src/storage/door-stores';
import { NOTIFICATIONS_SUBSCRIBER } from '../../src/notifications/subscriber';
import { STATISTICS_SUBSCRIBER } from '../../src/statistics/service';
import { NOTIFICATIONS_COLLECTION } from '../../src/storage/notification-stores';
import { OUTBOX_COLLECTION } from '../../src/storage/outbox-store';
import { identityStores } from '../../src/storage/users';
import { createUserService } from '../../src/users/service';
import { seedBench, type BenchSeed } from '../api/seed';
import type { Row } from '../api/load';
import { benchDataDir, quantile, requireAllSucceeded } from '../support';
import { timedSteps } from './steps';

const ROOT = findProjectRoot(__dirname);
// Short blocks taken in turn: the machine's speed drifts over seconds, and each block pair sees nearly the same.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 24);
const PER_ROUND = Number(process.env.BENCH_STEPS ?? 100);
// Each round steps agreements of its own (two are the seed's samples).
const AGREEMENTS = Math.max(Number(process.env.BENCH_AGREEMENTS ?? 1_000), ROUNDS * PER_ROUND + 2);
// BENCH_SAME=1: notifications off in both databases' rounds — the run's noise floor (its ratio should be ≈ 1).
const SAME = process.env.BENCH_SAME === '1';
const say = (l: string) => process.stdout.write(`${l}\n`);

interface Server {
  port: number;
  child: ChildProcess;
}

interface Cpu {
  ms: number;
  gcMs: number;
  heapMb: number;
}

/** The server's CPU time, garbage collection and heap now. */
function serverCpu(s: Server): Promise<Cpu> {
  return new Promise((resolve) => {
    let out = '';
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /CPU (\{.*\})\n/.exec(out);
      if (!m?.[1]) return;
      s.child.stdout?.off('data', read);
      resolve(JSON.parse(m[1]) as Cpu);
    };
    s.child.stdout?.on('data', read);
    s.child.stdin?.write('cpu\n');
  });
}

/** A process's CPU time so far in ms, from /proc (the embedded database's; 0 where there is none). */
function processCpuMs(pid: number | undefined): number {
  if (!pid || pid < 0) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in ticks of 1/100 s
  } catch {
    return 0;
  }
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js')], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m?.[1]) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stop(s: Server): Promise<void> {
  return new Promise((r) => {
    s.child.removeAllListeners('exit');
    s.child.once('exit', () => r());
    s.child.stdin?.end();
  });
}

async function until(cond: () => Promise<boolean>, ms: number, everyMs = 500): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return cond();
}

async function main(): Promise<void> {
  say(`Notifications benchmark on ${cpus().length} cores, Node ${process.version}`);
  say(`${AGREEMENTS} agreements per database, ${ROUNDS} rounds of ${PER_ROUND} steps each way`);
  const db = await provideDatabase({
    dataDir: benchDataDir('notify'),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    mongodbUri: process.env.MONGODB_URI,
    lock: false,
    progress: say,
  });
  // A real SMTP server that takes every message.
  let received = 0;
  const smtp = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _s, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  // Two identical databases: each steps only its own agreements, so neither round inherits the other's work.
  const seeded: Record<'off' | 'on', BenchSeed> = {
    off: await seedBench(db.uri, 'bench_notify_off', db.maxPoolSize, AGREEMENTS, 'bench-admin'),
    on: await seedBench(db.uri, 'bench_notify_on', db.maxPoolSize, AGREEMENTS, 'bench-admin'),
  };
  // Two secretaries per province, with addresses: every SUBMIT_TO_COMMITTEE lands on two people (two notifications,
  // two e-mails).
  for (const name of ['bench_notify_off', 'bench_notify_on']) {
    const conn = await connectDatabase({ uri: db.uri, dbName: name, maxPoolSize: db.maxPoolSize });
    const users = createUserService(identityStores(conn));
    for (const p of PROVINCES)
      for (const k of [1, 2])
        await users.createUser({
          username: `sec-${k}-${p.id}`.slice(0, 40),
          displayName: `Secretary ${k}`,
          role: 'secretary',
          province: p.id,
          email: `sec-${k}-${p.id}@example.org`,
          password: 'bench-password',
        });
    await conn.close();
  }
  const envOf = (mode: 'off' | 'on', notify = mode === 'on'): Record<string, string> => ({
    BENCH_DB_URI: db.uri,
    BENCH_DB_NAME: `bench_notify_${mode}`,
    BENCH_DB_POOL: db.maxPoolSize ? String(db.maxPoolSize) : '',
    SESSION_SECRET: 'b'.repeat(40),
    ...(notify ? { MOU_SMTP_URL: smtpUrl } : { MOU_NOTIFICATIONS: 'false' }),
  });

  const dbs = {
    off: await connectDatabase({ uri: db.uri, dbName: 'bench_notify_off', maxPoolSize: 1 }),
    on: await connectDatabase({ uri: db.uri, dbName: 'bench_notify_on', maxPoolSize: 1 }),
  };
  const count = (c: string, f: object = {}, mode: 'off' | 'on' = 'on') =>
    dbs[mode].db!.collection(c).countDocuments(f);
  // Both servers run for the whole benchmark, as services do; the load goes to one at a time.
  // A new subscriber reads every history from its start: both databases' subscribers catch up before anything is
  // measured (else a block would measure the catch-up, and read its agreements into the read cache for the steps).
  // The seed's own steps (the two sample agreements) are recent: they tell people, and are not counted below.
  const servers = {
    off: await startServer(envOf('off')),
    on: await startServer(envOf('on', !SAME)),
  };
  let before = { notes: 0, mails: 0 };
  for (const mode of ['off', 'on'] as const) {
    const consumers =
      mode === 'on' && !SAME ? [STATISTICS_SUBSCRIBER, NOTIFICATIONS_SUBSCRIBER] : [STATISTICS_SUBSCRIBER];
    const behind = async () => {
      const done = await Promise.all(
        consumers.map((c) => count(POSITIONS_COLLECTION, { consumer: c }, mode)),
      );
      return Math.min(...done);
    };
    const ok = await until(async () => (await behind()) >= AGREEMENTS, 600_000);
    const queued = mode === 'on' && !SAME ? await count(OUTBOX_COLLECTION) : 0;
    const sent = await until(async () => received >= queued, 600_000, 100);
    say(`  ${mode}: ${consumers.join(' and ')} caught up on ${await behind()} agreements: ${ok && sent}`);
    if (mode === 'on') before = { notes: await count(NOTIFICATIONS_COLLECTION), mails: received };
  }

  /** Waits until the statistics have this block's steps (so that no block starts by catching up on another's). */
  async function statisticsHave(mode: 'off' | 'on', targets: readonly string[]): Promise<boolean> {
    const positions = dbs[mode].db!.collection<{ _id: string; rev: number }>(POSITIONS_COLLECTION);
    let left = [...targets];
    return until(async () => {
      const still: string[] = [];
      for (const id of left) {
        const p = await positions.findOne({ _id: `${STATISTICS_SUBSCRIBER}:${id}` });
        if ((p?.rev ?? 0) < 1) still.push(id);
      }
      left = still;
      return left.length === 0;
    }, 300_000);
  }

  const rows: Row[] = [];
  const rps: Record<'off' | 'on', number[]> = { off: [], on: [] };
  const spent = { off: { ms: 0, app: 0, gc: 0, db: 0 }, on: { ms: 0, app: 0, gc: 0, db: 0 } };
  const lag: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // off, on / on, off / …: a machine getting busier or quieter during the run favours neither.
    for (const mode of r % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const s = servers[mode];
      const targets = seeded[mode].transitionTargets.slice(r * PER_ROUND, (r + 1) * PER_ROUND);
      const cpu0 = await serverCpu(s);
      const db0 = processCpuMs(db.ferret?.pid);
      const row = await timedSteps(
        `steps, notifications ${mode === 'on' && !SAME ? 'on' : 'off'}, block ${r + 1}`,
        `http://127.0.0.1:${s.port}`,
        { authorization: `Bearer ${seeded[mode].token}` },
        targets,
        { quiet: true },
      );
      const cpu = await serverCpu(s);
      rows.push(row);
      rps[mode].push(row.rps);
      const t = spent[mode];
      t.ms += row.ms;
      t.app += cpu.ms - cpu0.ms;
      t.gc += cpu.gcMs - cpu0.gcMs;
      t.db += processCpuMs(db.ferret?.pid) - db0;
      if (mode === 'on' && !SAME) {
        // Counted by the SMTP server, not by the database: a count there decodes every stored item on FerretDB, and
        // would compete with the app for it. A step's notifications are stored before its e-mails are queued.
        // Notifications yield to the steps while they come: how long after the last step each of this block's
        // steps has told its two people and their e-mails have left. The next block starts after that.
        const want = before.mails + 2 * PER_ROUND * (r + 1);
        const t0 = Date.now();
        const drained = await until(async () => received >= want, 900_000, 50);
        // Not drained: the next block would start by catching up on this one's work, and measure it too.
        if (!drained) say(`  block ${r + 1}: notifications not all delivered within 15 minutes`);
        lag.push(Date.now() - t0);
      }
      if (!(await statisticsHave(mode, targets)))
        say(`  block ${r + 1} (${mode}): the statistics did not catch up within 5 minutes`);
    }
    say(
      `  block ${String(r + 1).padStart(2)}: ${PER_ROUND} steps each, off ${rps.off[r]?.toFixed(1)} steps/s, on ${rps.on[r]?.toFixed(1)} steps/s`,
    );
  }
  await Promise.all([stop(servers.off), stop(servers.on)]);
  for (const mode of ['off', 'on'] as const) {
    const t = spent[mode];
    const n = PER_ROUND * ROUNDS;
    say(
      `  ${mode}: ${n} steps in ${(t.ms / 1000).toFixed(1)} s; CPU per step: app ${(t.app / n).toFixed(1)} ms (of it garbage collection ${(t.gc / n).toFixed(1)} ms), database ${(t.db / n).toFixed(1)} ms`,
    );
  }
  // Steps over the time they took, in all blocks of a mode.
  const rate = (mode: 'off' | 'on') => (PER_ROUND * ROUNDS * 1000) / spent[mode].ms;
  const ratio = rate('on') / rate('off');
  const notes = await count(NOTIFICATIONS_COLLECTION);
  const sent = await count(OUTBOX_COLLECTION, { status: 'sent' });
  await Promise.all([dbs.off.close(), dbs.on.close()]);
  await new Promise<void>((r) => smtp.close(() => r()));
  await db.stop();

  say('\nResult');
  const p50 = (xs: number[]) => quantile(xs, 0.5).toFixed(1);
  say(`  steps/s with notifications off: ${rate('off').toFixed(1)} (block median ${p50(rps.off)})`);
  say(
    `  steps/s with notifications ${SAME ? 'off (the second database):' : 'on: '} ${rate('on').toFixed(1)} (block median ${p50(rps.on)})`,
  );
  say(`  on / off: ${ratio.toFixed(3)} (goal ≥ 0.95)`);
  // Each round's two blocks were taken one after the other: their ratios show how much of the difference is noise.
  const pairs = rps.on.map((on, i) => on / (rps.off[i] ?? NaN));
  const sorted = [...pairs].sort((a, b) => a - b);
  say(
    `  on / off block by block: median ${quantile(pairs, 0.5).toFixed(3)}, middle half ${quantile(sorted, 0.25).toFixed(2)}–${quantile(sorted, 0.75).toFixed(2)}, all ${sorted[0]?.toFixed(2)}–${sorted.at(-1)?.toFixed(2)}`,
  );
  if (!SAME)
    say(
      `  the steps while on: ${notes - before.notes} notifications stored, ${sent - before.mails} e-mails sent, ${received - before.mails} received by the SMTP server`,
    );
  if (!SAME)
    say(
      `  every notification stored and e-mail sent ${(quantile(lag, 0.5) / 1000).toFixed(1)} s after each "on" block's last step (median)`,
    );
  const allOk = requireAllSucceeded(rows);
  // Two people told of each step, each once: fewer is a loss, more a repeat.
  const expected = 2 * PER_ROUND * ROUNDS;
  const told = { notes: notes - before.notes, sent: sent - before.mails, received: received - before.mails };
  if (!SAME && (told.notes !== expected || told.sent !== expected || told.received !== expected)) {
    process.stderr.write(
      `BENCHMARK FAILED: the steps should make ${expected} notifications and e-mails; ${told.notes} stored, ${told.sent} sent, ${told.received} received\n`,
    );
    process.exitCode = 1;
  }
  if (allOk && ratio < 0.95 && !SAME) {
    process.stderr.write(`BENCHMARK FAILED: on / off ${ratio.toFixed(3)} < 0.95\n`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
