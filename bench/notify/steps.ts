// Steps sent by a fixed number of clients over kept-alive connections, timed by the clock from the first request to
// the last answer: the rate is steps over those milliseconds (autocannon ends a fixed-count run on its one-second
// tick, so its rate for 150 steps reads 50, 37.5 or 30).
import { Agent, request } from 'node:http';
import { quantile } from '../support';
import type { Row } from '../api/load';

function post(agent: Agent, url: URL, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('timed out after 120 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Each target taken one step (SUBMIT_TO_COMMITTEE at rev 0) by `clients` clients at once. */
export async function timedSteps(
  name: string,
  base: string,
  headers: Record<string, string>,
  targets: readonly string[],
  o: { clients?: number; quiet?: boolean } = {},
): Promise<Row & { ms: number }> {
  const clients = o.clients ?? 10;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const body = JSON.stringify({
    event: { type: 'SUBMIT_TO_COMMITTEE' },
    expectedRev: 0,
    acknowledgeWarnings: true,
  });
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < targets.length; i = next++) {
        const t = performance.now();
        const why = await post(
          agent,
          new URL(`/api/v1/agreements/${targets[i]}/events`, base),
          headers,
          body,
        ).then(
          (r) => (r.status >= 200 && r.status < 300 ? undefined : `${r.status}`),
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        latencies.push(performance.now() - t);
        if (why !== undefined) failures.set(why, (failures.get(why) ?? 0) + 1);
      }
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  const row = {
    name,
    ms,
    rps: (targets.length / ms) * 1000,
    p50: Math.round(quantile(latencies, 0.5)),
    p97_5: Math.round(quantile(latencies, 0.975)),
    p99: Math.round(quantile(latencies, 0.99)),
    sent: targets.length,
    failed,
    ...(failed > 0 ? { why: [...failures].map(([w, n]) => `${w} ×${n}`).join(', ') } : {}),
  };
  if (!o.quiet || failed > 0)
    process.stdout.write(
      `  ${name.padEnd(36)} ${row.rps.toFixed(1).padStart(6)} steps/s over ${(ms / 1000).toFixed(2)} s  p50 ${row.p50} ms  p99 ${row.p99} ms  ${row.sent - failed}/${row.sent} succeeded${failed ? `  FAILED: ${row.why ?? ''}` : ''}\n`,
    );
  return row;
}
