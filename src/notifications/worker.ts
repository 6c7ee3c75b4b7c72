// The outbox worker: sends waiting e-mails with retries and a growing pause, one worker at a time (a lease), and never
// twice: an e-mail is claimed (waiting → sending) before it is handed to the SMTP server, and one left "sending" by a
// worker that died is marked interrupted, not sent again (README: "Delivery that never repeats").
import type { Clock } from '../app/ports';
import type { LeaseStore } from '../events/ports';
import { repeat, type Repeating } from '../events/repeat';
import type { RenderMail } from './mail';
import { PermanentMailError, type Directory, type Mailer, type OutboxItem, type OutboxStore } from './ports';

export const MAIL_WORKER = 'mail-worker';

export interface WorkerSettings {
  /** How often the outbox is looked at (a new e-mail also wakes the worker at once). */
  pollMs: number;
  leaseMs: number;
  /** The first pause after a failed attempt; doubled each time up to maxRetryMs. Never given up on. */
  retryMs: number;
  maxRetryMs: number;
  /** E-mails looked at per round. */
  batch: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  pollMs: 15_000,
  leaseMs: 15_000,
  retryMs: 10_000,
  maxRetryMs: 3_600_000,
  batch: 50,
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
  /** Tests only: wait forever before claiming, so a fault test can kill the app between the step and the send. */
  hold?: () => Promise<void>;
}

export interface MailWorker {
  start(): void;
  stop(o?: { release?: boolean }): Promise<void>;
  /** New e-mails are waiting: look soon. */
  kick(): void;
  /** One round now (tests): holds or takes the lease, then sends what is due. */
  round(): Promise<void>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

export function createMailWorker(d: WorkerDeps): MailWorker {
  const s = d.settings;
  let holding = false;
  let loops: Repeating[] = [];
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;

  async function keepLease(): Promise<void> {
    const now = d.clock.now();
    const ok = await d.leases
      .acquire(MAIL_WORKER, d.holder, now, new Date(now.getTime() + s.leaseMs))
      .catch((e: unknown) => {
        d.onError(e, {});
        return false;
      });
    if (ok && !holding) {
      // Won: whatever another worker left "sending" may have left already; it is not sent again by itself.
      await d.outbox.interruptOthers(d.holder);
    }
    holding = ok;
  }

  async function sendOne(item: OutboxItem): Promise<'ok' | 'stop'> {
    if (d.hold) await d.hold();
    const at = d.clock.now();
    const claimed = await d.outbox.claim(item.id, d.holder, at);
    if (!claimed) return 'ok'; // another worker has it
    const person = await d.directory.person(claimed.userId);
    const want = claimed.message.kind === 'digest' ? 'daily' : 'each';
    if (!person || person.disabled || !person.email || person.notify !== want) {
      const why = !person || person.disabled ? 'skipGone' : !person.email ? 'skipNoAddress' : 'skipChoice';
      await d.outbox.finish(claimed.id, d.holder, { status: 'skipped', error: why });
      return 'ok';
    }
    try {
      await d.mailer.send(d.render({ ...person, email: person.email }, claimed));
    } catch (e) {
      if (e instanceof PermanentMailError) {
        await d.outbox.finish(claimed.id, d.holder, { status: 'failed', error: message(e) });
        return 'ok';
      }
      const pause = Math.min(s.retryMs * 2 ** claimed.attempts, s.maxRetryMs);
      const nextAt = new Date(d.clock.now().getTime() + pause).toISOString();
      await d.outbox.finish(claimed.id, d.holder, { status: 'waiting', nextAt, error: message(e) });
      // The server is down or busy: the others wait for the next round instead of failing one by one now.
      return 'stop';
    }
    await d.outbox.finish(claimed.id, d.holder, { status: 'sent', at: d.clock.now().toISOString() });
    return 'ok';
  }

  async function sendDue(): Promise<void> {
    if (!holding) return;
    const now = d.clock.now();
    if (d.onRound) await d.onRound(now);
    for (const item of await d.outbox.due(now, s.batch)) {
      if (!holding || stopped) return;
      if ((await sendOne(item)) === 'stop') return;
    }
  }

  /** One round at a time; a kick during a round asks for another right after. */
  function round(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        await keepLease();
        await sendDue();
      } finally {
        running = undefined;
      }
      if (again && !stopped) {
        again = false;
        await round();
      }
    })();
    return running;
  }

  return {
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
      const l = loops;
      loops = [];
      await Promise.all(l.map((x) => x.stop()));
      await Promise.race([running, new Promise((r) => setTimeout(r, 2_000).unref())]);
      if (holding && o.release !== false)
        await d.leases.release(MAIL_WORKER, d.holder).catch(() => undefined);
      holding = false;
    },
    kick() {
      if (stopped) return;
      setImmediate(() => void round().catch((e: unknown) => d.onError(e, {})));
    },
    round,
  };
}
