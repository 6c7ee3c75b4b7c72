// Removes expired cookie sessions on a timer of our own (the delete itself is storage's, acknowledged).
//
// connect-mongo's own interval sweep sends its deleteMany with write concern zero (unacknowledged).
// The driver sends that as OP_MSG with moreToCome and reads no reply; FerretDB v1.24 replies anyway, so on
// our one connection every later request got the previous request's answer (people saw each other's
// identities). FerretDB has no TTL indexes either, so the sweep is ours: one acknowledged deleteMany per
// interval, never two at once, stopped (and awaited) on shutdown.

/** Removes the sessions that expired before `now` and says how many (src/storage/sessions.ts). */
export type ExpiredSessionRemover = (now: Date) => Promise<number>;

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

export function startSessionSweep(remove: ExpiredSessionRemover, o: SessionSweepOptions): SessionSweep {
  const now = o.now ?? (() => new Date());
  let runs = 0;
  let running: Promise<SweepResult> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const sweep = async (): Promise<SweepResult> => {
    const result = { run: ++runs, removed: await remove(now()) };
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
