// Starts one embedded FerretDB for the whole jest run (unless MONGODB_URI is set); workers inherit its URI.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '../../src/project-root';
import { provideDatabase, type DatabaseHandle } from '../../src/platform/launcher';

declare global {
  var __MOU_TEST_DB__: DatabaseHandle | undefined;
}

export default async function globalSetup(): Promise<void> {
  const root = findProjectRoot(__dirname);
  const handle = await provideDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dataDir: mkdtempSync(join(tmpdir(), 'mou-test-db-')),
    cacheDir: join(root, '.cache'),
    projectRoot: root,
    lock: false,
    progress: (l) => process.stderr.write(`${l}\n`),
  });
  globalThis.__MOU_TEST_DB__ = handle;
  process.env.MOU_TEST_DB_URI = handle.uri;
  process.env.MOU_TEST_DB_KIND = handle.kind;
  process.env.MOU_TEST_DB_POOL = handle.maxPoolSize === undefined ? '' : String(handle.maxPoolSize);
}
