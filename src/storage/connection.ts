// Opens the app's one mongoose connection with settings that are safe on FerretDB and on MongoDB.
import mongoose, { type Connection } from 'mongoose';

/** The app's database, as the rooms outside storage hold it: a handle they only pass back to storage's functions. */
export type Database = Connection;

export interface ConnectOptions {
  uri: string;
  dbName: string;
  /** 1 on embedded FerretDB: with more connections it silently loses concurrent updates. */
  maxPoolSize: number | undefined;
  /** How long an operation waits for an unreachable server before failing (→ HTTP 503). */
  serverSelectionTimeoutMS?: number;
  /**
   * Refuse, before it is sent, any command with write concern zero (development and tests on the embedded
   * database): FerretDB v1 answers such a write although the protocol says it must not, which shifts every
   * later answer on the connection by one. Our embedded server drops that answer; this makes the mistake loud.
   */
  refuseUnacknowledgedWrites?: boolean;
}

export class UnacknowledgedWriteError extends Error {
  constructor(readonly commandName: string) {
    super(
      `Refused an unacknowledged write (write concern zero, command "${commandName}"): the embedded FerretDB ` +
        'answers it anyway, which would give every later request the previous answer. Use an acknowledged write.',
    );
    this.name = 'UnacknowledgedWriteError';
  }
}

/** True for a command the driver would send fire-and-forget (OP_MSG moreToCome). */
export function isUnacknowledged(command: { writeConcern?: unknown }): boolean {
  const wc = command.writeConcern;
  return typeof wc === 'object' && wc !== null && (wc as { w?: unknown }).w === 0;
}

export async function connectDatabase(o: ConnectOptions): Promise<Connection> {
  const conn = mongoose.createConnection(o.uri, {
    dbName: o.dbName,
    ...(o.maxPoolSize !== undefined ? { maxPoolSize: o.maxPoolSize, minPoolSize: 0 } : {}),
    serverSelectionTimeoutMS: o.serverSelectionTimeoutMS ?? 3000,
    // Fail fast instead of queueing commands while the server is away; the HTTP layer answers 503.
    bufferCommands: false,
    autoIndex: true,
    ...(o.refuseUnacknowledgedWrites ? { monitorCommands: true } : {}),
  });
  if (o.refuseUnacknowledgedWrites) {
    // The driver emits commandStarted synchronously before it writes to the socket, and a listener's throw
    // propagates out of the operation: the command is never sent and its caller gets this error.
    conn.getClient().on('commandStarted', (e) => {
      if (isUnacknowledged(e.command)) throw new UnacknowledgedWriteError(e.commandName);
    });
  }
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
