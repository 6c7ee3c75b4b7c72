// What the door needs from the outside world: where each subscriber's positions, lease and clock cursor are kept,
// and how it reads agreements; implemented in src/storage (and by memory twins in tests).
import type { AgreementRecord, AgreementSummary } from '../app/ports';

/** How far one subscriber got in one agreement's history. */
export interface Position {
  /** The last entry handled (-1: none). */
  seq: number;
  /** The agreement's rev when every entry it then had was handled (-1: not yet). */
  rev: number;
}

export interface PositionStore {
  /** Every position of a subscriber, in one pass. */
  all(consumer: string): Promise<Map<string, Position>>;
  /** Moves a position forward only (a late writer never moves it back). */
  advance(consumer: string, agreementId: string, to: Position): Promise<void>;
}

export interface LeaseStore {
  /**
   * Takes or renews the subscriber's lease until `until` when it is free, expired at `now`, or already `holder`'s.
   * Answers whether `holder` holds it now.
   */
  acquire(consumer: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives it up (on shutdown), if `holder` has it. */
  release(consumer: string, holder: string): Promise<void>;
}

/** The time up to which a subscriber's time events were handled. */
export interface ClockCursorStore {
  get(consumer: string): Promise<string | undefined>;
  set(consumer: string, at: string): Promise<void>;
}

/** The agreements, as the door reads them. */
export interface AgreementFeed {
  /** Summaries (id, rev, state, stateSince, updatedAt…) of the agreements changed at or after `since`; all without. */
  summaries(since?: string): Promise<AgreementSummary[]>;
  get(id: string): Promise<AgreementRecord>;
}

export interface DoorStores {
  positions: PositionStore;
  leases: LeaseStore;
  cursors: ClockCursorStore;
}
