// The built app on the embedded database, with the session sweep every second: people sign in and out and read
// their own identity and agreements at once for 30 s. Not one answer may go to the wrong request.
// (Before the fix, connect-mongo's w:0 sweep shifted every answer on the one connection by one after it fired.)
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { soak, type SoakResult } from '../../../bench/soak/drive';
import { DEMO_USERS } from '../../../src/users/demo';
import { exited, ROOT, startApp, type AppProcess } from '../../support/processes';

const SOAK_MS = Number(process.env.MOU_SOAK_SECONDS ?? 30) * 1000;
let app: AppProcess;
let result: SoakResult;

beforeAll(async () => {
  app = await startApp({
    MOU_DATA_DIR: mkdtempSync(join(tmpdir(), 'mou-soak-')),
    MOU_SEED_DEMO: 'true',
    MOU_SESSION_SWEEP_SECONDS: '1',
    // Six-second sessions: those of people who just close the browser expire and are swept during the run.
    MOU_SESSION_MINUTES: '0.1',
    LOG_LEVEL: 'info',
  });
  const people = DEMO_USERS.map((u) => ({
    username: u.username,
    password: u.password,
    ...(u.province ? { province: u.province } : {}),
  }));
  result = await soak(app.url, people, { durationMs: SOAK_MS, roundsPerSignIn: 4 });
}, SOAK_MS + 120_000);

afterAll(async () => {
  // The figures of the run, for the record (answers checked, sweeps, sessions removed).
  const dir = join(ROOT, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'session-soak.json'),
    JSON.stringify({ seconds: SOAK_MS / 1000, ...result, ...sweeps() }, null, 2),
  );
  app.child.kill('SIGTERM');
  await exited(app.child);
});

function sweeps(): { runs: number; removed: number } {
  const lines = app
    .output()
    .split('\n')
    .filter((l) => l.includes('"msg":"expired sessions removed"'));
  const removed = lines.reduce((n, l) => n + ((JSON.parse(l) as { removed: number }).removed ?? 0), 0);
  return { runs: lines.length, removed };
}

describe('a 30-second soak with the session sweep every second', () => {
  it('gives every answer to its own request: 0 crossed, 0 server errors, nothing unexpected', () => {
    expect(result.crossed).toEqual([]);
    expect(result.serverErrors).toBe(0);
    expect(result.unexpected).toEqual([]);
    // Five people, three questions at a time, for the whole run.
    expect(result.answers).toBeGreaterThan(500);
    expect(result.signIns).toBeGreaterThan(20);
    expect(result.signOuts).toBeGreaterThan(5);
  });

  it('swept at least ten times during the run, removing the sessions people left behind', () => {
    const s = sweeps();
    expect(s.runs).toBeGreaterThanOrEqual(10);
    expect(s.removed).toBeGreaterThan(0);
  });
});
