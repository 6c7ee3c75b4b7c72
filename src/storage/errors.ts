// Recognises database failures so the layers above can map them to domain errors and HTTP statuses.
export function isDuplicateKeyError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 11000;
}

const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongooseServerSelectionError',
]);

/** True for "the database is not reachable right now" (→ 503 with Retry-After), not for bad queries. */
export function isDatabaseUnavailable(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const name = (e as { name?: unknown }).name;
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  const msg = (e as { message?: unknown }).message;
  return (
    typeof msg === 'string' &&
    /(buffering timed out|Client must be connected|connection .* closed|ECONNREFUSED|Connection pool .* cleared)/i.test(
      msg,
    )
  );
}
