// Record keeping for tests: the app's issuer over in-memory stores, or over a test database's collections.
import type { Connection } from 'mongoose';
import type { RecordKeeping } from '../../src/app/agreement-service';
import { createDocumentRenderer } from '../../src/app/document-renderer';
import { createIssuer } from '../../src/app/issued-documents';
import { recordKeeping } from '../../src/composition-root';
import { createMemoryHistoryHeadStore, createMemoryIssuedFileStore } from './memory-record-stores';

export function memoryRecords() {
  const files = createMemoryIssuedFileStore();
  const heads = createMemoryHistoryHeadStore();
  return { issuer: createIssuer(createDocumentRenderer()), files, heads } satisfies RecordKeeping;
}

export function databaseRecords(conn: Connection): RecordKeeping {
  return recordKeeping(conn, createDocumentRenderer());
}
