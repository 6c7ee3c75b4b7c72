// Finds or builds our embedded-FerretDB binary (scripts/ferretdb) into the cache, keyed by its sources' hash.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FERRETDB_BINARY = 'mou-ferretdb';

export interface BuildPaths {
  /** scripts/ferretdb: our tiny Go module that embeds FerretDB v1.24.2. */
  sourceDir: string;
  /** .cache: the binary goes to <cacheDir>/bin. */
  cacheDir: string;
}

export type Progress = (line: string) => void;

export function binaryPath(p: BuildPaths): string {
  // Absolute: the build runs with the Go module's folder as its working directory.
  return resolve(p.cacheDir, 'bin', FERRETDB_BINARY);
}

/** What the binary is built from: every non-test Go file of the module (sorted), then go.mod and go.sum. */
export function sourceFiles(sourceDir: string): string[] {
  const goFiles = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
    .sort();
  return [...goFiles, 'go.mod', 'go.sum'];
}

export function sourceKey(sourceDir: string): string {
  const h = createHash('sha256');
  for (const f of sourceFiles(sourceDir)) {
    const content = readFileSync(join(sourceDir, f));
    // Name and length first, so no two different file sets can feed the hash the same bytes.
    h.update(`${f}\0${content.length}\0`).update(content);
  }
  return h.digest('hex');
}

/** The cached binary, if it exists and was built from the current sources. */
export function cachedBinary(p: BuildPaths): string | undefined {
  const bin = binaryPath(p);
  const keyFile = `${bin}.key`;
  if (!existsSync(bin) || !existsSync(keyFile)) return undefined;
  if (!existsSync(join(p.sourceDir, 'main.go'))) return bin; // installed without sources: trust the cache
  return readFileSync(keyFile, 'utf8').trim() === sourceKey(p.sourceDir) ? bin : undefined;
}

export function goAvailable(): boolean {
  const r = spawnSync('go', ['version'], { stdio: 'ignore' });
  return r.status === 0;
}

function run(cmd: string, args: string[], cwd: string, onLine: (l: string) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CGO_ENABLED: '0' },
    });
    let tail = '';
    const feed = (chunk: Buffer) => {
      const text = tail + chunk.toString('utf8');
      const lines = text.split('\n');
      tail = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) onLine(l.trim());
    };
    child.stdout.on('data', feed);
    child.stderr.on('data', feed);
    child.on('error', reject);
    child.on('close', (code) => {
      if (tail.trim()) onLine(tail.trim());
      if (code === 0) resolvePromise();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
    });
  });
}

/** Builds the binary with Go, printing progress (packages compiled / total, elapsed seconds). */
export async function buildBinary(p: BuildPaths, progress: Progress): Promise<string> {
  const started = Date.now();
  const secs = () => ((Date.now() - started) / 1000).toFixed(1);
  const bin = binaryPath(p);
  mkdirSync(join(p.cacheDir, 'bin'), { recursive: true });
  progress(
    `Building the embedded database (FerretDB v1.24.2) into ${join('.cache', 'bin')} — about a minute the first time…`,
  );
  const timer = setInterval(() => progress(`  … still building, ${secs()} s`), 10_000);
  try {
    progress('  downloading Go modules');
    await run('go', ['mod', 'download'], p.sourceDir, () => undefined);
    let total = 0;
    await run('go', ['list', '-deps', '.'], p.sourceDir, () => (total += 1));
    let done = 0;
    let lastShown = 0;
    const tmp = `${bin}.tmp-${process.pid}`;
    await run('go', ['build', '-v', '-trimpath', '-o', tmp, '.'], p.sourceDir, () => {
      done += 1;
      const pct = total ? Math.min(100, Math.round((done / total) * 100)) : 0;
      if (pct >= lastShown + 10) {
        lastShown = pct - (pct % 10);
        progress(`  compiled ${done}/${total} packages (${pct} %), ${secs()} s`);
      }
    });
    renameSync(tmp, bin);
    writeFileSync(`${bin}.key`, sourceKey(p.sourceDir));
  } finally {
    clearInterval(timer);
  }
  progress(`Built ${FERRETDB_BINARY} in ${secs()} s`);
  return bin;
}
