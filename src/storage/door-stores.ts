// The door's records in their own collections: each subscriber's position per agreement, its lease and its clock
// cursor (src/events/ports.ts); and the probe's two collections for the fault tests (src/events/probe.ts).
import type { Connection } from 'mongoose';
import type { ClockCursorStore, DoorStores, LeaseStore, Position, PositionStore } from '../events/ports';
import type { ProbeStore } from '../events/probe';
import { collection } from './collections';
import { isDuplicateKeyError } from './errors';

export const POSITIONS_COLLECTION = 'door_positions';
export const LEASES_COLLECTION = 'door_leases';
export const CURSORS_COLLECTION = 'door_clock';

interface PositionDoc {
  _id: string;
  consumer: string;
  agreementId: string;
  seq: number;
  rev: number;
}
interface LeaseDoc {
  _id: string;
  holder: string;
  until: Date;
}
interface CursorDoc {
  _id: string;
  at: string;
}

export function createPositionStore(conn: Connection): PositionStore {
  const positions = () => collection<PositionDoc>(conn, POSITIONS_COLLECTION);
  return {
    async all(consumer) {
      const out = new Map<string, Position>();
      // One pass; FerretDB decodes every document for this filter anyway, and the documents are small.
      for await (const d of positions().find({ consumer }))
        out.set(d.agreementId, { seq: d.seq, rev: d.rev });
      return out;
    },
    async advance(consumer, agreementId, to) {
      // $max: two writers (a lease that changed hands mid-delivery) can only move it forward; by _id alone, the one
      // filter FerretDB answers from its index.
      await positions().updateOne(
        { _id: `${consumer}:${agreementId}` },
        { $max: { seq: to.seq, rev: to.rev }, $set: { consumer, agreementId } },
        { upsert: true },
      );
    },
  };
}

export function createLeaseStore(conn: Connection): LeaseStore {
  const leases = () => collection<LeaseDoc>(conn, LEASES_COLLECTION);
  return {
    async acquire(consumer, holder, now, until) {
      try {
        const d = await leases().findOneAndUpdate(
          { _id: consumer, $or: [{ until: { $lt: now } }, { holder }] },
          { $set: { holder, until } },
          { upsert: true, returnDocument: 'after' },
        );
        return d?.holder === holder;
      } catch (e) {
        // Held by another: the filter missed, and the upsert met the existing _id.
        if (isDuplicateKeyError(e)) return false;
        throw e;
      }
    },
    async release(consumer, holder) {
      await leases().deleteOne({ _id: consumer, holder });
    },
  };
}

export function createClockCursorStore(conn: Connection): ClockCursorStore {
  const cursors = () => collection<CursorDoc>(conn, CURSORS_COLLECTION);
  return {
    async get(consumer) {
      return (await cursors().findOne({ _id: consumer }))?.at;
    },
    async set(consumer, at) {
      await cursors().updateOne({ _id: consumer }, { $set: { at } }, { upsert: true });
    },
  };
}

export function createDoorStores(conn: Connection): DoorStores {
  return {
    positions: createPositionStore(conn),
    leases: createLeaseStore(conn),
    cursors: createClockCursorStore(conn),
  };
}

/** The probe's effect (one record per event id, unique) and every attempt (one record each), for the fault tests. */
export function createProbeStore(conn: Connection, name: string): ProbeStore {
  return {
    async attempted(eventId, at) {
      await collection(conn, `${name}_attempts`).insertOne({ eventId, at, pid: process.pid });
    },
    async effect(eventId, at) {
      try {
        await collection<{ _id: string; at: string }>(conn, name).insertOne({ _id: eventId, at });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
      }
    },
  };
}
