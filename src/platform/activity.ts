// How busy the app is with changes people wait for (steps, edits, comments): background work (notifications, e-mail)
// asks for a quiet moment first, so it never competes with them for the one database connection — but waits at most
// a bounded time, so it is late under a long burst, never starved.

export interface Activity {
  /** A change request began; call the answer when it has been answered. */
  enter(): () => void;
  /** Resolves when no change has been in flight for a moment, or after maxWaitMs whatever happens. */
  quiet(maxWaitMs: number): Promise<void>;
  inFlight(): number;
}

export function createActivity(o: { quietMs?: number; stepMs?: number } = {}): Activity {
  const quietMs = o.quietMs ?? 30;
  const stepMs = o.stepMs ?? 10;
  let inFlight = 0;
  let lastLeft = 0;
  const busy = () => inFlight > 0 || Date.now() - lastLeft < quietMs;
  return {
    enter() {
      inFlight++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        inFlight--;
        lastLeft = Date.now();
      };
    },
    async quiet(maxWaitMs) {
      const end = Date.now() + maxWaitMs;
      while (busy() && Date.now() < end) await new Promise((r) => setTimeout(r, stepMs).unref());
    },
    inFlight: () => inFlight,
  };
}
