// Test support for the door out: memory twins of its stores, a clock the test moves, and a subscriber that keeps
// its effect keyed by event id (as real subscribers must) beside a log of every call.
import type { Clock } from '../../src/app/ports';
import type { DoorEvent, Subscriber } from '../../src/events/events';
import type { DoorStores, Position } from '../../src/events/ports';
import type { DoorSettings } from '../../src/events/door';
import { DEFAULT_DOOR_SETTINGS } from '../../src/events/door';

export function memoryDoorStores(): DoorStores & { stored: Map<string, Position> } {
  const stored = new Map<string, Position>();
  const leases = new Map<string, { holder: string; until: number }>();
  const cursors = new Map<string, string>();
  return {
    stored,
    positions: {
      async all(consumer) {
        const out = new Map<string, Position>();
        for (const [k, p] of stored)
          if (k.startsWith(`${consumer}:`)) out.set(k.slice(consumer.length + 1), p);
        return out;
      },
      async advance(consumer, id, to) {
        const k = `${consumer}:${id}`;
        const was = stored.get(k) ?? { seq: -1, rev: -1 };
        stored.set(k, { seq: Math.max(was.seq, to.seq), rev: Math.max(was.rev, to.rev) });
      },
    },
    leases: {
      async acquire(consumer, holder, now, until) {
        const l = leases.get(consumer);
        if (l && l.holder !== holder && l.until >= now.getTime()) return false;
        leases.set(consumer, { holder, until: until.getTime() });
        return true;
      },
      async release(consumer, holder) {
        if (leases.get(consumer)?.holder === holder) leases.delete(consumer);
      },
    },
    cursors: {
      get: async (consumer) => cursors.get(consumer),
      set: async (consumer, at) => void cursors.set(consumer, at),
    },
  };
}

/** A clock that stands still until the test moves it. */
export function movableClock(start: string): Clock & { move(ms: number): void; set(iso: string): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    move: (ms) => void (t += ms),
    set: (iso) => void (t = Date.parse(iso)),
  };
}

/** Short intervals, so a test sees leases, polls, ticks and retries happen many times. */
export const FAST_DOOR: Partial<DoorSettings> = {
  leaseMs: 300,
  pollMs: 40,
  overlapMs: 60_000,
  tickMs: 40,
  retryMs: 20,
  maxRetryMs: 200,
  stopWaitMs: 500,
};

export const fastSettings = (o: Partial<DoorSettings> = {}): DoorSettings => ({
  ...DEFAULT_DOOR_SETTINGS,
  ...FAST_DOOR,
  ...o,
});

/** Records every call, and an effect once per event id (what an idempotent subscriber does). */
export function recordingSubscriber(name = 'recorder') {
  const calls: DoorEvent[] = [];
  const effects = new Map<string, DoorEvent>();
  let fail: (e: DoorEvent) => boolean = () => false;
  const subscriber: Subscriber & {
    calls: DoorEvent[];
    effects: Map<string, DoorEvent>;
    failWhen(f: (e: DoorEvent) => boolean): void;
  } = {
    name,
    calls,
    effects,
    failWhen: (f) => void (fail = f),
    async handle(e) {
      calls.push(e);
      if (fail(e)) throw new Error(`subscriber refused ${e.id}`);
      if (!effects.has(e.id)) effects.set(e.id, e);
    },
  };
  return subscriber;
}

export async function until(cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the door');
    await new Promise((r) => setTimeout(r, 5));
  }
}
