// Long soak: the built app with demo data on the embedded database, the session sweep every second, five people
// signing in and out and reading for BENCH_SOAK_MINUTES (default 5). Prints, per minute, answers per second and
// the app's memory, and at the end the last minute against the first (ratios in the same run), crossed answers,
// server errors and sweeps.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findProjectRoot } from '../../src/project-root';
import { DEMO_USERS } from '../../src/users/demo';
import { benchDataDir, requireAllSucceeded } from '../support';
import { soak } from './drive';

const ROOT = findProjectRoot(__dirname);
const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 5);
const SLICE_MS = 60_000;

function startApp(): Promise<{ url: string; pid: number; output: () => string; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      LOG_LEVEL: 'info',
      MOU_SEED_DEMO: 'true',
      MOU_DATA_DIR: benchDataDir('soak'),
      MOU_SESSION_SWEEP_SECONDS: '1',
      MOU_SESSION_MINUTES: '0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`app exited with ${code}:\n${out}`)));
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1])
        resolve({
          url: m[1].replace(/\/$/, ''),
          pid: child.pid ?? -1,
          output: () => out,
          stop: () => child.kill('SIGTERM'),
        });
    };
    child.stdout.on('data', check);
  });
}

function rssMb(pid: number): number {
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(r.stdout.trim()) / 1024;
}

async function main(): Promise<void> {
  const app = await startApp();
  const people = DEMO_USERS.map((u) => ({
    username: u.username,
    password: u.password,
    ...(u.province ? { province: u.province } : {}),
  }));
  process.stdout.write(`Soak: ${MINUTES} min, ${people.length} people, session sweep every 1 s\n`);
  const slices: { rps: number; rss: number }[] = [];
  let crossed = 0;
  let serverErrors = 0;
  let unexpected = 0;
  let answers = 0;
  for (let m = 1; m <= MINUTES; m++) {
    const r = await soak(app.url, people, { durationMs: SLICE_MS });
    answers += r.answers;
    crossed += r.crossed.length;
    serverErrors += r.serverErrors;
    unexpected += r.unexpected.length;
    const slice = { rps: r.answers / (SLICE_MS / 1000), rss: rssMb(app.pid) };
    slices.push(slice);
    process.stdout.write(
      `  minute ${m}: ${slice.rps.toFixed(0)} answers/s, app RSS ${slice.rss.toFixed(0)} MB, crossed ${r.crossed.length}, 5xx ${r.serverErrors}\n`,
    );
    for (const line of [...r.crossed, ...r.unexpected].slice(0, 5)) process.stdout.write(`    ${line}\n`);
  }
  const sweeps = app
    .output()
    .split('\n')
    .filter((l) => l.includes('"msg":"expired sessions removed"'));
  const removed = sweeps.reduce((n, l) => n + ((JSON.parse(l) as { removed?: number }).removed ?? 0), 0);
  app.stop();
  const first = slices[0];
  const last = slices[slices.length - 1];
  process.stdout.write(
    `\n${answers} answers checked: crossed ${crossed}, 5xx ${serverErrors}, other unexpected ${unexpected}; ` +
      `${sweeps.length} sweeps removed ${removed} sessions\n`,
  );
  if (first && last)
    process.stdout.write(
      `last minute / first: throughput ${(last.rps / first.rps).toFixed(2)}×, memory ${(last.rss / first.rss).toFixed(2)}×\n`,
    );
  requireAllSucceeded([
    {
      name: 'answers (sign-in, reads, sign-out)',
      sent: answers,
      failed: serverErrors + unexpected,
      ...(serverErrors + unexpected > 0
        ? { why: `5xx ×${serverErrors}, other unexpected ×${unexpected}` }
        : {}),
    },
    { name: "answers that were someone else's", sent: answers, failed: crossed },
  ]);
  process.exit(process.exitCode ?? 0);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
