// Versions: immutable, numbered snapshots of an agreement's content. A revision adds a version; none is edited.
import { z } from 'zod';
import { AgreementContent, AgreementContentInput } from './agreement';
import { stableStringify } from './canonical-json';

export const VersionAuthor = z.object({ userId: z.string(), name: z.string() }).strict();
export type VersionAuthor = z.infer<typeof VersionAuthor>;

export const Version = z
  .object({
    no: z.number().int().min(1),
    content: AgreementContent,
    author: VersionAuthor,
    /** ISO timestamp. */
    createdAt: z.string(),
  })
  .strict();
export type Version = z.infer<typeof Version>;

/** A version as stored before article keys: its articles may lack them (ensureArticleKeys assigns them on read). */
export const VersionInput = Version.extend({ content: AgreementContentInput }).strict();
export type VersionInput = z.infer<typeof VersionInput>;

/** Deep-freezes a value so that nothing downstream can edit an issued version in memory. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function makeVersion(
  previous: readonly Version[],
  content: AgreementContent,
  author: VersionAuthor,
  at: string,
): Version {
  const no = (previous.at(-1)?.no ?? 0) + 1;
  return deepFreeze({ no, content: structuredClone(content), author, createdAt: at });
}

export function latestVersion(versions: readonly Version[]): Version | undefined {
  return versions.at(-1);
}

/** Structural equality of two contents, independent of key order. */
export function sameContent(a: AgreementContent, b: AgreementContent): boolean {
  return stableStringify(a) === stableStringify(b);
}
