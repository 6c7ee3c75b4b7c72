// A small in-memory LRU for rendered documents: bounded by entry count and by total bytes.

export interface SizedLru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
  readonly bytes: number;
}

/** Least recently used first out; `sizeOf` gives each value's weight in bytes. */
export function createLru<V>(maxEntries: number, maxBytes: number, sizeOf: (v: V) => number): SizedLru<V> {
  // A Map iterates in insertion order, so re-inserting on read keeps the most recent last.
  const map = new Map<string, V>();
  let bytes = 0;

  function evict(): void {
    while (map.size > maxEntries || (bytes > maxBytes && map.size > 1)) {
      const oldest = map.keys().next();
      if (oldest.done) return;
      const v = map.get(oldest.value);
      map.delete(oldest.value);
      if (v !== undefined) bytes -= sizeOf(v);
    }
  }

  return {
    get(key) {
      const v = map.get(key);
      if (v === undefined) return undefined;
      map.delete(key);
      map.set(key, v);
      return v;
    },
    set(key, value) {
      const old = map.get(key);
      if (old !== undefined) {
        map.delete(key);
        bytes -= sizeOf(old);
      }
      map.set(key, value);
      bytes += sizeOf(value);
      evict();
    },
    get size() {
      return map.size;
    },
    get bytes() {
      return bytes;
    },
  };
}
