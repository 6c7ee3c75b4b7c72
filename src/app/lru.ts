// What the in-process caches share: a map with a bound (the least recently used entry leaves first), and deep
// freezing of the values they hand to many callers.

/** Freezes v and everything it holds: a cached value shared by many callers can be read, never changed. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {
    if (!(max >= 1)) throw new RangeError(`an LRU needs room for at least one entry, not ${max}`);
  }

  get size(): number {
    return this.map.size;
  }

  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }

  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }

  delete(k: string): void {
    this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }
}
