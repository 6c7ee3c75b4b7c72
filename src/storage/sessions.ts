// The session store: sessions live in the app's database, on the app's one connection.
import { MongoStore } from 'connect-mongo';
import type { MongoClient } from 'mongodb';
import type { Connection } from 'mongoose';

export interface SessionStoreOptions {
  /** Seconds a session lives without use. */
  ttlSeconds: number;
}

export function createSessionStore(conn: Connection, o: SessionStoreOptions): MongoStore {
  return MongoStore.create({
    // Share the one connection: on embedded FerretDB a second pool would lose concurrent updates.
    // (mongoose bundles its own copy of the driver; the client is the same class, the types are two copies.)
    client: conn.getClient() as unknown as MongoClient,
    dbName: conn.name,
    collectionName: 'sessions',
    ttl: o.ttlSeconds,
    // FerretDB v1 has no TTL indexes, so expired sessions are removed by a timer (unref'd by connect-mongo).
    autoRemove: 'interval',
    autoRemoveInterval: 10,
    // A read-only request re-saves its session at most once a minute.
    touchAfter: 60,
    stringify: false,
  });
}
