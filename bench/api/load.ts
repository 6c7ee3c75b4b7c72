// The API benchmark's tools: a server in its own process, a load of requests (autocannon) and its row, a sign-in.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BrowserClient } from '../soak/browser';
import type { RequestTally } from '../support';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
export const CONNECTIONS = 50;

export interface Server {
  port: number;
  child: ChildProcess;
}

export function startServer(mode: string, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), mode], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m?.[1]) resolvePromise({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

export function stop(s: Server): Promise<void> {
  return new Promise((r) => {
    s.child.once('exit', () => r());
    s.child.kill('SIGTERM');
  });
}

export interface Row extends RequestTally {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
}

/** The statuses of the failed requests ("422 ×300"), and the errors and timeouts. */
function whyFailed(r: autocannon.Result): string {
  const stats = (r as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const statuses = Object.entries(stats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code} ×${s.count}`);
  if (r.errors) statuses.push(`errors ×${r.errors}`);
  if (r.timeouts) statuses.push(`timeouts ×${r.timeouts}`);
  return statuses.join(', ');
}

export async function load(name: string, opts: autocannon.Options, warm = true): Promise<Row> {
  // One second of the same load first, unrecorded: JIT, caches and connections warm up as in a running service.
  if (warm) await autocannon({ connections: CONNECTIONS, ...opts, duration: 1, amount: undefined });
  const r = await autocannon({
    connections: CONNECTIONS,
    ...(opts.amount ? {} : { duration: SECONDS }),
    ...opts,
  });
  const failed = r.non2xx + r.errors + r.timeouts;
  const row: Row = {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    sent: r.requests.total,
    failed,
    ...(failed > 0 ? { why: whyFailed(r) } : {}),
  };
  const ok = row.sent - row.failed;
  process.stdout.write(
    `  ${name.padEnd(40)} ${row.rps.toFixed(0).padStart(6)} req/s  p50 ${row.p50} ms  p97.5 ${row.p97_5} ms  p99 ${row.p99} ms  ${ok}/${row.sent} succeeded${failed ? `  FAILED: ${row.why ?? ''}` : ''}\n`,
  );
  return row;
}

/** Each request takes one agreement a step (SUBMIT_TO_COMMITTEE at rev 0, warnings acknowledged as an API client does). */
export function transitions(
  name: string,
  base: string,
  auth: Record<string, string>,
  targets: string[],
): Promise<Row> {
  let next = 0;
  const amount = Math.min(targets.length, 300);
  return load(
    name,
    {
      url: base,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      // Fewer clients and a long timeout: a step writes a whole agreement, and FerretDB serialises writes.
      connections: 10,
      timeout: 120,
      amount,
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/agreements/${targets[next++ % targets.length] ?? ''}/events`,
            body: JSON.stringify({
              event: { type: 'SUBMIT_TO_COMMITTEE' },
              expectedRev: 0,
              acknowledgeWarnings: true,
            }),
          }),
        },
      ],
    },
    false,
  );
}

/** Signs in through the login form, as a browser does: the session cookie header the pages are asked with. */
export async function signIn(base: string, login: { username: string; password: string }): Promise<string> {
  const browser = new BrowserClient(base);
  const r = await browser.login(login.username, login.password);
  if (r.status !== 303 || browser.cookies.size === 0)
    throw new Error(`${login.username} could not sign in (${r.status})`);
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}
