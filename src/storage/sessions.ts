// The session store: sessions live in the app's database, on the app's one connection.
import { MongoStore } from 'connect-mongo';
import type { MongoClient } from 'mongodb';
import type { Store } from 'express-session';
import type { Connection } from 'mongoose';
import { CachedSessionStore } from './session-cache';

export const SESSIONS_COLLECTION = 'sessions';

export interface SessionStoreOptions {
  /** Seconds a session lives. */
  ttlSeconds: number;
  /**
   * Remember sessions in this process (src/storage/session-cache.ts): only when it is the database's single writer
   * (the embedded database), where no other instance can sign anyone out.
   */
  inProcess?: boolean;
}

export function createSessionStore(conn: Connection, o: SessionStoreOptions): Store {
  // A read-only request re-saves its session at most once a minute (sooner for very short sessions).
  const touchAfter = Math.min(60, Math.floor(o.ttlSeconds / 4));
  const stored = MongoStore.create({
    // Share the one connection: on embedded FerretDB a second pool would lose concurrent updates.
    // (mongoose bundles its own copy of the driver; the client is the same class, the types are two copies.)
    client: conn.getClient() as unknown as MongoClient,
    dbName: conn.name,
    collectionName: SESSIONS_COLLECTION,
    ttl: o.ttlSeconds,
    // Never connect-mongo's own expiry: 'interval' is an unacknowledged (w:0) deleteMany, which shifts every
    // later answer on a FerretDB connection by one, and 'native' needs a TTL index FerretDB v1 lacks.
    // Expired sessions are removed by src/platform/session-sweep.ts; get() already ignores them.
    autoRemove: 'disabled',
    touchAfter,
    stringify: false,
  });
  return o.inProcess
    ? new CachedSessionStore(stored, { ttlSeconds: o.ttlSeconds, touchAfterSeconds: touchAfter })
    : stored;
}

/**
 * The session sweep's delete: an acknowledged deleteMany of the sessions expired before `now` (never connect-mongo's
 * own w:0 sweep; see src/platform/session-sweep.ts for why).
 */
export function expiredSessionRemover(conn: Connection): (now: Date) => Promise<number> {
  return async (now) => {
    const db = conn.db;
    if (!db) throw new Error('the database connection is not open');
    const r = await db.collection(SESSIONS_COLLECTION).deleteMany({ expires: { $lt: now } });
    return r.deletedCount;
  };
}
