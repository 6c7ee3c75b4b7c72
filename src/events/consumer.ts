// One subscriber's side of the door: holds its lease, catches up, delivers each agreement's new entries in order,
// retries a failure with a growing pause, moves the stored position only past what was handled, reads the clock.
import type { OverdueDays } from '../domain';
import type { AgreementRecord, Clock } from '../app/ports';
import { entryEvents, type Subscriber } from './events';
import type { AgreementFeed, DoorStores, Position } from './ports';
import { repeat, type Repeating } from './repeat';
import { dueTimeEvents } from './time-events';

export interface DoorSettings {
  /** How long a lease lasts unless renewed (renewed every third of it). */
  leaseMs: number;
  /** How often the leaseholder looks for entries committed by other instances. */
  pollMs: number;
  /** How far back each look reaches before the previous one (clock skew, writes in flight). */
  overlapMs: number;
  /** How often the leaseholder reads the clock for time events. */
  tickMs: number;
  /** The first pause after a subscriber failed on an agreement; doubled each time up to maxRetryMs. */
  retryMs: number;
  maxRetryMs: number;
  overdueDays: OverdueDays;
  /** How long stop() waits for a delivery in progress. */
  stopWaitMs: number;
}

export interface ConsumerDeps {
  subscriber: Subscriber;
  stores: DoorStores;
  feed: AgreementFeed;
  clock: Clock;
  /** This instance's name in the lease. */
  holder: string;
  settings: DoorSettings;
  onError: (e: unknown, where: { consumer: string; agreementId?: string }) => void;
}

export interface Consumer {
  /** A write of this process landed: deliver its new entries soon (never in this call). */
  poke(record: AgreementRecord): void;
  start(): void;
  stop(o?: { release?: boolean }): Promise<void>;
  /** Whether this instance holds the subscriber's lease now. */
  holds(): boolean;
}

const NONE: Position = { seq: -1, rev: -1 };
const newer = (a: AgreementRecord | undefined, b: AgreementRecord | undefined) =>
  a === undefined || b === undefined ? undefined : a.rev >= b.rev ? a : b;

export function createConsumer(d: ConsumerDeps): Consumer {
  const { subscriber, stores, feed, clock, holder, settings: s } = d;
  const name = subscriber.name;
  let holding = false;
  // Bumped whenever the lease is won or lost: a delivery begun under an older lease stops early.
  let generation = 0;
  let positions = new Map<string, Position>();
  // Agreements to look at, with the newest record a write handed us (undefined: read it).
  const pending = new Map<string, AgreementRecord | undefined>();
  const failing = new Map<string, { attempts: number; timer?: NodeJS.Timeout }>();
  let draining: Promise<void> | undefined;
  // Deliveries and time events go one at a time: a subscriber is never called concurrently.
  let lane: Promise<void> = Promise.resolve();
  const inLane = (job: () => Promise<void>): Promise<void> => (lane = lane.then(job, job));
  let pollFrom = 0;
  let loops: Repeating[] = [];
  let stopped = true;
  const report = (e: unknown, agreementId?: string) =>
    d.onError(e, agreementId ? { consumer: name, agreementId } : { consumer: name });

  function enqueue(id: string, record?: AgreementRecord): void {
    if (failing.get(id)?.timer) return; // its retry timer reads it afresh
    pending.set(id, pending.has(id) ? newer(pending.get(id), record) : record);
    setImmediate(drain);
  }

  function drain(): void {
    if (draining || !holding || pending.size === 0) return;
    draining = (async () => {
      while (holding && pending.size > 0) {
        const [id, record] = pending.entries().next().value as [string, AgreementRecord | undefined];
        pending.delete(id);
        const gen = generation;
        await inLane(() => deliver(id, record, gen));
      }
    })().finally(() => {
      draining = undefined;
      if (holding && pending.size > 0) setImmediate(drain);
    });
  }

  async function deliver(id: string, given: AgreementRecord | undefined, gen: number): Promise<void> {
    if (gen !== generation) return;
    const pos = positions.get(id) ?? NONE;
    if (given && given.rev <= pos.rev) return;
    let handled = pos.seq;
    let failure: unknown;
    let complete = false;
    let record: AgreementRecord | undefined;
    try {
      record = given ?? (await feed.get(id));
      if (record.rev <= pos.rev) return;
      for (const event of entryEvents(record, pos.seq)) {
        if (gen !== generation) break;
        await subscriber.handle(event);
        handled = event.entry.seq;
      }
      complete = gen === generation && handled === (record.history.at(-1)?.seq ?? -1);
    } catch (e) {
      failure = e;
    }
    const next: Position = { seq: handled, rev: complete && record ? record.rev : pos.rev };
    if (next.seq !== pos.seq || next.rev !== pos.rev) {
      try {
        await stores.positions.advance(name, id, next);
        if (gen === generation) positions.set(id, next);
      } catch (e) {
        failure ??= e; // handled again later: the subscriber's effect is keyed, so that changes nothing
      }
    }
    if (failure !== undefined) retryLater(id, failure, gen);
    else failing.delete(id);
  }

  function retryLater(id: string, e: unknown, gen: number): void {
    report(e, id);
    if (gen !== generation) return;
    const attempts = (failing.get(id)?.attempts ?? 0) + 1;
    const pause = Math.min(s.retryMs * 2 ** (attempts - 1), s.maxRetryMs);
    const timer = setTimeout(() => {
      failing.set(id, { attempts });
      enqueue(id);
    }, pause);
    timer.unref();
    failing.set(id, { attempts, timer });
  }

  /** Every agreement changed since `since` (all without) whose rev is past our position, to the queue. */
  async function look(since?: string): Promise<void> {
    for (const a of await feed.summaries(since)) if (a.rev > (positions.get(a.id) ?? NONE).rev) enqueue(a.id);
  }

  function lose(): void {
    holding = false;
    generation++;
    pending.clear();
    positions = new Map();
    for (const f of failing.values()) clearTimeout(f.timer);
    failing.clear();
  }

  async function keepLease(): Promise<void> {
    const now = clock.now();
    let ok = false;
    try {
      ok = await stores.leases.acquire(name, holder, now, new Date(now.getTime() + s.leaseMs));
    } catch (e) {
      report(e); // unsure whether we still hold it: stop delivering until a renewal says so
    }
    if (!ok || stopped) {
      if (holding) lose();
      return;
    }
    if (holding) return;
    // Won: catch up from the stored positions on every agreement, as after a crash.
    generation++;
    const stored = await stores.positions.all(name);
    if (stopped) return;
    positions = stored;
    pollFrom = clock.now().getTime();
    holding = true;
    await look();
  }

  async function poll(): Promise<void> {
    if (!holding) return;
    const started = clock.now().getTime();
    await look(new Date(pollFrom - s.overlapMs).toISOString());
    pollFrom = started;
  }

  /** Time events that fell due since the stored cursor; the cursor moves only when all were handled. */
  async function tick(): Promise<void> {
    if (!holding) return;
    const now = clock.now();
    const cursor = await stores.cursors.get(name);
    // A new subscriber starts from now: it is not told of every agreement that was ever overdue.
    if (cursor === undefined) return stores.cursors.set(name, now.toISOString());
    if (now.getTime() <= Date.parse(cursor)) return;
    const gen = generation;
    await inLane(async () => {
      const events = dueTimeEvents(
        await feed.summaries(),
        { from: new Date(cursor), to: now },
        s.overdueDays,
      );
      for (const e of events) {
        if (gen !== generation) return;
        await subscriber.handle(e);
      }
      await stores.cursors.set(name, now.toISOString());
    });
  }

  return {
    poke(record) {
      if (holding) enqueue(record.id, record);
    },
    holds: () => holding,
    start() {
      if (!stopped) return;
      stopped = false;
      const onError = (e: unknown) => report(e);
      loops = [
        repeat(Math.max(1, Math.floor(s.leaseMs / 3)), keepLease, { immediately: true, onError }),
        repeat(s.pollMs, poll, { onError }),
        repeat(s.tickMs, tick, { onError }),
      ];
    },
    async stop(o = {}) {
      const running = loops;
      loops = [];
      stopped = true;
      lose();
      // A delivery or tick in progress finishes, or is abandoned after stopWaitMs (a hung subscriber); what it had
      // not handled comes again next time.
      const settled = Promise.all([...running.map((l) => l.stop()), draining, lane.catch(() => undefined)]);
      const wait = new Promise<void>((r) => setTimeout(r, s.stopWaitMs).unref());
      await Promise.race([settled, wait]);
      if (o.release !== false) await stores.leases.release(name, holder).catch(report);
    },
  };
}
