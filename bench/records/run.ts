// Record-keeping benchmark on the embedded database: how long `mou verify` takes over N agreements (beside a
// plain read of the same agreements, measured in the same run), one agreement's check, and the storage that
// issued files take per agreement.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDataDir } from '../support';
import { verifyAgreement, verifyDatabase } from '../../src/app/verification';
import type { AgreementRecord } from '../../src/app/ports';
import { buildServices } from '../../src/composition-root';
import { storyFromFixture, type Actor } from '../../src/domain';
import type { AgreementEvent } from '../../workflows';
import { findProjectRoot } from '../../src/project-root';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { connectDatabase } from '../../src/storage/connection';
import { provideDatabase } from '../../src/platform/launcher';
import { ISSUED_COLLECTION } from '../../src/storage/record-stores';

const ROOT = findProjectRoot(__dirname);
const N = Number(process.env.BENCH_AGREEMENTS ?? 10_000);
const SIGNED = Number(process.env.BENCH_SIGNED ?? 100);
const say = (s: string) => process.stdout.write(`${s}\n`);

const admin: Actor = { userId: 'bench-admin', name: 'Bench', role: 'admin' };
const signing = {
  date: '2022-11-18',
  place: { th: 'นครเชียงใหม่', en: 'Chiang Mai' },
  signatories: {
    thai: {
      name: { th: 'นายก', en: 'Mr A' },
      title: { th: 'ผู้ว่าราชการจังหวัดเชียงใหม่', en: 'Governor' },
      capacity: 'principal',
    },
    partner: {
      name: { th: 'นายข', en: 'Mr B' },
      title: { th: 'นายกเทศมนตรี', en: 'Mayor' },
      capacity: 'principal',
    },
  },
} as const;

async function main(): Promise<void> {
  const db = await provideDatabase({
    dataDir: benchDataDir('records'),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    mongodbUri: process.env.MONGODB_URI,
    lock: false,
    progress: say,
  });
  const conn = await connectDatabase({ uri: db.uri, dbName: 'bench_records', maxPoolSize: db.maxPoolSize });
  const { agreements, records } = await buildServices(conn);
  const story = storyFromFixture(
    JSON.parse(readFileSync(join(ROOT, 'fixtures', 'chiang-mai-sejong.json'), 'utf8')),
  );
  const c = story.committee;
  const steps: AgreementEvent[] = [
    { type: 'SUBMIT_TO_COMMITTEE' },
    {
      type: 'RECORD_RESOLUTION',
      resolution: { meeting: c.meeting, date: c.date, outcome: 'approved', text: c.resolution },
    },
    { type: 'SUBMIT_TO_MOI' },
    { type: 'FORWARD_TO_MFA' },
  ];
  const started = Date.now();
  for (let i = 0; i < SIGNED; i++) {
    let a: AgreementRecord = await agreements.createDraft(admin, {
      province: 'chiang-mai',
      content: story.draft1,
    });
    for (const e of steps) a = await agreements.send(admin, a.id, a.rev, e);
    for (const k of story.comments)
      a = await agreements.addComment(admin, a.id, a.rev, { anchor: k.anchor, text: k.text });
    a = await agreements.send(admin, a.id, a.rev, { type: 'RETURN_WITH_COMMENTS' });
    a = await agreements.updateContent(admin, a.id, a.rev, story.draft2);
    for (const k of a.comments)
      a = await agreements.answerComment(admin, a.id, a.rev, k.id, {
        status: 'accepted',
        response: { en: 'Done.' },
      });
    for (const e of [
      { type: 'RESUBMIT' },
      { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false },
      { type: 'AGREE_FINAL_TEXT' },
      { type: 'RECORD_SIGNING', signing },
    ] as AgreementEvent[])
      a = await agreements.send(admin, a.id, a.rev, e);
    if ((i + 1) % 20 === 0)
      say(`  signed ${i + 1}/${SIGNED} agreements, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const chunk = 50;
  for (let i = SIGNED; i < N; i += chunk) {
    await Promise.all(
      Array.from({ length: Math.min(chunk, N - i) }, () =>
        agreements.createDraft(admin, { province: 'chiang-mai', content: story.draft1 }),
      ),
    );
    if ((i + chunk) % 1000 < chunk)
      say(`  drafts ${Math.min(i + chunk, N)}/${N}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  const repository = createAgreementRepository(conn);
  // Baseline: the same pass over every agreement, reading only.
  let t = Date.now();
  let read = 0;
  for await (const r of repository.scan(100)) read += r.history.length > 0 ? 1 : 0;
  const scanMs = Date.now() - t;
  t = Date.now();
  const v = await verifyDatabase(records, repository.scan(100));
  const verifyMs = Date.now() - t;

  const signed: AgreementRecord[] = [];
  for await (const r of repository.scan(100)) if (r.signing) signed.push(r);
  const single: number[] = [];
  for (const r of signed.slice(0, 50)) {
    const s = process.hrtime.bigint();
    await verifyAgreement(records, r);
    single.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  single.sort((a, b) => a - b);

  let bytes = 0;
  let files = 0;
  for await (const f of conn.db!.collection(ISSUED_COLLECTION).find({})) {
    bytes += (f.bytes as { buffer: Uint8Array }).buffer.length;
    files++;
  }
  say('');
  say(`${read} agreements (${SIGNED} signed with their issued documents, the rest drafts)`);
  say(`  read every agreement (baseline):   ${(scanMs / 1000).toFixed(1)} s`);
  say(
    `  mou verify over all of them:       ${(verifyMs / 1000).toFixed(1)} s  (${(verifyMs / scanMs).toFixed(2)}× the read)`,
  );
  say(`    ${v.entries} history entries, ${v.documents} issued files, ${v.failed.length} failed`);
  say(
    `  one signed agreement's check (API): median ${single[Math.floor(single.length / 2)]?.toFixed(1)} ms, max ${single.at(-1)?.toFixed(1)} ms`,
  );
  say(
    `  issued files: ${files}, ${(bytes / 1024).toFixed(0)} KB; per signed agreement ${(bytes / 1024 / Math.max(1, SIGNED)).toFixed(1)} KB in ${(files / Math.max(1, SIGNED)).toFixed(1)} files`,
  );
  await conn.close();
  await db.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
