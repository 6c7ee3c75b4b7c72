// Sessions remembered in process (the single writer's session store) answer as the stored rows would, on the real
// database: reads come from memory, and sign-out, expiry and due touches go to the database first.
import type { SessionData, Store } from 'express-session';
import { CachedSessionStore } from '../../../src/storage/session-cache';
import { createSessionStore, SESSIONS_COLLECTION } from '../../../src/storage/sessions';
import { openTestDb, type TestDb } from '../../support/db';

const TTL_SECONDS = 600;
const TOUCH_AFTER_SECONDS = 60;

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('sessions');
});
afterAll(() => db.close());

const rows = () => db.connection.collection<{ _id: string; expires: Date }>(SESSIONS_COLLECTION);

/** The real connect-mongo store, counting the reads that reach it. */
function countingStore(): { store: Store; reads: () => number } {
  const inner = createSessionStore(db.connection, { ttlSeconds: TTL_SECONDS });
  let reads = 0;
  const get = inner.get.bind(inner);
  inner.get = (sid, cb) => {
    reads++;
    get(sid, cb);
  };
  return { store: inner, reads: () => reads };
}

const promised = {
  get: (s: Store, sid: string) =>
    new Promise<SessionData | null | undefined>((ok, ko) => s.get(sid, (e, v) => (e ? ko(e) : ok(v)))),
  set: (s: Store, sid: string, v: SessionData) =>
    new Promise<void>((ok, ko) => s.set(sid, v, (e) => (e ? ko(e) : ok()))),
  destroy: (s: Store, sid: string) =>
    new Promise<void>((ok, ko) => s.destroy(sid, (e) => (e ? ko(e) : ok()))),
  touch: (s: Store, sid: string, v: SessionData) =>
    new Promise<void>((ok, ko) => {
      // express-session types touch's callback as taking nothing; connect-mongo passes its error.
      const done = ((e?: unknown) => (e ? ko(e) : ok())) as () => void;
      if (s.touch) s.touch(sid, v, done);
      else ok();
    }),
};

function session(userId: string, expires: Date): SessionData {
  return {
    cookie: { originalMaxAge: TTL_SECONDS * 1000, expires, httpOnly: true, path: '/' },
    userId,
  } as unknown as SessionData;
}

describe('sessions remembered by the single writer', () => {
  it('answer a signed-in request from memory, with what the database holds', async () => {
    const { store, reads } = countingStore();
    const cached = new CachedSessionStore(store, {
      ttlSeconds: TTL_SECONDS,
      touchAfterSeconds: TOUCH_AFTER_SECONDS,
    });
    await promised.set(cached, 'sid-a', session('user-a', new Date(Date.now() + 60_000)));
    const fromDb = await promised.get(store, 'sid-a');
    const readsBefore = reads();
    for (let i = 0; i < 20; i++) {
      const s = (await promised.get(cached, 'sid-a')) as SessionData & { userId: string };
      expect(s.userId).toBe('user-a');
      expect(new Date(s.cookie.expires ?? 0).getTime()).toBe(new Date(fromDb?.cookie.expires ?? 1).getTime());
    }
    expect(reads()).toBe(readsBefore);
    // A caller changing its copy changes nothing remembered.
    const mine = (await promised.get(cached, 'sid-a')) as SessionData & { userId: string };
    mine.userId = 'someone-else';
    expect(((await promised.get(cached, 'sid-a')) as { userId: string }).userId).toBe('user-a');
  });

  it('forget a signed-out session at once, here and in the database', async () => {
    const { store } = countingStore();
    const cached = new CachedSessionStore(store, {
      ttlSeconds: TTL_SECONDS,
      touchAfterSeconds: TOUCH_AFTER_SECONDS,
    });
    await promised.set(cached, 'sid-b', session('user-b', new Date(Date.now() + 60_000)));
    expect(await promised.get(cached, 'sid-b')).toBeTruthy();
    await promised.destroy(cached, 'sid-b');
    expect(await promised.get(cached, 'sid-b')).toBeNull();
    expect(await rows().countDocuments({ _id: 'sid-b' })).toBe(0);
  });

  it('never answer a session past its expiry, which the database no longer answers either', async () => {
    const { store, reads } = countingStore();
    let now = Date.now();
    const cached = new CachedSessionStore(store, {
      ttlSeconds: TTL_SECONDS,
      touchAfterSeconds: TOUCH_AFTER_SECONDS,
      now: () => now,
    });
    await promised.set(cached, 'sid-c', session('user-c', new Date(now + 30_000)));
    expect(await promised.get(cached, 'sid-c')).toBeTruthy();
    // 31 s later by the cache's clock the entry has expired: the read goes to the database (whose clock is real and
    // still holds the row), and the answer is not remembered past its expiry.
    const before = reads();
    await promised.get(cached, 'sid-c');
    expect(reads()).toBe(before);
    now += 31_000;
    await promised.get(cached, 'sid-c');
    expect(reads()).toBe(before + 1);
    // A row already expired in the database is not answered by either.
    await promised.set(cached, 'sid-d', session('user-d', new Date(Date.now() - 1_000)));
    expect(await promised.get(store, 'sid-d')).toBeNull();
    expect(await promised.get(cached, 'sid-d')).toBeNull();
  });

  it('write a touch only when it is due, and then extend the remembered expiry as the row', async () => {
    const { store } = countingStore();
    let now = Date.now();
    const cached = new CachedSessionStore(store, {
      ttlSeconds: TTL_SECONDS,
      touchAfterSeconds: TOUCH_AFTER_SECONDS,
      now: () => now,
    });
    const first = new Date(now + 120_000);
    await promised.set(cached, 'sid-e', session('user-e', first));
    const rowExpiry = async () => (await rows().findOne({ _id: 'sid-e' }))?.expires.getTime();
    expect(await rowExpiry()).toBe(first.getTime());

    // Within touchAfter (by the store's real clock, too): nothing written, nothing changed.
    const s1 = (await promised.get(cached, 'sid-e')) as SessionData;
    await promised.touch(cached, 'sid-e', {
      ...s1,
      cookie: { ...s1.cookie, expires: new Date(now + 180_000) },
    });
    expect(await rowExpiry()).toBe(first.getTime());

    // Past touchAfter by the cache's clock: connect-mongo decides by the remembered lastModified, which the row's
    // own lastModified equals; make the row old enough too, then touch.
    await rows().updateOne({ _id: 'sid-e' }, { $set: { lastModified: new Date(now - 61_000) } } as never);
    const stale = (await promised.get(store, 'sid-e')) as SessionData;
    const later = new Date(now + 300_000);
    now += 61_000;
    const fresh = new CachedSessionStore(store, {
      ttlSeconds: TTL_SECONDS,
      touchAfterSeconds: TOUCH_AFTER_SECONDS,
      now: () => now,
    });
    await promised.get(fresh, 'sid-e');
    await promised.touch(fresh, 'sid-e', { ...stale, cookie: { ...stale.cookie, expires: later } });
    expect(await rowExpiry()).toBe(later.getTime());
  });
});
