// Soak driver: several people sign in and out and read their own identity and agreements at once, for a
// while; every answer is checked against the question (whose identity, which agreement, which list).
import { BrowserClient } from './browser';

export interface SoakPerson {
  username: string;
  password: string;
  /** A secretary's province: every agreement they are shown must be of it. */
  province?: string;
}

export interface SoakOptions {
  durationMs: number;
  /** Rounds of reads per sign-in (each round asks three questions at once). Keep them shorter than a session. */
  roundsPerSignIn?: number;
}

export interface SoakResult {
  answers: number;
  signIns: number;
  signOuts: number;
  /** Answers that belong to another request or another person. */
  crossed: string[];
  serverErrors: number;
  /** Other unexpected statuses (a 401 for a fresh session, a failed sign-in…). */
  unexpected: string[];
}

interface Summary {
  id: string;
  province: string;
}

class Tally implements SoakResult {
  answers = 0;
  signIns = 0;
  signOuts = 0;
  crossed: string[] = [];
  serverErrors = 0;
  unexpected: string[] = [];

  /** Counts an answer; its JSON body when it is a 200, else undefined. */
  async read(label: string, res: Response): Promise<unknown> {
    this.answers++;
    if (res.status >= 500) this.serverErrors++;
    if (res.status !== 200) {
      this.note(this.unexpected, `${label}: ${res.status}`);
      return undefined;
    }
    return res.json();
  }

  note(list: string[], line: string): void {
    if (list.length < 50) list.push(line);
  }
}

async function signIn(base: string, p: SoakPerson, t: Tally): Promise<BrowserClient | undefined> {
  const c = new BrowserClient(base);
  const r = await c.login(p.username, p.password);
  if (r.status !== 303) {
    t.note(t.unexpected, `sign-in ${p.username}: ${r.status}`);
    return undefined;
  }
  t.signIns++;
  return c;
}

const idsOf = (page: unknown): string =>
  ((page as { items?: Summary[] }).items ?? [])
    .map((s) => s.id)
    .sort()
    .join(',');

/** What each person sees before the load starts: the answers every later read must match. */
async function reference(base: string, p: SoakPerson, t: Tally): Promise<Summary[]> {
  const c = await signIn(base, p, t);
  if (!c) throw new Error(`${p.username} cannot sign in`);
  const page = (await t.read('list', await c.get('/api/v1/agreements?limit=100'))) as { items: Summary[] };
  if (!page) throw new Error(`${p.username} cannot list agreements`);
  await c.logout();
  return page.items;
}

async function round(c: BrowserClient, p: SoakPerson, seen: Summary[], expectedIds: string, t: Tally) {
  const one = seen[Math.floor(Math.random() * seen.length)];
  await Promise.all([
    (async () => {
      const me = (await t.read('me', await c.get('/api/v1/me'))) as { username?: string } | undefined;
      if (me && me.username !== p.username) t.note(t.crossed, `${p.username} was told ${me.username}`);
    })(),
    (async () => {
      const page = await t.read('list', await c.get('/api/v1/agreements?limit=100'));
      if (page && idsOf(page) !== expectedIds) t.note(t.crossed, `${p.username} got another list`);
      const foreign = ((page as { items?: Summary[] } | undefined)?.items ?? []).filter(
        (s) => p.province && s.province !== p.province,
      );
      if (foreign.length) t.note(t.crossed, `${p.username} was shown ${foreign.length} of another province`);
    })(),
    (async () => {
      if (!one) return;
      const a = (await t.read('agreement', await c.get(`/api/v1/agreements/${one.id}`))) as
        Summary | undefined;
      if (a && (a.id !== one.id || a.province !== one.province))
        t.note(t.crossed, `${p.username} asked for ${one.id} and got ${a.id}`);
    })(),
  ]);
}

export async function soak(base: string, people: SoakPerson[], o: SoakOptions): Promise<SoakResult> {
  const t = new Tally();
  const seen = await Promise.all(people.map((p) => reference(base, p, t)));
  const end = Date.now() + o.durationMs;
  const rounds = o.roundsPerSignIn ?? 4;
  await Promise.all(
    people.map(async (p, i) => {
      const mine = seen[i] ?? [];
      const expectedIds = idsOf({ items: mine });
      for (let n = 0; Date.now() < end; n++) {
        const c = await signIn(base, p, t);
        if (!c) continue;
        for (let k = 0; k < rounds && Date.now() < end; k++) await round(c, p, mine, expectedIds, t);
        // Half the time the person signs out; otherwise the browser is closed and the session expires.
        if ((n + i) % 2 === 0) {
          const r = await c.logout().catch((e: unknown) => (e as Error).message);
          if (typeof r !== 'string' && r.status === 303) t.signOuts++;
          else t.note(t.unexpected, `sign-out ${p.username}: ${typeof r === 'string' ? r : r.status}`);
        }
      }
    }),
  );
  return t;
}
