// The database launcher: MONGODB_URI first, then the cached FerretDB build; no orphans, one writer per folder.
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provideDatabase } from '../../../src/platform/launcher';
import { binaryPath } from '../../../src/platform/ferretdb-build';
import { ROOT, alive, childPids, exited, startApp, waitFor } from '../../support/processes';

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));
const cacheDir = join(ROOT, '.cache');

describe('the database launcher', () => {
  it('uses MONGODB_URI when set, with the driver default pool, and launches nothing', async () => {
    const dataDir = tmp('mou-ext-');
    const lines: string[] = [];
    const h = await provideDatabase({
      mongodbUri: 'mongodb://db.example.invalid:27017/',
      dataDir,
      cacheDir: tmp('mou-nocache-'),
      projectRoot: ROOT,
      progress: (l) => lines.push(l),
    });
    expect(h).toMatchObject({
      kind: 'external',
      uri: 'mongodb://db.example.invalid:27017/',
      maxPoolSize: undefined,
    });
    expect(h.ferret).toBeUndefined();
    expect(lines).toEqual([]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('reuses the cached FerretDB binary without rebuilding, and runs it with one connection', async () => {
    const bin = binaryPath({ sourceDir: join(ROOT, 'scripts', 'ferretdb'), cacheDir });
    const before = statSync(bin).mtimeMs;
    const lines: string[] = [];
    const h = await provideDatabase({
      dataDir: tmp('mou-reuse-'),
      cacheDir,
      projectRoot: ROOT,
      progress: (l) => lines.push(l),
    });
    const pid = h.ferret?.pid ?? -1;
    expect(alive(pid)).toBe(true);
    try {
      expect(h.kind).toBe('ferretdb');
      expect(h.maxPoolSize).toBe(1);
      expect(h.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(lines.filter((l) => /Building/.test(l))).toEqual([]);
      expect(statSync(bin).mtimeMs).toBe(before);
    } finally {
      await h.stop();
    }
    expect(alive(pid)).toBe(false);
  });

  it('leaves no FerretDB process behind when the app is killed with SIGKILL', async () => {
    const app = await startApp({ MOU_DATA_DIR: tmp('mou-kill-') });
    const pid = app.child.pid ?? -1;
    const kids = childPids(pid);
    expect(kids.length).toBeGreaterThanOrEqual(1);
    app.child.kill('SIGKILL');
    await exited(app.child);
    expect(await waitFor(() => kids.every((k) => !alive(k)), 10_000)).toBe(true);
  });

  it('stops cleanly on SIGTERM, and refuses a second app on the same data folder while the first runs', async () => {
    const dataDir = tmp('mou-lock-');
    const first = await startApp({ MOU_DATA_DIR: dataDir });
    const kids = childPids(first.child.pid ?? -1);
    await expect(startApp({ MOU_DATA_DIR: dataDir })).rejects.toThrow(/already using the data folder/);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    expect(kids.every((k) => !alive(k))).toBe(true);
    expect(existsSync(join(dataDir, 'mou-engine.lock'))).toBe(false);
  });
});
