// The places of an agreement's text that checks read (title, preamble, each heading and text, closing), and scanning.
import type { AgreementContent } from '../agreement';
import type { Bilingual, Lang } from '../bilingual';
import type { FindingAnchor, Hit, Place, PlacePart } from './finding';

export type { Place, PlacePart };

/** Every place in reading order; a closing left out (the template's standard one is printed) is not a place. */
export function placesOf(c: AgreementContent): Place[] {
  const places: Place[] = [
    { anchor: { kind: 'title' }, part: 'title', text: c.title },
    { anchor: { kind: 'preamble' }, part: 'preamble', text: c.preamble },
  ];
  for (const a of c.articles) {
    const anchor: FindingAnchor = { kind: 'article', no: a.no, key: a.key };
    places.push({ anchor, part: 'heading', text: a.heading }, { anchor, part: 'text', text: a.text });
  }
  if (c.closing) places.push({ anchor: { kind: 'closing' }, part: 'closing', text: c.closing });
  return places;
}

/** How a place is named inside a message ("the heading of article 3"). */
export function placeLabel(p: Place): Bilingual {
  const no = p.anchor.kind === 'article' ? p.anchor.no : 0;
  switch (p.part) {
    case 'title':
      return { th: 'ชื่อบันทึกความเข้าใจ', en: 'the title' };
    case 'preamble':
      return { th: 'อารัมภบท', en: 'the preamble' };
    case 'heading':
      return { th: `หัวข้อของข้อ ${no}`, en: `the heading of article ${no}` };
    case 'text':
      return { th: `ข้อ ${no}`, en: `article ${no}` };
    case 'closing':
      return { th: 'ข้อความท้ายบันทึก', en: 'the closing' };
  }
}

export interface Match {
  readonly place: Place;
  readonly lang: Lang;
  readonly index: number;
  readonly text: string;
}

/** Matches of `re` (made global here) in one language of the places; `keep` may drop one by its context. */
export function matchesIn(
  places: readonly Place[],
  lang: Lang,
  re: RegExp,
  keep: (source: string, index: number, found: string) => boolean = () => true,
): Match[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: Match[] = [];
  for (const place of places) {
    const source = place.text[lang];
    for (const m of source.matchAll(g)) {
      if (keep(source, m.index, m[0])) out.push({ place, lang, index: m.index, text: m[0] });
    }
  }
  return out;
}

const anchorId = (a: FindingAnchor) => (a.kind === 'article' ? `article:${a.key}` : a.kind);

/**
 * One hit per anchor, language and distinct text found: a word used five times in an article is one finding,
 * whose excerpt is the text and whose message says how often (a suggestion then replaces every occurrence).
 */
export function hitsPerText(
  matches: readonly Match[],
  hit: (m: Match, count: number) => Omit<Hit, 'anchor' | 'lang' | 'excerpt'>,
): Hit[] {
  const groups = new Map<string, { first: Match; count: number }>();
  for (const m of matches) {
    const id = `${anchorId(m.place.anchor)}\u0000${m.lang}\u0000${m.text}`;
    const g = groups.get(id);
    if (g) g.count++;
    else groups.set(id, { first: m, count: 1 });
  }
  return [...groups.values()].map(({ first, count }) => ({
    anchor: first.place.anchor,
    lang: first.lang,
    excerpt: first.text,
    ...hit(first, count),
  }));
}

/** " (3 times)" when a text was found more than once at one anchor. */
export function times(count: number): Bilingual {
  return count > 1 ? { th: ` (${count} แห่ง)`, en: ` (${count} times)` } : { th: '', en: '' };
}

/** The part of `source` before `index` back to the start of its sentence (English) or clause window (Thai). */
export function before(source: string, index: number, lang: Lang): string {
  const head = source.slice(0, index);
  if (lang === 'th') return head.slice(-40);
  const stop = Math.max(head.lastIndexOf('.'), head.lastIndexOf(';'), head.lastIndexOf(':'));
  return head.slice(stop + 1);
}

/** A text with its {{…}} placeholders blanked (kept the same length, so indices still point into the original). */
export function withoutPlaceholders(s: string): string {
  return s.replace(/\{\{[^}]*\}\}/g, (m) => ' '.repeat(m.length));
}
