// Gives each integration test file its own database on the shared test server, through the app's own settings.
import { randomBytes } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { connectDatabase } from '../../src/storage/connection';

export interface TestDb {
  connection: Connection;
  uri: string;
  dbName: string;
  maxPoolSize: number | undefined;
  close(): Promise<void>;
}

export function testDbSettings(): {
  uri: string;
  maxPoolSize: number | undefined;
  refuseUnacknowledgedWrites: boolean;
} {
  const uri = process.env.MOU_TEST_DB_URI;
  if (!uri)
    throw new Error('MOU_TEST_DB_URI is not set: run the tests through jest (its globalSetup starts the DB)');
  const pool = process.env.MOU_TEST_DB_POOL;
  // As in development: on the embedded database any w:0 write fails the test that sends it.
  const refuseUnacknowledgedWrites = process.env.MOU_TEST_DB_KIND === 'ferretdb';
  return { uri, maxPoolSize: pool ? Number(pool) : undefined, refuseUnacknowledgedWrites };
}

/** `onCommand`: told of every command the connection sends (command monitoring on, on any server). */
export async function openTestDb(
  prefix = 't',
  o: { onCommand?: (e: CommandStartedEvent) => void } = {},
): Promise<TestDb> {
  const { uri, maxPoolSize, refuseUnacknowledgedWrites } = testDbSettings();
  const dbName = `${prefix}_${randomBytes(6).toString('hex')}`;
  const connection = await connectDatabase({
    uri,
    dbName,
    maxPoolSize,
    // The guard against unacknowledged writes is what turns command monitoring on.
    refuseUnacknowledgedWrites: refuseUnacknowledgedWrites || o.onCommand !== undefined,
  });
  if (o.onCommand) connection.getClient().on('commandStarted', o.onCommand);
  return {
    connection,
    uri,
    dbName,
    maxPoolSize,
    close: async () => {
      try {
        await connection.dropDatabase();
      } finally {
        await connection.close();
      }
    },
  };
}
