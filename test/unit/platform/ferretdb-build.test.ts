// The FerretDB binary's cache key: it must change whenever any file the binary is built from changes.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryPath, cachedBinary, sourceFiles, sourceKey } from '../../../src/platform/ferretdb-build';
import { findProjectRoot } from '../../../src/project-root';

const sourceDir = join(findProjectRoot(__dirname), 'scripts', 'ferretdb');

describe('the FerretDB build key', () => {
  it('covers every non-test Go file of the module, sorted, plus go.mod and go.sum', () => {
    const files = sourceFiles(sourceDir);
    expect(files).toEqual(expect.arrayContaining(['main.go', 'idindex.go', 'relay.go', 'go.mod', 'go.sum']));
    expect(files.filter((f) => f.endsWith('_test.go'))).toEqual([]);
    const goFiles = files.filter((f) => f.endsWith('.go'));
    expect(goFiles).toEqual([...goFiles].sort());
  });

  it('treats the cached binary as stale once any Go file changes, but not when a test file changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mou-build-key-'));
    const src = join(dir, 'src');
    cpSync(sourceDir, src, { recursive: true });
    const paths = { sourceDir: src, cacheDir: join(dir, 'cache') };
    const bin = binaryPath(paths);
    mkdirSync(join(dir, 'cache', 'bin'), { recursive: true });
    writeFileSync(bin, 'binary');
    writeFileSync(`${bin}.key`, sourceKey(src));
    expect(cachedBinary(paths)).toBe(bin);

    writeFileSync(join(src, 'relay_test.go'), 'package main\n');
    expect(cachedBinary(paths)).toBe(bin);

    writeFileSync(join(src, 'idindex.go'), 'package main\n// changed\n');
    expect(cachedBinary(paths)).toBeUndefined();
  });
});
