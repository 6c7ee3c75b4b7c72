// Provides a MongoDB-wire database: MONGODB_URI, else our embedded FerretDB, else mongodb-memory-server.
import { join } from 'node:path';
import { binaryPath, buildBinary, cachedBinary, goAvailable, type Progress } from './ferretdb-build';
import { lockDataDir } from './data-lock';
import { startFerret, type FerretProcess } from './ferretdb-process';

export type DatabaseKind = 'external' | 'ferretdb' | 'memory-server';

export interface DatabaseHandle {
  kind: DatabaseKind;
  uri: string;
  /** Connection pool size to use: 1 on embedded FerretDB (it loses concurrent updates otherwise). */
  maxPoolSize: number | undefined;
  /** Stops what we launched (nothing for an external database). */
  stop(): Promise<void>;
  /** Embedded only: stop and start again on the same port and data — for fault tests. */
  ferret?: {
    stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
    start(): Promise<void>;
    readonly pid: number;
  };
}

export interface LauncherOptions {
  mongodbUri?: string | undefined;
  dataDir: string;
  cacheDir: string;
  projectRoot: string;
  progress?: Progress;
  /** Tests: skip the data-folder lock (each test uses its own temporary folder anyway). */
  lock?: boolean;
  /** Benchmarks: `false` serves plain FerretDB without our relay for unacknowledged writes, to measure what the relay costs. */
  relay?: boolean;
}

export class NoDatabaseError extends Error {
  constructor(details: string[]) {
    super(
      [
        'MOU Engine could not get a database. Provide one of:',
        '  1. MONGODB_URI=mongodb://… pointing at MongoDB (or Atlas);',
        '  2. Go (1.22+) on PATH, so the embedded FerretDB can be built into .cache/bin (or a binary already there);',
        '  3. internet access, so mongodb-memory-server can download a MongoDB binary.',
        ...details.map((d) => `  (${d})`),
      ].join('\n'),
    );
    this.name = 'NoDatabaseError';
  }
}

export { DataFolderBusyError } from './data-lock';

export async function provideDatabase(o: LauncherOptions): Promise<DatabaseHandle> {
  const progress = o.progress ?? (() => undefined);
  if (o.mongodbUri) {
    return { kind: 'external', uri: o.mongodbUri, maxPoolSize: undefined, stop: async () => undefined };
  }
  const paths = { sourceDir: join(o.projectRoot, 'scripts', 'ferretdb'), cacheDir: o.cacheDir };
  const problems: string[] = [];
  let binary = cachedBinary(paths);
  if (!binary && goAvailable()) {
    try {
      binary = await buildBinary(paths, progress);
    } catch (e) {
      problems.push(`building FerretDB failed: ${(e as Error).message}`);
    }
  } else if (!binary) {
    problems.push(`no Go on PATH and no ${binaryPath(paths)}`);
  }
  if (binary) return startEmbedded(binary, o);
  return memoryServer(progress, problems);
}

async function startEmbedded(binary: string, o: LauncherOptions): Promise<DatabaseHandle> {
  const lock = o.lock === false ? undefined : await lockDataDir(o.dataDir);
  const release = () => lock?.release();
  let proc: FerretProcess;
  try {
    proc = await startFerret(binary, o.dataDir, 0, undefined, { relay: o.relay ?? true });
  } catch (e) {
    release();
    throw e;
  }
  lock?.recordDatabasePid(proc.pid);
  const port = proc.port;
  let current: FerretProcess | undefined = proc;
  return {
    kind: 'ferretdb',
    uri: proc.uri,
    maxPoolSize: 1,
    stop: async () => {
      await current?.stop();
      current = undefined;
      release();
    },
    ferret: {
      get pid() {
        return current?.pid ?? -1;
      },
      stop: async (signal) => {
        await current?.stop(signal);
        current = undefined;
      },
      start: async () => {
        if (current) return;
        current = await startFerret(binary, o.dataDir, port, undefined, { relay: o.relay ?? true });
        lock?.recordDatabasePid(current.pid);
      },
    },
  };
}

async function memoryServer(progress: Progress, problems: string[]): Promise<DatabaseHandle> {
  try {
    progress('No FerretDB available; trying mongodb-memory-server (downloads MongoDB on first use)…');
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await MongoMemoryServer.create();
    return {
      kind: 'memory-server',
      uri: server.getUri(),
      maxPoolSize: undefined,
      stop: async () => {
        await server.stop();
      },
    };
  } catch (e) {
    throw new NoDatabaseError([
      ...problems,
      `mongodb-memory-server failed: ${(e as Error).message.split('\n')[0]}`,
    ]);
  }
}
