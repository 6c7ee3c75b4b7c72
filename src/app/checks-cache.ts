// The pre-review checks run once per text and gazetteer, not once per view: findings kept by what they depend on.
import { sha256Hex, stableStringify, type AgreementContent } from '../domain';
import { checkContent, type Finding, type Gazetteer } from '../domain/checks';
import type { DraftingChecks } from './drafting-gate';
import type { VersionedGazetteer } from './gazetteer-service';
import { deepFreeze, Lru } from './lru';

export interface CachedChecksOptions {
  /** The gazetteer of the moment with its version (the admins' edits change both). */
  gazetteer: () => Promise<VersionedGazetteer>;
  /** The checks themselves (default: every rule, `checkContent`). */
  run?: (content: AgreementContent, gazetteer: Gazetteer) => Finding[];
  /** Most texts whose findings are kept (least recently used leave first). */
  max?: number;
}

// Records the read cache hands out are deeply frozen and shared, so their text is hashed once; a text that can
// still change (a form being edited) is hashed each time.
const hashes = new WeakMap<object, string>();

/** What the findings of a text depend on in the text: all of it, article keys included (findings name them). */
export function contentHash(content: AgreementContent): string {
  const known = hashes.get(content);
  if (known !== undefined) return known;
  const h = sha256Hex(stableStringify(content));
  if (Object.isFrozen(content)) hashes.set(content, h);
  return h;
}

/**
 * The checks, remembered by the text's hash and the gazetteer's version: a saved draft is a new text (a new key),
 * an admin's edit of the gazetteer a new version; nothing else changes the findings, so no entry is ever stale and
 * several app instances need not agree on anything. Findings are shared between callers and frozen.
 */
export function cachedChecks(o: CachedChecksOptions): DraftingChecks {
  const run = o.run ?? ((content, gazetteer) => checkContent(content, { gazetteer }));
  const kept = new Lru<Promise<Finding[]>>(o.max ?? 2000);
  return {
    async check(content) {
      const { version, gazetteer } = await o.gazetteer();
      const key = `${version}:${contentHash(content)}`;
      const hit = kept.get(key);
      if (hit) return hit;
      // The promise is kept at once, so views arriving together run the checks once.
      const findings = Promise.resolve().then(() => deepFreeze(run(content, gazetteer)));
      kept.set(key, findings);
      findings.catch(() => kept.delete(key));
      return findings;
    },
  };
}
