// The door out: every committed history entry, and every time event, reaches each subscriber at least once and in
// order per agreement, from whichever app instance holds that subscriber's lease.
import { randomUUID } from 'node:crypto';
import type { AgreementRecord, Clock } from '../app/ports';
import { createConsumer, type Consumer, type DoorSettings } from './consumer';
import type { Subscriber } from './events';
import type { AgreementFeed, DoorStores } from './ports';

export type { DoorSettings };

/** Defaults of what config does not set (src/config.ts sets lease, poll, tick and retry from the environment). */
export const DEFAULT_DOOR_SETTINGS: DoorSettings = {
  leaseMs: 15_000,
  pollMs: 5_000,
  overlapMs: 60_000,
  tickMs: 60_000,
  retryMs: 1_000,
  maxRetryMs: 300_000,
  overdueDays: { default: 30, byState: {} },
  stopWaitMs: 5_000,
};

export interface Door {
  /** Told by the record writer after each write of this process; delivery happens later, never in this call. */
  committed(record: AgreementRecord): void;
  /** Starts trying for each subscriber's lease (after the database is up). */
  start(): void;
  /** Stops delivering and gives the leases up (release: false leaves them to expire, as a crash would). */
  stop(o?: { release?: boolean }): Promise<void>;
  /** The subscribers whose lease this instance holds now. */
  holding(): string[];
}

export interface DoorDeps {
  subscribers: readonly Subscriber[];
  stores: DoorStores;
  feed: AgreementFeed;
  clock: Clock;
  settings: DoorSettings;
  /** This instance's name in the leases (default: a new random id per start of the process). */
  holder?: string;
  onError: (e: unknown, where: { consumer: string; agreementId?: string }) => void;
}

export function createDoor(d: DoorDeps): Door {
  const names = d.subscribers.map((s) => s.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw new Error(`two door subscribers are named ${twice}`);
  const holder = d.holder ?? randomUUID();
  const consumers: Consumer[] = d.subscribers.map((subscriber) =>
    createConsumer({ ...d, subscriber, holder }),
  );
  return {
    committed(record) {
      for (const c of consumers) {
        try {
          c.poke(record);
        } catch (e) {
          d.onError(e, { consumer: 'door', agreementId: record.id }); // the step has landed whatever happens here
        }
      }
    },
    start() {
      for (const c of consumers) c.start();
    },
    async stop(o) {
      await Promise.all(consumers.map((c) => c.stop(o)));
    },
    holding: () => names.filter((_, i) => consumers[i]?.holds()),
  };
}

/** The door with no subscribers: nothing to deliver, nothing started. */
export const closedDoor: Door = {
  committed: () => undefined,
  start: () => undefined,
  stop: async () => undefined,
  holding: () => [],
};
