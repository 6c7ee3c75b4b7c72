// `mou verify`: checks every agreement of the database — history chains, their anchors, every issued file —
// with a progress bar and a summary; exit 1 when anything does not verify.
import { SingleBar, Presets } from 'cli-progress';
import type { Database } from '../storage/connection';
import { verifyDatabase, type DatabaseVerification } from '../app/verification';
import { loadConfig } from '../config';
import { connectDatabase } from '../storage/connection';
import { createAgreementRepository } from '../storage/agreement-repository';
import { provideDatabase } from '../platform/launcher';
import { createHistoryHeadStore, createIssuedFileStore } from '../storage/record-stores';
import { besideRecords } from '../app/partnership-service';
import { createActivityStore, createAttachmentStore } from '../storage/partnership-stores';

export interface VerifyOutput {
  out: (s: string) => void;
  err: NodeJS.WritableStream;
  json: boolean;
}

/** Verifies the database behind `conn`; returns the exit code (0 all verified, 1 a problem). */
export async function verifyConnection(conn: Database, o: VerifyOutput): Promise<number> {
  const repository = createAgreementRepository(conn);
  const total = await repository.count({});
  const bar = new SingleBar(
    {
      format: 'verifying [{bar}] {value}/{total} agreements, {failed} with problems',
      stream: o.err,
      // In a log (no terminal) a line every few seconds instead of nothing.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  if (!o.json) bar.start(total, 0, { failed: 0 });
  const deps = {
    heads: createHistoryHeadStore(conn),
    files: createIssuedFileStore(conn),
    beside: besideRecords(createActivityStore(conn), createAttachmentStore(conn)),
  };
  const r = await verifyDatabase(deps, repository.scan(100), (done, failed) => {
    if (!o.json) bar.update(done, { failed });
  });
  if (!o.json) bar.stop();
  const seconds = (Date.now() - started) / 1000;
  if (o.json) o.out(`${JSON.stringify({ ...r, seconds })}\n`);
  else o.out(summary(r, seconds));
  return r.failed.length === 0 ? 0 : 1;
}

function summary(r: DatabaseVerification, seconds: number): string {
  const lines = [
    `${r.agreements} agreements, ${r.entries} history entries, ${r.documents} issued files checked in ${seconds.toFixed(1)} s`,
  ];
  if (r.failed.length === 0) lines.push('All records verify.');
  for (const f of r.failed) {
    lines.push(`✗ ${f.id}`);
    for (const p of f.problems)
      lines.push(`    ${p.kind}${p.seq !== undefined ? ` (entry ${p.seq})` : ''}: ${p.message.en}`);
  }
  if (r.failed.length) lines.push(`${r.failed.length} of ${r.agreements} agreements do not verify.`);
  return `${lines.join('\n')}\n`;
}

/** The database the app uses (MONGODB_URI, else the embedded one in MOU_DATA_DIR — which must not be running). */
export async function verifyCommand(o: VerifyOutput): Promise<number> {
  const config = loadConfig();
  const db = await provideDatabase({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    cacheDir: config.cacheDir,
    projectRoot: config.projectRoot,
    progress: (l) => o.err.write(`${l}\n`),
  });
  const maxPoolSize = db.kind === 'external' ? config.mongodbMaxPoolSize : db.maxPoolSize;
  const conn = await connectDatabase({ uri: db.uri, dbName: config.dbName, maxPoolSize });
  try {
    return await verifyConnection(conn, o);
  } finally {
    await conn.close();
    await db.stop();
  }
}
