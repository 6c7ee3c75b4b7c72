// The app for the notifications benchmark, in its own process, wired as src/main.ts wires it: the door with the
// notifications subscriber and the outbox worker (MOU_SMTP_URL), or none of it with MOU_NOTIFICATIONS=false.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { loadConfig } from '../../src/config';
import { buildServices, compose, doorOptions } from '../../src/composition-root';
import { createLogger } from '../../src/logger';
import { connectDatabase } from '../../src/storage/connection';
import { listen } from '../../src/http/server';

async function main(): Promise<void> {
  const uri = process.env.BENCH_DB_URI ?? '';
  const dbName = process.env.BENCH_DB_NAME ?? 'bench';
  const pool = process.env.BENCH_DB_POOL ? Number(process.env.BENCH_DB_POOL) : undefined;
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    MOU_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger('silent');
  const trace = process.env.BENCH_TRACE === '1';
  const connection = await connectDatabase({
    uri,
    dbName,
    maxPoolSize: pool,
    refuseUnacknowledgedWrites: trace,
  });
  // BENCH_TRACE=1: the database commands since the last "cpu" question, by name and collection, on stderr.
  let dumpTrace = () => undefined as void;
  if (trace) {
    const started = new Map<number, { name: string; t: number }>();
    const tally = new Map<string, { n: number; ms: number }>();
    const client = connection.getClient();
    client.on('commandStarted', (e) => {
      const coll = (e.command as Record<string, unknown>)[e.commandName];
      started.set(e.requestId, {
        name: `${e.commandName} ${typeof coll === 'string' ? coll : ''}`,
        t: performance.now(),
      });
    });
    client.on('commandSucceeded', (e) => {
      const s = started.get(e.requestId);
      if (!s) return;
      started.delete(e.requestId);
      const x = tally.get(s.name) ?? { n: 0, ms: 0 };
      x.n++;
      x.ms += performance.now() - s.t;
      tally.set(s.name, x);
    });
    dumpTrace = () => {
      const rows = [...tally].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14);
      process.stderr.write(
        `TRACE ${new Date().toISOString()}\n${rows.map(([k, v]) => `  ${k.padEnd(40)} n=${v.n} ms=${v.ms.toFixed(0)} avg=${(v.ms / v.n).toFixed(1)}`).join('\n')}\n`,
      );
      tally.clear();
    };
  }
  const readCache = pool === 1;
  const services = await buildServices(connection, {
    readCache,
    door: doorOptions(config, connection, logger),
    notifications: { config, logger, baseUrl: () => 'https://mou.example.org' },
  });
  const { app } = await compose({ config, connection, logger, services, singleWriter: readCache });
  services.door.start();
  services.mailWorker?.start();
  // Measured as a running service, not as one starting: the door's leases are taken and its catch-up on the stored
  // positions done (the same in both modes) before the first step is sent.
  const settled = Date.now();
  let held = '';
  for (let since = Date.now(); Date.now() - settled < 30_000; await new Promise((r) => setTimeout(r, 100))) {
    const now = services.door.holding().join();
    if (now !== held) [held, since] = [now, Date.now()];
    else if (held !== '' && Date.now() - since >= 1_500) break;
  }
  const server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  // BENCH_PROFILE=dir: a CPU profile from one "cpu" question to the next (the round), written to dir.
  const profileDir = process.env.BENCH_PROFILE;
  const session = profileDir ? new Session() : undefined;
  session?.connect();
  let profiling = false;
  const profile = () => {
    if (!session || !profileDir) return;
    if (!profiling) {
      session.post('Profiler.enable', () => session.post('Profiler.start'));
      profiling = true;
      return;
    }
    profiling = false;
    session.post('Profiler.stop', (err, r) => {
      if (!err)
        writeFileSync(join(profileDir, `${dbName}-${Date.now()}.cpuprofile`), JSON.stringify(r.profile));
    });
  };
  // "cpu" on stdin: this process's CPU time and garbage collection so far, for the bench's account of a round.
  let gcMs = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) gcMs += e.duration;
  }).observe({ entryTypes: ['gc'] });
  process.stdin.on('data', (d: Buffer) => {
    if (!d.toString().includes('cpu')) return;
    dumpTrace();
    profile();
    const u = process.cpuUsage();
    const heapMb = process.memoryUsage().heapUsed / 1_048_576;
    process.stdout.write(`CPU ${JSON.stringify({ ms: (u.user + u.system) / 1000, gcMs, heapMb })}\n`);
  });
  process.stdin.resume();
  const stop = async () => {
    await services.door.stop();
    await services.mailWorker?.stop();
    await connection.close();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
