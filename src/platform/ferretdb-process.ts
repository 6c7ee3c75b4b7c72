// Runs the embedded FerretDB as a child process on a loopback port, and never leaves it orphaned.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export interface FerretProcess {
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); `SIGKILL` at once simulates a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export interface FerretOptions {
  /**
   * Serve clients through the binary's relay, which drops FerretDB's replies to unacknowledged (w:0)
   * writes (default). `false` passes `-no-relay`: plain FerretDB, for tests that reproduce that bug.
   */
  relay?: boolean;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' runs synchronously on normal exit and after uncaught errors; SIGKILL of the parent is
  // covered by the child itself, which exits when its stdin (our pipe) closes.
  process.on('exit', () => {
    for (const c of live) c.kill('SIGTERM');
  });
}

export function startFerret(
  binary: string,
  dataDir: string,
  port = 0,
  timeoutMs = 30_000,
  options: FerretOptions = {},
): Promise<FerretProcess> {
  mkdirSync(dataDir, { recursive: true });
  installExitHook();
  const args = ['-data', dataDir, '-listen', `127.0.0.1:${port}`];
  if (options.relay === false) args.push('-no-relay');
  const child = spawn(binary, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));

  return new Promise((resolvePromise, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`FerretDB did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    function fail(e: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${e.message}${err ? `\n${err.trim()}` : ''}`));
    }
    child.on('error', fail);
    child.on('exit', (code) => fail(new Error(`FerretDB exited with code ${code} before listening`)));
    child.stderr.on('data', (d: Buffer) => {
      err = (err + d.toString('utf8')).slice(-4000);
    });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /LISTENING (mongodb:\/\/127\.0\.0\.1:(\d+)\/)/.exec(out);
      if (!m?.[1] || !m[2]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.on('exit', () => live.delete(child));
      resolvePromise(handle(child, m[1], Number(m[2])));
    });
  });
}

function handle(child: ChildProcess, uri: string, port: number): FerretProcess {
  return {
    uri,
    port,
    pid: child.pid ?? -1,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolvePromise) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolvePromise();
        });
        child.kill(signal);
      }),
  };
}
