// A job run again and again on a chain of timeouts: a slow run delays the next instead of overlapping it.

export interface Repeating {
  /** Stops the chain and waits for a run in progress. */
  stop(): Promise<void>;
}

export function repeat(
  intervalMs: number,
  job: () => Promise<void>,
  o: { immediately?: boolean; onError: (e: unknown) => void },
): Repeating {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = () => {
    running = job()
      .catch((e: unknown) => o.onError(e))
      .finally(() => {
        running = undefined;
        schedule();
      });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(run, intervalMs);
    timer.unref();
  };
  if (o.immediately) run();
  else schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
