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
  const connection = await connectDatabase({ uri, dbName, maxPoolSize: pool });
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
