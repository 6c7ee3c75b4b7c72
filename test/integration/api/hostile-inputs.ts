// fast-check arbitraries for hostile API input: nasty text, broken JSON, mutated bodies, odd paths and queries.
import fc from 'fast-check';
import type { AgreementContent } from '../../../src/domain';

/** Pieces that have broken text systems before: markup of every layer we use, controls, lone marks and surrogates. */
export const NASTY = [
  '{{constructor}}',
  '{{#each this}}x{{/each}}',
  '{{{body}}}',
  '{{> mou-body}}',
  '{{place.th}}',
  '{{!-- x --}}',
  '\\{{escaped}}',
  '<w:p><w:r><w:t>x</w:t></w:r></w:p>',
  ']]>',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY e "boom">]>',
  '&e;',
  '&amp;amp;',
  '<article data-no="9">',
  '<script>alert(1)</script>',
  '</th><en>',
  '"\'`',
  '\u0E31',
  '\u0E48\u0E49',
  '\u0E4C',
  '\u0E33',
  '\u0E40',
  '\u0E3A\u0E3A\u0E3A',
  'ก\u0E48\u0E48\u0E48\u0E48',
  '\u200B',
  '\u200E\u202E',
  '\uFEFF',
  '\u00A0',
  '\t',
  '\r\n',
  '\n\n',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u000B',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '\uD83D',
  '😀',
  '👩🏽‍⚖️',
  'e\u0301',
  '../../etc/passwd',
  '..\\..\\boot.ini',
  '%2e%2e%2f',
  '$where',
  '{"$gt": ""}',
  '__proto__',
  'constructor',
  'null',
  '',
  '   ',
  '๑๒๓',
  'ข้อ ๑',
  '2565',
  '\\',
  '\\u0000',
];

/** Text a user might type on a very bad day. */
export const hostileText = (maxLength = 12): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength }).map((a) => a.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: maxLength * 3 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: maxLength * 3 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: 'grapheme-ascii', maxLength }), fc.constantFrom(...NASTY))
        .map(([a, b]) => a + b),
    },
  );

/** The same text a bit larger now and then: up to, and just past, the 20 000-character limit of a field. */
export const hostileFieldText: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: hostileText() },
  { weight: 1, arbitrary: fc.constantFrom('ก'.repeat(20_000), 'ก'.repeat(20_001), '{{x}}'.repeat(4_001)) },
);

/** Every string leaf of a value, replaced through `f` (keys untouched). */
export function mapStrings<T>(value: T, f: (s: string, path: string) => string, path = ''): T {
  if (typeof value === 'string') return f(value, path) as T;
  if (Array.isArray(value)) return value.map((v, i) => mapStrings(v, f, `${path}.${i}`)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, `${path}.${k}`)]),
    ) as T;
  }
  return value;
}

/** Paths of the free-text fields of a content (not the kind, not area ids). */
const isFreeText = (path: string) => !/^\.(kind|areas)/.test(path);

/** Characters no document can hold (what the Text schema refuses), for texts meant to be storable. */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const storable = (s: string) => s.replace(XML_ILLEGAL, '');

/**
 * A content whose every free-text field is replaced or suffixed with hostile text. Most are storable (markup,
 * lone Thai marks, emoji… but no control characters), so that the round trip is exercised; the rest are not.
 */
export function hostileContent(base: AgreementContent): fc.Arbitrary<AgreementContent> {
  const paths: string[] = [];
  mapStrings(base, (s, p) => (isFreeText(p) && paths.push(p), s));
  return fc
    .tuple(
      fc.array(hostileFieldText, { minLength: paths.length, maxLength: paths.length }),
      fc.boolean(),
      fc.nat(3),
    )
    .map(([texts, keep, raw]) => {
      let i = 0;
      const next = () => (raw === 0 ? (texts[i++] ?? '') : storable(texts[i++] ?? ''));
      return mapStrings(base, (s, p) => (isFreeText(p) ? (keep ? s + next() : next()) : s));
    });
}
