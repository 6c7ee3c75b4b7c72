// One writer per embedded data folder: a lock file names the app and its database process.
//
// After a crash (the app killed with SIGKILL) the lock names dead app pid, but its database child can live a
// moment longer, until it notices its stdin closed. A new start waits for that child to go before it starts
// its own server on the same files: two servers writing one SQLite folder would lose updates.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderBusyError extends Error {}

export interface DataLock {
  /** Records the database server's pid in the lock, for the next start to wait on after a crash. */
  recordDatabasePid(pid: number): void;
  release(): void;
}

interface LockContent {
  app: number;
  db?: number;
}

function pidAlive(pid: number | undefined): boolean {
  if (pid === undefined || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    if (/^\d+$/.test(text)) return { app: Number(text) };
    const v = JSON.parse(text) as Partial<LockContent>;
    return typeof v.app === 'number'
      ? { app: v.app, ...(typeof v.db === 'number' ? { db: v.db } : {}) }
      : undefined;
  } catch {
    return undefined;
  }
}

export async function lockDataDir(dataDir: string, waitMs = 15_000): Promise<DataLock> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'mou-engine.lock');
  const held = existsSync(file) ? readLock(file) : undefined;
  if (held && held.app !== process.pid && pidAlive(held.app)) {
    throw new DataFolderBusyError(
      `Another MOU Engine (pid ${held.app}) is already using the data folder ${dataDir}. ` +
        'Stop it first, or set MOU_DATA_DIR to another folder.',
    );
  }
  const end = Date.now() + waitMs;
  while (held?.db !== undefined && pidAlive(held.db)) {
    if (Date.now() > end) {
      throw new DataFolderBusyError(
        `The database server of an earlier run (pid ${held.db}) is still using ${dataDir}; stop it first.`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const content: LockContent = { app: process.pid };
  writeFileSync(file, JSON.stringify(content));
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (readLock(file)?.app === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return {
    recordDatabasePid(pid) {
      content.db = pid;
      if (!released) writeFileSync(file, JSON.stringify(content));
    },
    release,
  };
}
