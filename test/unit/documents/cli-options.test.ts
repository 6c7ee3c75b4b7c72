// `mou` refuses an option it does not know, or an option without its value, with its usage and exit code 2, and
// writes nothing: a typo such as `--layot sequential` must not render the parallel layout and succeed.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, OPTIONS, UsageError } from '../../../src/cli/args';
import { main } from '../../../src/cli/main';
import { FIXTURES_DIR } from '../../support/fixtures';

const fixture = join(FIXTURES_DIR, 'chiang-mai-sejong.json');
const dir = mkdtempSync(join(tmpdir(), 'mou-cli-options-'));
let err = '';
beforeEach(() => {
  err = '';
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
});
afterEach(() => jest.restoreAllMocks());

it('refuses an unknown option with the usage and exit 2, writing nothing', async () => {
  const target = join(dir, 'typo.docx');
  expect(await main(['render', fixture, '--layot', 'sequential', '-o', target])).toBe(2);
  expect(existsSync(target)).toBe(false);
  expect(err).toContain('unknown option --layot');
  expect(err).toContain('ไม่รู้จักตัวเลือก --layot');
  expect(err).toContain('usage:');
});

it('refuses an option missing its value, at the end or before another option', async () => {
  expect(await main(['render', fixture, '-o', join(dir, 'a.docx'), '--layout'])).toBe(2);
  expect(err).toContain('option --layout needs a value');
  err = '';
  expect(await main(['check', fixture, '--draft', '--json'])).toBe(2);
  expect(err).toContain('option --draft needs a value');
  expect(await main(['import-review', 'x.docx', '--against'])).toBe(2);
});

it('refuses an option of another command, and a value given to a flag', async () => {
  expect(await main(['check', fixture, '--layout', 'parallel'])).toBe(2);
  expect(err).toContain('unknown option --layout');
  expect(await main(['verify', '--json=yes'])).toBe(2);
  expect(err).toContain('option --json takes no value');
});

it('still takes every known option, as --name value or --name=value', async () => {
  const target = join(dir, 'seq.docx');
  expect(await main(['render', fixture, '--layout=sequential', '--doc', 'mou', '-o', target])).toBe(0);
  expect(existsSync(target)).toBe(true);
  expect(parseArgs(['render', 'f.json', '--final', '--sign-place-th', 'เชียงใหม่'], OPTIONS.render)).toEqual({
    positional: ['render', 'f.json'],
    flags: new Map<string, string | true>([
      ['final', true],
      ['sign-place-th', 'เชียงใหม่'],
    ]),
  });
  expect(() => parseArgs(['--constructor'], OPTIONS.check)).toThrow(UsageError);
});
