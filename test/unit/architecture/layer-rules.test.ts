// The layer rules `npm run lint` enforces refuse what they are for: an import cycle, mongoose outside storage, a test
// double imported by src. One tiny tree holding each kind of probe is cruised once with the project's own rules.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findProjectRoot } from '../../../src/project-root';

const root = findProjectRoot(__dirname);
const mongooseUser = "import type { Connection } from 'mongoose';\nexport type C = Connection;\n";

const PROBES: Record<string, string> = {
  // Keeps the rules: storage knows mongoose, app knows storage's function.
  'src/storage/repo.ts': "import mongoose from 'mongoose';\nexport const m = mongoose;\n",
  'src/app/service.ts': "import { m } from '../storage/repo';\nexport const s = m;\n",
  // A cycle of types only.
  'src/domain/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
  'src/domain/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
  // mongoose outside storage.
  'src/users/service.ts': mongooseUser,
  'src/app/other.ts': mongooseUser,
  'src/seed/demo.ts': mongooseUser,
  'src/platform/timer.ts': mongooseUser,
  // A test double used by shipped code.
  'test/support/twin.ts': 'export const twin = 1;\n',
  'src/app/uses-twin.ts': "import { twin } from '../../test/support/twin';\nexport const t = twin;\n",
};

interface Violation {
  from: string;
  rule: { name: string };
}

let violations: Violation[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'mou-layers-'));
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true } }));
    for (const [path, text] of Object.entries(PROBES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'depcruise'),
      ['src', '--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: dir, encoding: 'utf8' },
    );
    // depcruise exits non-zero when an error-severity rule is broken; its report is on stdout either way.
    violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const rulesBrokenBy = (from: string) => violations.filter((v) => v.from === from).map((v) => v.rule.name);

describe('the layer rules of npm run lint', () => {
  it('accept files that keep them', () => {
    expect(rulesBrokenBy('src/storage/repo.ts')).toEqual([]);
    expect(rulesBrokenBy('src/app/service.ts')).toEqual([]);
  });

  it('refuse an import cycle, even one of types only', () => {
    // The cycle is reported once, from whichever of its files the cruise meets first.
    expect([...rulesBrokenBy('src/domain/a.ts'), ...rulesBrokenBy('src/domain/b.ts')]).toEqual([
      'no-circular',
    ]);
  });

  it.each(['src/users/service.ts', 'src/app/other.ts', 'src/seed/demo.ts', 'src/platform/timer.ts'])(
    'refuse mongoose imported outside storage (%s)',
    (path) => {
      expect(rulesBrokenBy(path)).toEqual(['only-storage-knows-mongodb']);
    },
  );

  it('refuse a test double imported by src', () => {
    expect(rulesBrokenBy('src/app/uses-twin.ts')).toEqual(['test-doubles-live-in-test']);
  });
});
