// The outbox worker: sends waiting e-mails with retries and a growing pause, one worker at a time (a lease), and never
// twice: an e-mail is claimed (waiting → sending) before it is handed to the SMTP server, and one left "sending" by a
// worker that died is marked interrupted, not sent again (README: "Delivery that never repeats").
import type { Clock } from '../app/ports';
import type { LeaseStore } from '../events/ports';
import { repeat, type Repeating } from '../events/repeat';
import type { RenderMail } from './mail';
import { PermanentMailError, type Directory, type Mailer, type OutboxStore } from './ports';

export const MAIL_WORKER = 'mail-worker';

export interface WorkerSettings {
  /**
   * How often the unfinished e-mails are looked at: after a restart, for other instances' e-mails. New e-mails and
   * retries are sent without it.
   */
  pollMs: number;
  leaseMs: number;
  /** The first pause after a failed attempt; doubled each time up to maxRetryMs. Never given up on. */
  retryMs: number;
  maxRetryMs: number;
  /** E-mails looked at per round. */
  batch: number;
  /** How long a new e-mail waits for others to join its batch. */
  kickMs: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  pollMs: 300_000,
  leaseMs: 15_000,
  retryMs: 10_000,
  maxRetryMs: 3_600_000,
  batch: 50,
  kickMs: 250,
};

export interface WorkerDeps {
  outbox: OutboxStore;
  directory: Directory;
  mailer: Mailer;
  render: RenderMail;
  leases: LeaseStore;
  clock: Clock;
  holder: string;
  settings: WorkerSettings;
  /** Work to do on each round while holding the lease (the daily digest). */
  onRound?: (now: Date) => Promise<unknown>;
  onError: (e: unknown, where: { item?: string }) => void;
  /** Waits for a quiet moment of the step path (bounded) before each batch. */
  yieldTo?: () => Promise<void>;
  /** Tests only: wait forever before claiming, so a fault test can kill the app between the step and the send. */
  hold?: () => Promise<void>;
}

export interface MailWorker {
  start(): void;
  stop(o?: { release?: boolean }): Promise<void>;
  /** These e-mails were just queued: send them soon (a burst is gathered into one batch), without a scan. */
  kick(ids: readonly string[]): void;
  /** One round now (tests): takes the lease if free, then sends what is due. */
  round(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

export function createMailWorker(d: WorkerDeps): MailWorker {
  const s = d.settings;
  let holding = false;
  let loops: Repeating[] = [];
  let lane: Promise<void> = Promise.resolve();
  let stopped = true;
  const kicked = new Set<string>();
  let kickTimer: NodeJS.Timeout | undefined;
  // E-mails that wait for the server to come back: tried again when their pause is over, without a look.
  const retries = new Set<NodeJS.Timeout>();
  function retryLater(ids: readonly string[], pause: number): void {
    const t = setTimeout(() => {
      retries.delete(t);
      api.kick(ids);
    }, pause);
    t.unref();
    retries.add(t);
  }
  // Rounds go one at a time.
  const inLane = (job: () => Promise<void>) => (lane = lane.then(job, job));

  async function keepLease(): Promise<void> {
    const now = d.clock.now();
    const ok = await d.leases
      .acquire(MAIL_WORKER, d.holder, now, new Date(now.getTime() + s.leaseMs))
      .catch((e: unknown) => {
        d.onError(e, {});
        return false;
      });
    const won = ok && !holding;
    if (won) {
      // Won: whatever another worker left "sending" may have left already; it is not sent again by itself.
      await d.outbox.interruptOthers(d.holder, now);
    }
    holding = ok;
    // And what waits from before (a restart, another instance) is looked for now, not at the next look.
    if (won) void round().catch((e: unknown) => d.onError(e, {}));
  }

  /**
   * Sends a batch one by one: each is claimed just before it goes and recorded just after, so a crash leaves at most
   * the one in the SMTP conversation unsure (interrupted), and the rest of the batch waiting.
   */
  async function sendBatch(ids: readonly string[]): Promise<void> {
    if (ids.length === 0 || !holding || stopped) return;
    if (d.hold) await d.hold();
    for (const id of ids) {
      // Before each e-mail, not once a batch: a batch found after a restart is long.
      if (d.yieldTo) await d.yieldTo();
      if (!holding || stopped) return;
      const [item] = await d.outbox.claim([id], d.holder, d.clock.now());
      if (!item) continue; // another worker has it, or it is not waiting
      const person = await d.directory.person(item.userId);
      const want = item.message.kind === 'digest' ? 'daily' : 'each';
      if (!person || person.disabled || !person.email || person.notify !== want) {
        const why = !person || person.disabled ? 'skipGone' : !person.email ? 'skipNoAddress' : 'skipChoice';
        await d.outbox.finish([item.id], d.holder, { status: 'skipped', error: why });
        continue;
      }
      try {
        await d.mailer.send(d.render({ ...person, email: person.email }, item));
      } catch (e) {
        if (e instanceof PermanentMailError) {
          await d.outbox.finish([item.id], d.holder, { status: 'failed', error: message(e) });
          continue;
        }
        // The server is down or busy: this one waits with a pause that doubles; the rest of the batch stays waiting.
        const pause = Math.min(s.retryMs * 2 ** item.attempts, s.maxRetryMs);
        const nextAt = new Date(d.clock.now().getTime() + pause).toISOString();
        await d.outbox.finish([item.id], d.holder, { status: 'waiting', nextAt, error: message(e) });
        retryLater(ids.slice(ids.indexOf(id)), pause);
        return;
      }
      await d.outbox.finish([item.id], d.holder, { status: 'sent', at: d.clock.now().toISOString() });
    }
  }

  /** The periodic round: the lease, the digest, and whatever is due (retries, other instances' e-mails). */
  function round(): Promise<void> {
    return inLane(async () => {
      if (!holding) await keepLease();
      if (!holding || stopped) return;
      // The look itself reads the outbox: it too waits for a quiet moment.
      if (d.yieldTo) await d.yieldTo();
      const now = d.clock.now();
      if (d.onRound) await d.onRound(now);
      const due = await d.outbox.due(now, s.batch);
      await sendBatch(due.map((i) => i.id));
    });
  }

  function sendKicked(): void {
    kickTimer = undefined;
    const ids = [...kicked];
    kicked.clear();
    void inLane(() => sendBatch(ids)).catch((e: unknown) => d.onError(e, {}));
  }

  const api: MailWorker = {
    start() {
      if (!stopped) return;
      stopped = false;
      const onError = (e: unknown) => d.onError(e, {});
      loops = [
        repeat(Math.max(1, Math.floor(s.leaseMs / 3)), keepLease, { immediately: true, onError }),
        repeat(s.pollMs, round, { onError }),
      ];
    },
    async stop(o = {}) {
      stopped = true;
      clearTimeout(kickTimer);
      for (const t of retries) clearTimeout(t);
      retries.clear();
      const l = loops;
      loops = [];
      await Promise.all(l.map((x) => x.stop()));
      await Promise.race([lane, new Promise((r) => setTimeout(r, 2_000).unref())]);
      d.mailer.close?.();
      if (holding && o.release !== false)
        await d.leases.release(MAIL_WORKER, d.holder).catch(() => undefined);
      holding = false;
    },
    kick(ids) {
      if (stopped) return;
      for (const id of ids) kicked.add(id);
      // A burst of steps is gathered into one batch (one claim, one "sent" write) instead of a round per step.
      kickTimer ??= setTimeout(sendKicked, s.kickMs);
      kickTimer.unref();
    },
    round,
  };
  return api;
}
