// One server for the API benchmark, in its own process: bare hello-world, the raw-driver floor, or our app.
import express from 'express';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../../src/config';
import { buildServices, compose } from '../../src/composition-root';
import { createLogger } from '../../src/logger';
import { connectDatabase } from '../../src/storage/connection';
import { listen } from '../../src/http/server';

type Mode = 'hello' | 'floor' | 'app';

async function main(): Promise<void> {
  const mode = process.argv[2] as Mode;
  const uri = process.env.BENCH_DB_URI ?? '';
  const dbName = process.env.BENCH_DB_NAME ?? 'bench';
  const pool = process.env.BENCH_DB_POOL ? Number(process.env.BENCH_DB_POOL) : undefined;
  let app: express.Express;
  switch (mode) {
    case 'hello':
      app = express();
      app.get('/hello', (_req, res) => {
        res.json({ hello: 'world' });
      });
      break;
    case 'floor': {
      // The same read as GET /api/v1/agreements/:id, with nothing but the driver and express.
      const client = await MongoClient.connect(uri, pool ? { maxPoolSize: pool } : {});
      const col = client.db(dbName).collection<{ _id: string }>('agreements');
      app = express();
      app.get('/agreements/:id', async (req, res) => {
        const doc = await col.findOne({ _id: req.params.id });
        if (!doc) res.status(404).json({ error: 'not found' });
        else res.json(doc);
      });
      break;
    }
    case 'app': {
      const config = loadConfig({
        ...process.env,
        NODE_ENV: 'test',
        MOU_SEED_DEMO: 'false',
        LOG_LEVEL: 'silent',
      });
      const connection = await connectDatabase({ uri, dbName, maxPoolSize: pool });
      // As src/main.ts does: reads are cached when this process is the embedded database's single writer.
      const readCache = pool === 1 && process.env.BENCH_READ_CACHE !== 'false';
      const services = await buildServices(connection, { readCache });
      app = (
        await compose({
          config,
          connection,
          logger: createLogger('silent'),
          services,
          singleWriter: readCache,
        })
      ).app;
      break;
    }
    default:
      throw new Error(`unknown mode ${String(mode)}`);
  }
  const server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
