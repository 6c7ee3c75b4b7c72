// A tiny time-bounded cache for identity look-ups that happen on every request (token → user, id → user).
//
// This process clears entries on its own changes (revoke, disable, role change), so here they take effect
// at once; another app instance on the same MongoDB sees them within `ttlMs`.
export const IDENTITY_CACHE_MS = 5_000;

export class TtlCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number = IDENTITY_CACHE_MS,
    private readonly max = 10_000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.until <= now) {
      this.map.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, { value, until: now + this.ttlMs });
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}

const perConnection = new WeakMap<object, Map<string, TtlCache<unknown>>>();

/**
 * One cache per (database connection, name), shared by every service built on that connection in this process.
 * The first service to ask decides its lifetime.
 */
export function sharedCache<V>(connection: object, name: string, ttlMs = IDENTITY_CACHE_MS): TtlCache<V> {
  let caches = perConnection.get(connection);
  if (!caches) {
    caches = new Map();
    perConnection.set(connection, caches);
  }
  let c = caches.get(name);
  if (!c) {
    c = new TtlCache<unknown>(ttlMs);
    caches.set(name, c);
  }
  return c as TtlCache<V>;
}
