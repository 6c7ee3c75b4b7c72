// Removes expired cookie sessions on a timer of our own, with an acknowledged delete.
//
// connect-mongo's own interval sweep sends its deleteMany with write concern zero (unacknowledged).
// The driver sends that as OP_MSG with moreToCome and reads no reply; FerretDB v1.24 replies anyway, so on
// our one connection every later request got the previous request's answer (people saw each other's
// identities). FerretDB has no TTL indexes either, so the sweep is ours: one acknowledged deleteMany per
// interval, never two at once, stopped (and awaited) on shutdown.
import type { Connection } from 'mongoose';

export const SESSIONS_COLLECTION = 'sessions';

export interface SweepResult {
  /** 1, 2, 3… in this process. */
  run: number;
  removed: number;
}

export interface SessionSweepOptions {
  intervalMs: number;
  now?: () => Date;
  /** After each sweep (the app logs it). */
  onSwept?: (r: SweepResult) => void;
  /** A sweep that failed (database away): the next one tries again. */
  onError?: (e: unknown) => void;
}

export interface SessionSweep {
  /** Sweeps now (also what the timer calls); waits for a sweep already running instead of starting another. */
  runOnce(): Promise<SweepResult>;
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
  readonly runs: number;
}

export function startSessionSweep(conn: Connection, o: SessionSweepOptions): SessionSweep {
  const now = o.now ?? (() => new Date());
  let runs = 0;
  let running: Promise<SweepResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const sweep = async (): Promise<SweepResult> => {
    const db = conn.db;
    if (!db) throw new Error('the database connection is not open');
    // Acknowledged (the driver's default write concern): the reply is read, the connection stays in step.
    const r = await db.collection(SESSIONS_COLLECTION).deleteMany({ expires: { $lt: now() } });
    const result = { run: ++runs, removed: r.deletedCount };
    o.onSwept?.(result);
    return result;
  };

  const runOnce = (): Promise<SweepResult> => {
    running ??= sweep().finally(() => (running = undefined));
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    // A chain of timeouts, not setInterval: a slow sweep delays the next instead of overlapping it.
    timer = setTimeout(() => {
      runOnce()
        .catch((e: unknown) => o.onError?.(e))
        .finally(schedule);
    }, o.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
    get runs() {
      return runs;
    },
  };
}
