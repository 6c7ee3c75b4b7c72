// Opens the app's one mongoose connection with settings that are safe on FerretDB and on MongoDB.
import mongoose, { type Connection } from 'mongoose';

export interface ConnectOptions {
  uri: string;
  dbName: string;
  /** 1 on embedded FerretDB: with more connections it silently loses concurrent updates. */
  maxPoolSize: number | undefined;
  /** How long an operation waits for an unreachable server before failing (→ HTTP 503). */
  serverSelectionTimeoutMS?: number;
}

export async function connectDatabase(o: ConnectOptions): Promise<Connection> {
  const conn = mongoose.createConnection(o.uri, {
    dbName: o.dbName,
    ...(o.maxPoolSize !== undefined ? { maxPoolSize: o.maxPoolSize, minPoolSize: 0 } : {}),
    serverSelectionTimeoutMS: o.serverSelectionTimeoutMS ?? 3000,
    // Fail fast instead of queueing commands while the server is away; the HTTP layer answers 503.
    bufferCommands: false,
    autoIndex: true,
  });
  await conn.asPromise();
  return conn;
}

/** True when the server answers a ping within the timeout. */
export async function pingDatabase(conn: Connection, timeoutMs = 2000): Promise<boolean> {
  const db = conn.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('ping timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
