// What the stores of small records share: a collection by name on the app's connection, and an insert that leaves
// documents whose key is taken as they are (the keyed effects of a door subscriber delivered again).
import type { Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import { isDuplicateKeyError } from './errors';

export function collection<T extends Document>(conn: Connection, name: string): Collection<T> {
  const db = conn.db;
  if (!db) throw new Error('the database connection is not open');
  // mongoose carries its own copy of the driver's types; the collection is the same object.
  return db.collection<T>(name) as unknown as Collection<T>;
}

/**
 * Inserts, leaving documents whose key is taken as they are (an event delivered again); answers the ones inserted
 * now.
 */
export async function insertNew<T extends Document & { _id: string }>(
  c: Collection<T>,
  docs: T[],
): Promise<T[]> {
  if (docs.length === 0) return [];
  try {
    await c.insertMany(docs as never, { ordered: false });
    return docs;
  } catch (e) {
    // The driver gives one write error or a list of them, each with the index of its document.
    const given = (e as { writeErrors?: unknown }).writeErrors;
    const errors: unknown[] = Array.isArray(given) ? given : given ? [given] : [];
    const dup = (x: unknown) => isDuplicateKeyError(x) || isDuplicateKeyError((x as { err?: unknown }).err);
    if (errors.length === 0 || !errors.every(dup)) throw e;
    const taken = new Set(errors.map((x) => (x as { index?: number }).index));
    return docs.filter((_, i) => !taken.has(i));
  }
}
