// Notifications benchmark: the step path's throughput with notifications on (the door's subscriber, in-app
// notifications, an e-mail per step through a real SMTP server) beside the same with them off, in the same run.
// Two identical databases, rounds taken in turn (off, on, off, on…). Goal: on ≥ 0.95× off. Exits non-zero when any
// measured request failed or the goal is missed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { PROVINCES } from '../../src/domain';
import { findProjectRoot } from '../../src/project-root';
import { provideDatabase } from '../../src/platform/launcher';
import { connectDatabase } from '../../src/storage/connection';
import { POSITIONS_COLLECTION } from '../../src/storage/door-stores';
import { NOTIFICATIONS_SUBSCRIBER } from '../../src/notifications/subscriber';
import { NOTIFICATIONS_COLLECTION } from '../../src/storage/notification-stores';
import { OUTBOX_COLLECTION } from '../../src/storage/outbox-store';
import { identityStores } from '../../src/storage/users';
import { createUserService } from '../../src/users/service';
import { seedBench, type BenchSeed } from '../api/seed';
import type { Row } from '../api/load';
import { requireAllSucceeded } from '../support';
import { timedSteps } from './steps';

const ROOT = findProjectRoot(__dirname);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PER_ROUND = Number(process.env.BENCH_STEPS ?? 400);
// Each round steps agreements of its own (two are the seed's samples).
const AGREEMENTS = Math.max(Number(process.env.BENCH_AGREEMENTS ?? 1_000), ROUNDS * PER_ROUND + 2);
const say = (l: string) => process.stdout.write(`${l}\n`);

interface Server {
  port: number;
  child: ChildProcess;
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
    dataDir: mkdtempSync(join(tmpdir(), 'mou-bench-notify-')),
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
  const envOf = (mode: 'off' | 'on'): Record<string, string> => ({
    BENCH_DB_URI: db.uri,
    BENCH_DB_NAME: `bench_notify_${mode}`,
    BENCH_DB_POOL: db.maxPoolSize ? String(db.maxPoolSize) : '',
    SESSION_SECRET: 'b'.repeat(40),
    ...(mode === 'on' ? { MOU_SMTP_URL: smtpUrl } : { MOU_NOTIFICATIONS: 'false' }),
  });

  const onDb = await connectDatabase({ uri: db.uri, dbName: 'bench_notify_on', maxPoolSize: 1 });
  const count = (c: string, f: object = {}) => onDb.db!.collection(c).countDocuments(f);
  // A new subscriber reads every history from its start: let it catch up before anything is measured.
  // The seed's own steps (the two sample agreements) are recent: they tell people, and are not counted below.
  let before: { notes: number; mails: number };
  {
    const s = await startServer(envOf('on'));
    const mine = { consumer: NOTIFICATIONS_SUBSCRIBER };
    const ok = await until(async () => (await count(POSITIONS_COLLECTION, mine)) >= AGREEMENTS, 600_000);
    const queued = await count(OUTBOX_COLLECTION);
    const sent = await until(async () => received >= queued, 600_000, 100);
    say(
      `  the notifications subscriber caught up on ${await count(POSITIONS_COLLECTION, mine)} agreements: ${ok && sent}`,
    );
    await stop(s);
    before = { notes: await count(NOTIFICATIONS_COLLECTION), mails: received };
  }

  const rows: Row[] = [];
  const rps: Record<'off' | 'on', number[]> = { off: [], on: [] };
  const lag: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // off, on / on, off / …: a machine getting busier or quieter during the run favours neither.
    for (const mode of r % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const s = await startServer(envOf(mode));
      const targets = seeded[mode].transitionTargets.slice(r * PER_ROUND, (r + 1) * PER_ROUND);
      const row = await timedSteps(
        `steps, notifications ${mode}, round ${r + 1}`,
        `http://127.0.0.1:${s.port}`,
        { authorization: `Bearer ${seeded[mode].token}` },
        targets,
      );
      rows.push(row);
      rps[mode].push(row.rps);
      if (mode === 'on') {
        // Counted by the SMTP server, not by the database: a count there decodes every stored item on FerretDB, and
        // would compete with the app for it. A step's notifications are stored before its e-mails are queued.
        const want = before.mails + 2 * PER_ROUND * (r + 1);
        say(`    e-mails received while the round ran: ${received - (want - 2 * PER_ROUND)}`);
        // Notifications yield to the steps while they come: how long after the last step each of this round's
        // steps has told its two people and their e-mails have left. The next round starts after that.
        const t = Date.now();
        const drained = await until(async () => received >= want, 900_000, 100);
        // Not drained: the next "on" round would start by catching up on this one's work, and measure it too.
        if (!drained) say(`  round ${r + 1}: notifications not all delivered within 15 minutes`);
        lag.push(Date.now() - t);
      }
      await stop(s);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const ratio = mean(rps.on) / mean(rps.off);
  const notes = await count(NOTIFICATIONS_COLLECTION);
  const sent = await count(OUTBOX_COLLECTION, { status: 'sent' });
  await onDb.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  await db.stop();

  say('\nResult');
  say(
    `  steps/s with notifications off: ${mean(rps.off).toFixed(1)} (rounds: ${rps.off.map((x) => x.toFixed(1)).join(', ')})`,
  );
  say(
    `  steps/s with notifications on:  ${mean(rps.on).toFixed(1)} (rounds: ${rps.on.map((x) => x.toFixed(1)).join(', ')})`,
  );
  say(`  on / off: ${ratio.toFixed(3)} (goal ≥ 0.95)`);
  say(
    `  the steps while on: ${notes - before.notes} notifications stored, ${sent - before.mails} e-mails sent, ${received - before.mails} received by the SMTP server`,
  );
  say(
    `  every notification stored and e-mail sent ${lag.map((x) => (x / 1000).toFixed(1)).join(' s, ')} s after each "on" round's last step`,
  );
  const allOk = requireAllSucceeded(rows);
  // Two people told of each step, each once: fewer is a loss, more a repeat.
  const expected = 2 * PER_ROUND * ROUNDS;
  const told = { notes: notes - before.notes, sent: sent - before.mails, received: received - before.mails };
  if (told.notes !== expected || told.sent !== expected || told.received !== expected) {
    process.stderr.write(
      `BENCHMARK FAILED: the steps should make ${expected} notifications and e-mails; ${told.notes} stored, ${told.sent} sent, ${told.received} received\n`,
    );
    process.exitCode = 1;
  }
  if (allOk && ratio < 0.95) {
    process.stderr.write(`BENCHMARK FAILED: on / off ${ratio.toFixed(3)} < 0.95\n`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
