// Cookie sessions remembered in this process, for the database's single writer: a signed-in request reads no session
// from the database, while every write (sign-in, sign-out, a touch that is due) still goes to it first.
//
// Only where this process is the database's only writer (the embedded FerretDB, MOU_READ_CACHE): another instance's
// sign-out would not pass through here. What is remembered mirrors the stored row exactly — the session, its
// `lastModified` (connect-mongo's touchAfter) and its `expires` — so an answer from memory is the one the database
// would give, and an expired session is gone from both at the same moment.
import { Store, type SessionData } from 'express-session';
import { Lru } from '../app/lru';

type Callback<T = void> = (err?: unknown, value?: T) => void;
type Stored = SessionData & { lastModified?: Date };

interface Entry {
  session: Stored;
  /** When the stored row stops being answered (its `expires`). */
  expires: number;
}

export interface SessionCacheOptions {
  /** The store's lifetime of a session without a cookie expiry, in seconds (connect-mongo's `ttl`). */
  ttlSeconds: number;
  /** connect-mongo's `touchAfter`, in seconds: a touch within this time of the last write writes nothing. */
  touchAfterSeconds: number;
  max?: number;
  now?: () => number;
}

/** The store's `expires` of a session: its cookie's expiry, else now + ttl (as connect-mongo computes it). */
function expiresOf(s: SessionData, ttlSeconds: number, now: number): number {
  const cookieExpires = s.cookie?.expires;
  return cookieExpires ? new Date(cookieExpires).getTime() : now + ttlSeconds * 1000;
}

export class CachedSessionStore extends Store {
  private readonly entries: Lru<Entry>;
  private readonly now: () => number;

  constructor(
    private readonly inner: Store,
    private readonly o: SessionCacheOptions,
  ) {
    super();
    this.entries = new Lru<Entry>(o.max ?? 10_000);
    this.now = o.now ?? Date.now;
  }

  /** How many sessions are remembered (for tests). */
  get size(): number {
    return this.entries.size;
  }

  get(sid: string, cb: Callback<SessionData | null>): void {
    const hit = this.entries.get(sid);
    if (hit && hit.expires > this.now()) {
      cb(null, structuredClone(hit.session));
      return;
    }
    if (hit) this.entries.delete(sid);
    this.inner.get(sid, (err, session) => {
      if (!err && session) {
        // The session's own cookie expiry is never later than the row's (touches only move the row's on), so an
        // entry never outlives the row it mirrors.
        const stored = structuredClone(session as Stored);
        this.entries.set(sid, { session: stored, expires: expiresOf(stored, this.o.ttlSeconds, this.now()) });
      }
      cb(err, session ?? null);
    });
  }

  set(sid: string, session: SessionData, cb?: Callback): void {
    this.entries.delete(sid);
    this.inner.set(sid, session, (err) => {
      if (!err) {
        const now = this.now();
        const stored: Stored = structuredClone(session);
        if (this.o.touchAfterSeconds > 0) stored.lastModified = new Date(now);
        this.entries.set(sid, { session: stored, expires: expiresOf(stored, this.o.ttlSeconds, now) });
      }
      cb?.(err);
    });
  }

  destroy(sid: string, cb?: Callback): void {
    this.entries.delete(sid);
    this.inner.destroy(sid, (err) => cb?.(err));
  }

  override touch(sid: string, session: SessionData, cb?: Callback): void {
    const touch = this.inner.touch?.bind(this.inner);
    if (!touch) {
      cb?.();
      return;
    }
    touch(sid, session, (err?: unknown) => {
      const hit = this.entries.get(sid);
      if (err || !hit) {
        // Not found there (swept, or signed out meanwhile): not remembered here either.
        this.entries.delete(sid);
      } else {
        // As the store decided: a touch within touchAfter of the last write wrote nothing.
        const now = this.now();
        const last = hit.session.lastModified ? new Date(hit.session.lastModified).getTime() : 0;
        const skipped =
          this.o.touchAfterSeconds > 0 && last > 0 && now - last < this.o.touchAfterSeconds * 1000;
        if (!skipped) {
          if (this.o.touchAfterSeconds > 0) hit.session.lastModified = new Date(now);
          hit.expires = expiresOf(session, this.o.ttlSeconds, now);
        }
      }
      cb?.(err);
    });
  }
}
