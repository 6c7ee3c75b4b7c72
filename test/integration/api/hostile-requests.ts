// fast-check arbitraries for hostile requests: mutated and broken bodies, odd path segments and query strings.
import fc from 'fast-check';
import { hostileText } from './hostile-inputs';
import { DOC_TYPES } from '../../../src/documents';

type JsonObject = { [k: string]: unknown };

/** One random change that makes a valid body invalid (or, by chance, leaves it valid). */
export function mutated(body: JsonObject): fc.Arbitrary<unknown> {
  const leaves: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    leaves.push(path);
  };
  walk(body, []);
  const set = (
    root: unknown,
    path: string[],
    value: unknown,
    mode: 'replace' | 'add' | 'delete',
  ): unknown => {
    const copy: unknown = structuredClone(root);
    let parent: unknown = copy;
    for (const k of path.slice(0, -1)) parent = (parent as JsonObject)[k];
    const last = path.at(-1);
    if (typeof parent !== 'object' || parent === null) return value;
    const p = parent as JsonObject;
    if (mode === 'add') {
      const target = last === undefined ? p : p[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target))
        (target as JsonObject)[String(value)] = 1;
      else if (last !== undefined) p[last] = value;
    } else if (last !== undefined) {
      if (mode === 'delete') delete p[last];
      else p[last] = value;
    }
    return copy;
  };
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...leaves), fc.jsonValue({ maxDepth: 2 }))
      .map(([p, v]) => set(body, p, v, 'replace')),
    fc
      .tuple(
        fc.constantFrom(...leaves),
        fc.constantFrom('extra', '__proto__', 'constructor', '$set', 'snapshot', 'rev', 'id'),
      )
      .map(([p, k]) => set(body, p, k, 'add')),
    fc.constantFrom(...leaves.filter((p) => p.length > 0)).map((p) => set(body, p, null, 'delete')),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** Bodies that are not JSON, or are JSON cut short. */
export const brokenJson = (valid: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.nat({ max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.constantFrom(
      '{',
      '{"a":}',
      "{'single': 1}",
      '{"a":1,}',
      'NaN',
      '[1,2',
      '{"__proto__": {"admin": true}}',
      '\u0000{}',
      '{"a":"\\ud800"}',
      'null',
      '"str"',
      '1e999',
    ),
  );

/** Percent-encoding that survives lone surrogates (they become the invalid UTF-8 bytes ED A0 80). */
export function pct(s: string): string {
  const marked = s.replace(
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '\u0001LONE\u0001',
  );
  return encodeURIComponent(marked).replace(/%01LONE%01/g, '%ED%A0%80');
}

/** A path segment that is not a valid id, version number or document name. */
export const badSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '..',
    '%2e%2e',
    '..%2F..%2Fpackage.json',
    '%00',
    '0',
    '-1',
    '1.5',
    '1e3',
    '1000',
    'NaN',
    '%E0%B8',
    'review%00.docx',
    'mou.docx',
    'MOU',
    '%20mou',
    'x'.repeat(300),
    '507f1f77bcf86cd799439011',
    '00000000-0000-0000-0000-000000000000',
    '%7B%7Bx%7D%7D',
  ),
  // Random text can spell a real version number ("2") or document name, which rightly answers 200: not a bad segment.
  hostileText(4)
    .map(pct)
    .filter((s) => !/^[1-9]\d{0,2}$/.test(s) && !(DOC_TYPES as readonly string[]).includes(s)),
);

/** A query string with hostile keys and values. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'province',
          'state',
          'kind',
          'partnerCountry',
          'limit',
          'offset',
          'layout',
          '__proto__',
          'province[]',
          'limit[$gt]',
        ),
        hostileText(3),
      ),
      fc.oneof(
        hostileText(4),
        fc.constantFrom('-1', '0', '101', '1e2', 'chiang-mai', 'partnership', '{"$ne":null}', '.*'),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&'));
