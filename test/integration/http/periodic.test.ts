// Everything in the app that runs on time — the session sweep, session expiry, the identity caches' TTL and the
// login limiter's window — runs many times at short intervals while people's requests are in flight, and every
// answer still belongs to the request that asked for it.
import { startSessionSweep, type SessionSweep } from '../../../src/platform/session-sweep';
import { expiredSessionRemover, SESSIONS_COLLECTION } from '../../../src/storage/sessions';
import { Client, makeUser, startApp, type TestApp } from './support';

// Long enough for a sign-in and a few rounds of questions on a busy two-core machine, short enough to expire here.
const SESSION_SECONDS = 6;
const SWEEP_MS = 200;
const LIMIT_WINDOW_MS = 3_000;
const RUN_MS = 14_000;
/** How long the two timed rounds may run past RUN_MS on a loaded machine to complete their first round. */
const OVERTIME_MS = 20_000;

let app: TestApp;
let sweep: SessionSweep;
const people = ['cm-sec', 'bkk-sec', 'moi-1', 'mfa-1'];
const tokens = new Map<string, string>();

beforeAll(async () => {
  app = await startApp(
    { loginLimit: { max: 1, windowMs: LIMIT_WINDOW_MS } },
    { MOU_SESSION_MINUTES: String(SESSION_SECONDS / 60), MOU_IDENTITY_CACHE_MS: '40' },
  );
  for (const username of people) {
    const u = await makeUser(app, {
      username,
      ...(username.endsWith('-sec')
        ? { role: 'secretary', province: username.startsWith('cm') ? 'chiang-mai' : 'bangkok' }
        : { role: username.startsWith('moi') ? 'moi' : 'mfa' }),
    });
    tokens.set(username, (await app.tokens.create(u.id, 'periodic')).token);
  }
  // Signs in alone (a limit of 1 counts another in-flight sign-in of the same name).
  await makeUser(app, { username: 'stayer', role: 'moi' });
  sweep = startSessionSweep(expiredSessionRemover(app.db.connection), { intervalMs: SWEEP_MS });
});

afterAll(async () => {
  await sweep.stop();
  await app.close();
});

const sessions = () => app.db.connection.collection(SESSIONS_COLLECTION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Tally {
  answers: number;
  crossed: string[];
  serverErrors: number;
}

async function whoAmI(c: Client, t: Tally, expected: string, headers: Record<string, string> = {}) {
  const res = await c.get('/api/v1/me', headers);
  t.answers++;
  if (res.status >= 500) t.serverErrors++;
  if (res.status !== 200) return res.status;
  const me = (await res.json()) as { username?: string };
  if (me.username !== expected) t.crossed.push(`${expected} was told ${me.username}`);
  return 200;
}

describe('periodic work while requests are in flight', () => {
  it('every answer goes to its own request, sessions expire and are swept, the limiter window reopens', async () => {
    const t: Tally = { answers: 0, crossed: [], serverErrors: 0 };
    const end = Date.now() + RUN_MS;
    const unexpected: string[] = [];

    // People who sign in, ask who they are a few times at once, then sign out or just leave.
    const browsing = people.map(async (username, i) => {
      for (let round = 0; Date.now() < end; round++) {
        const c = new Client(app.base);
        const login = await c.login(username);
        if (login.status !== 303) unexpected.push(`login ${username}: ${login.status}`);
        for (let k = 0; k < 4 && Date.now() < end; k++) {
          const statuses = await Promise.all([1, 2, 3].map(() => whoAmI(c, t, username)));
          for (const s of statuses) if (s !== 200) unexpected.push(`${username} /me: ${s}`);
        }
        if ((round + i) % 2 === 0) {
          const r = await c.logout().catch((e: unknown) => ({ status: (e as Error).message }));
          if (r.status !== 303) unexpected.push(`logout ${username}: ${r.status}`);
        } // else: the browser is closed; the session stays until it expires and is swept.
      }
    });

    // Programs with tokens, through the token and user caches that expire every 40 ms.
    const programs = people.map(async (username) => {
      const c = new Client(app.base);
      const auth = { authorization: `Bearer ${tokens.get(username) ?? ''}` };
      while (Date.now() < end) {
        const s = await whoAmI(c, t, username, auth);
        if (s !== 200) unexpected.push(`token ${username}: ${s}`);
        await sleep(5);
      }
    });

    // Someone who outstays their session: after it expires, the cookie is refused and the sweep removes it.
    const outstaying = (async () => {
      let expiredSeen = 0;
      // On a loaded machine one round may not fit the run: go on (for a while) until one session has been seen out.
      const lastStart = end - (SESSION_SECONDS * 1000 + 2 * SWEEP_MS + 500);
      while (Date.now() < lastStart || (expiredSeen === 0 && Date.now() < end + OVERTIME_MS)) {
        const c = new Client(app.base);
        const login = await c.login('stayer');
        const fresh = await whoAmI(c, t, 'stayer');
        if (login.status !== 303 || fresh !== 200) unexpected.push(`fresh session: ${login.status} ${fresh}`);
        const sid = decodeURIComponent(c.cookies.get('mou.sid') ?? '')
          .replace(/^s:/, '')
          .split('.')[0];
        await sleep(SESSION_SECONDS * 1000 + 2 * SWEEP_MS + 100);
        if ((await whoAmI(c, t, 'stayer')) !== 401) unexpected.push('expired session still accepted');
        if ((await sessions().countDocuments({ _id: sid as never })) !== 0) unexpected.push('not swept');
        expiredSeen++;
      }
      return expiredSeen;
    })();

    // A password guesser hits the limit, and is let in to try again once the window has passed. The window
    // opens when the server counts the first failure: after `sent` (the POST left) and before its answer came.
    const guessing = (async () => {
      let limited = 0;
      let reopened = 0;
      const c = new Client(app.base);
      const fail = async () => {
        const _csrf = await c.csrf('/login');
        const sent = Date.now();
        const r = await c.postForm('/login', { _csrf, username: 'nobody', password: 'wrong' });
        return { status: r.status, sent, answered: Date.now() };
      };
      // As above: at least one window is seen closing and reopening, however slow sign-ins are here.
      while (Date.now() < end - LIMIT_WINDOW_MS || (reopened === 0 && Date.now() < end + OVERTIME_MS)) {
        const opening = await fail();
        if (limited > 0) {
          if (opening.status === 401) reopened++;
          else unexpected.push(`limiter after the window: ${opening.status}`);
        }
        const next = await fail();
        // Surely inside the window only if this POST left before the earliest moment the window can close.
        if (next.sent < opening.sent + LIMIT_WINDOW_MS) {
          if (next.status !== 429) unexpected.push(`limiter within the window: ${next.status}`);
          limited++;
        }
        // Surely after the window: wait past the latest moment it can close.
        await sleep(opening.answered + LIMIT_WINDOW_MS + 100 - Date.now());
      }
      return Math.min(limited, reopened);
    })();

    const [expiredSeen, windows] = await Promise.all([outstaying, guessing, ...browsing, ...programs]);

    expect(unexpected).toEqual([]);
    expect(t.crossed).toEqual([]);
    expect(t.serverErrors).toBe(0);
    // A sample, not a speed: each sign-in costs an argon2 hash, so on a loaded two-core machine 14 s gives ~110–300.
    expect(t.answers).toBeGreaterThan(100);
    expect(sweep.runs).toBeGreaterThanOrEqual(10);
    expect(expiredSeen).toBeGreaterThanOrEqual(1);
    expect(windows).toBeGreaterThanOrEqual(1);
    // Sessions of people who just left are gone once they have expired and a sweep has run.
    await sleep(SESSION_SECONDS * 1000 + 2 * SWEEP_MS);
    await sweep.runOnce();
    expect(await sessions().countDocuments({ expires: { $lt: new Date() } })).toBe(0);
  });

  it('a sweep removes exactly the expired sessions, with an acknowledged delete', async () => {
    // The app's own sweep would race this one for the same rows.
    await sweep.stop();
    const now = Date.now();
    await sessions().insertMany([
      { _id: 'old-1' as never, expires: new Date(now - 60_000), session: {} },
      { _id: 'old-2' as never, expires: new Date(now - 1), session: {} },
      { _id: 'live-1' as never, expires: new Date(now + 60_000), session: {} },
    ]);
    const own = startSessionSweep(expiredSessionRemover(app.db.connection), {
      intervalMs: 60_000,
      now: () => new Date(now),
    });
    try {
      const r = await own.runOnce();
      expect(r.removed).toBeGreaterThanOrEqual(2);
      expect(await sessions().countDocuments({ _id: { $in: ['old-1', 'old-2'] as never[] } })).toBe(0);
      expect(await sessions().countDocuments({ _id: 'live-1' as never })).toBe(1);
    } finally {
      await own.stop();
    }
  });
});
