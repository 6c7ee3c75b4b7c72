// Entry point of `npm start`: config → database → demo data → app → listen; prints the URL and demo logins.
import { identityStores } from './storage/users';
import { createUserService } from './users/service';
import { ConfigError, loadConfig } from './config';
import { buildServices, compose, doorOptions } from './composition-root';
import { closeServer, listen } from './http/server';
import { createLogger } from './logger';
import { seedDemoData } from './seed/demo';
import { connectDatabase } from './storage/connection';
import { expiredSessionRemover } from './storage/sessions';
import { startSessionSweep } from './platform/session-sweep';
import { DataFolderBusyError, NoDatabaseError, provideDatabase } from './platform/launcher';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  const db = await provideDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    cacheDir: config.cacheDir,
    projectRoot: config.projectRoot,
    progress: say,
  });
  const maxPoolSize = db.kind === 'external' ? config.mongodbMaxPoolSize : db.maxPoolSize;
  const connection = await connectDatabase({
    uri: db.uri,
    dbName: config.dbName,
    maxPoolSize,
    refuseUnacknowledgedWrites: db.kind === 'ferretdb' && config.env !== 'production',
  });
  say(`Database: ${db.kind === 'ferretdb' ? `embedded FerretDB (data in ${config.dataDir})` : db.kind}`);

  const readCache = config.readCache === 'auto' ? db.kind === 'ferretdb' : config.readCache;
  // Links in e-mails: MOU_PUBLIC_URL, else where this app listens (known once it does).
  let listeningAt = `http://${config.host}:${config.port}`;
  const services = await buildServices(connection, {
    readCache,
    progress: say,
    draftingGate: config.draftingGate,
    pdf: config.pdf,
    door: doorOptions(config, connection, logger),
    attachmentMaxBytes: config.attachmentMaxBytes,
    notifications: {
      config,
      logger,
      baseUrl: () => config.notifications.publicUrl ?? listeningAt,
    },
  });
  // What an upload cut off by a crash or a database outage left (chunks of no file, files never entered in a
  // history): on the embedded database this process is the only writer, so all of it; else only the old.
  const swept = await services.partnership.sweep(
    readCache ? new Date() : new Date(Date.now() - 60 * 60 * 1000),
  );
  if (swept.chunks + swept.files > 0)
    say(`Removed what interrupted uploads left: ${swept.files} files, ${swept.chunks} chunks`);
  const demo = config.seedDemo
    ? await seedDemoData(createUserService(identityStores(connection)), {
        projectRoot: config.projectRoot,
        repository: services.repository,
        records: services.records,
        drafting: services.drafting,
        imports: services.registryImports,
        progress: say,
      })
    : undefined;
  const { app } = await compose({ config, connection, logger, services, singleWriter: readCache });
  // After the demo data: the door catches up on every agreement when it wins each subscriber's lease.
  services.door.start();
  const sweep = startSessionSweep(expiredSessionRemover(connection), {
    intervalMs: config.sessions.sweepSeconds * 1000,
    onSwept: (r) => logger.info(r, 'expired sessions removed'),
    onError: (err) => logger.warn({ err }, 'session sweep failed; the next one tries again'),
  });
  const server = await listen(app, config.port, config.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  listeningAt = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  services.mailWorker?.start();

  say('');
  say(`MOU Engine is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
  if (demo?.logins.length) {
    say('Demo logins (username / password — role):');
    for (const l of demo.logins)
      say(`  ${l.username.padEnd(14)} / ${l.password.padEnd(14)} — ${l.description}`);
  }
  if (config.sessionSecretGenerated)
    say('(SESSION_SECRET not set: sessions and e-mail unsubscribe links end when the app restarts)');
  say(
    config.notifications.smtpUrl
      ? 'E-mail: notifications are sent through MOU_SMTP_URL'
      : 'E-mail: off (set MOU_SMTP_URL to e-mail notifications)',
  );
  say('Press Ctrl+C to stop.');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await closeServer(server);
    await sweep.stop();
    await services.door.stop();
    await services.mailWorker?.stop();
    await connection.close().catch(() => undefined);
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  const known = e instanceof ConfigError || e instanceof NoDatabaseError || e instanceof DataFolderBusyError;
  process.stderr.write(`\n${known ? (e as Error).message : ((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
