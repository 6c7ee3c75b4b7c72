// The two test lanes: the fast lane leaves out exactly the slow-lane list (test/lanes.js), every entry of that list
// still names a test, the fast lane's tripwire refuses to start LibreOffice or Chromium, and the long runs count.
import childProcess from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { globsToMatcher } from 'jest-util';
import { guardLaunches, heavyCommand, heavyProgram } from '../support/lane-guard';
import { inCi, runCount } from '../support/runs';

const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, 'jest.config.js');

interface Project {
  displayName: string;
  testMatch: string[];
  setupFilesAfterEnv: string[];
}
/** jest.config.js as jest reads it in the given lane (loaded afresh: it reads the lane when loaded). */
async function configIn(lane: string | undefined): Promise<{ projects: Project[] }> {
  const before = process.env.MOU_TEST_LANE;
  if (lane === undefined) delete process.env.MOU_TEST_LANE;
  else process.env.MOU_TEST_LANE = lane;
  try {
    let config: { projects: Project[] } | undefined;
    await jest.isolateModulesAsync(async () => {
      config = (await import(CONFIG)) as { projects: Project[] };
    });
    if (!config) throw new Error('jest.config.js did not load');
    return config;
  } finally {
    if (before === undefined) delete process.env.MOU_TEST_LANE;
    else process.env.MOU_TEST_LANE = before;
  }
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}
const ALL = testFiles(join(ROOT, 'test'));
const selected = (projects: Project[]) =>
  ALL.filter((f) =>
    projects.some((p) => globsToMatcher(p.testMatch.map((g) => g.replace('<rootDir>', ROOT)))(f)),
  );

describe('the lanes in jest.config.js', () => {
  let whole: Project[];
  let fast: Project[];
  let slowGlobs: string[];
  beforeAll(async () => {
    whole = (await configIn(undefined)).projects;
    fast = (await configIn('fast')).projects;
    slowGlobs = [...new Set(fast.flatMap((p) => p.testMatch.filter((g) => g.startsWith('!'))))];
  });

  it('npm test runs every test file', () => {
    expect(selected(whole)).toEqual(ALL);
  });

  it('the fast lane leaves out the slow lane and nothing else', () => {
    const inFast = new Set(selected(fast));
    const left = ALL.filter((f) => !inFast.has(f)).map((f) => relative(ROOT, f));
    const slow = ALL.filter((f) => slowGlobs.some((g) => globsToMatcher([g.slice(1)])(f))).map((f) =>
      relative(ROOT, f),
    );
    expect(left).toEqual(slow);
    expect(left).toEqual(
      expect.arrayContaining(['test/e2e/journey.test.ts', 'test/integration/model/record-model.test.ts']),
    );
  });

  it('every slow-lane entry still names a test file', () => {
    expect(slowGlobs.length).toBeGreaterThan(0);
    const stale = slowGlobs.filter((g) => !ALL.some((f) => globsToMatcher([g.slice(1)])(f)));
    expect(stale).toEqual([]);
  });

  it('only the fast lane sets up the tripwire', () => {
    expect(fast.every((p) => p.setupFilesAfterEnv.some((f) => f.endsWith('fast-lane.ts')))).toBe(true);
    expect(whole.some((p) => p.setupFilesAfterEnv.some((f) => f.endsWith('fast-lane.ts')))).toBe(false);
  });
});

describe('the tripwire', () => {
  it('knows LibreOffice and Chromium by the program, the UNO script or a word of a shell line', () => {
    expect(heavyProgram('soffice', ['--headless'])).toBe('LibreOffice');
    expect(heavyProgram('/usr/lib/libreoffice/program/soffice.bin')).toBe('LibreOffice');
    expect(heavyProgram('/usr/bin/python3', ['/x/annotate/lo_annotate.py', 'in.docx'])).toBe('LibreOffice');
    expect(heavyProgram('/usr/bin/chromium', ['--headless'])).toBe('Chromium');
    expect(heavyCommand('cd /tmp && soffice --convert-to pdf a.docx')).toBe('LibreOffice');
    expect(heavyProgram(process.execPath, ['dist/src/main.js'])).toBeUndefined();
    expect(heavyProgram('pdftotext', ['a.pdf', '-'])).toBeUndefined();
    expect(heavyCommand('git status')).toBeUndefined();
  });

  it('refuses those launches through every launcher, and lets others through as before', async () => {
    const refused: string[] = [];
    const spawnBefore = childProcess.spawn;
    const restore = guardLaunches(childProcess, (program, line) => {
      refused.push(program);
      throw new Error(`refused ${line}`);
    });
    try {
      expect(() => childProcess.spawn('soffice', ['--version'])).toThrow(/refused soffice/);
      expect(() => childProcess.execFileSync('/usr/bin/chromium', ['--version'])).toThrow(/refused/);
      expect(() => childProcess.execSync('soffice --version')).toThrow(/refused/);
      await expect(promisify(childProcess.execFile)('soffice', ['--version'])).rejects.toThrow(/refused/);
      // The promisified form still answers { stdout, stderr } for anything else.
      const { stdout } = await promisify(childProcess.execFile)(process.execPath, [
        '-e',
        'process.stdout.write("ok")',
      ]);
      expect(stdout).toBe('ok');
      expect(refused).toEqual(['LibreOffice', 'Chromium', 'LibreOffice', 'LibreOffice']);
    } finally {
      restore();
    }
    // Put back: what was there before.
    expect(childProcess.spawn).toBe(spawnBefore);
  });
});

describe('run counts of the long property-based tests', () => {
  const saved = { CI: process.env.CI, X: process.env.MOU_TEST_X_RUNS };
  afterEach(() => {
    for (const [k, v] of [
      ['CI', saved.CI],
      ['MOU_TEST_X_RUNS', saved.X],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('are the full count in CI (CI=true or 1) and the smaller one elsewhere', () => {
    delete process.env.MOU_TEST_X_RUNS;
    process.env.CI = 'true';
    expect(runCount('MOU_TEST_X_RUNS', { ci: 200, local: 80 })).toBe(200);
    process.env.CI = '1';
    expect(inCi()).toBe(true);
    delete process.env.CI;
    expect(runCount('MOU_TEST_X_RUNS', { ci: 200, local: 80 })).toBe(80);
    process.env.CI = 'false';
    expect(runCount('MOU_TEST_X_RUNS', { ci: 200, local: 80 })).toBe(80);
  });

  it('follow their own variable over both, and refuse one that is not a positive whole number', () => {
    process.env.CI = 'true';
    process.env.MOU_TEST_X_RUNS = '7';
    expect(runCount('MOU_TEST_X_RUNS', { ci: 200, local: 80 })).toBe(7);
    process.env.MOU_TEST_X_RUNS = 'many';
    expect(() => runCount('MOU_TEST_X_RUNS', { ci: 200, local: 80 })).toThrow(/MOU_TEST_X_RUNS/);
  });
});
