// The app for the notifications benchmark, in its own process, wired as src/main.ts wires it: the door with the
// notifications subscriber and the outbox worker (MOU_SMTP_URL), or none of it with MOU_NOTIFICATIONS=false.
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
    setInterval(() => {
      const rows = [...tally].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
      process.stderr.write(
        `TRACE ${new Date().toISOString()}\n${rows.map(([k, v]) => `  ${k.padEnd(40)} n=${v.n} ms=${v.ms.toFixed(0)} avg=${(v.ms / v.n).toFixed(1)}`).join('\n')}\n`,
      );
      tally.clear();
    }, 5000).unref();
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
  const server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
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
