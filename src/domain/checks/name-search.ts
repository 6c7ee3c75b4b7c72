// Finding names in text: informal forms (aliases) that stand outside any official name, longest first.
import type { Lang } from '../bilingual';
import { inSpans } from './gazetteer';

export interface NameHit {
  readonly alias: string;
  readonly index: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const straight = (s: string) => s.replace(/’/g, "'");

const wordPatterns = new Map<string, RegExp>();

/** A name as a whole word, either apostrophe ("People's" / "People’s"); built once per name. */
function wordPattern(name: string): RegExp {
  let re = wordPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\w'’-])${escape(straight(name)).replace(/'/g, "['’]")}(?![\\w'’-])`, 'g');
    wordPatterns.set(name, re);
  }
  return re;
}

/** English names match as whole words ("Korea", not "Korean"); Thai has no spaces between words, so any position. */
function positions(text: string, name: string, lang: Lang, straightText = straight(text)): number[] {
  // Most names are in no text: a plain search first spares the pattern.
  if (name === '' || !straightText.includes(straight(name))) return [];
  if (lang === 'en') return [...text.matchAll(wordPattern(name))].map((m) => m.index);
  const at: number[] = [];
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) at.push(i);
  return at;
}

/** Whether the `alias` found at `index` is part of one of `officials` written there ("Korea" in "Republic of Korea"). */
function insideOfficial(plain: string, index: number, alias: string, officials: readonly string[]): boolean {
  const a = straight(alias);
  for (const o of officials) {
    const name = straight(o);
    // Only a name that contains the alias can hold it: a handful, so no scan of the text for every official name.
    for (let k = name.indexOf(a); k >= 0; k = name.indexOf(a, k + 1)) {
      if (index - k >= 0 && plain.startsWith(name, index - k)) return true;
    }
  }
  return false;
}

/**
 * Occurrences of `aliases` in `text` that are not part of one of `officials` (so "Korea" inside "Republic of Korea",
 * "เซจง" inside "เขตปกครองตนเองพิเศษเซจง" do not count); a longer alias wins over a shorter one inside it. `taken`
 * holds the aliases found by earlier calls on the same text, and gets these added.
 */
export function aliasesIn(
  text: string,
  lang: Lang,
  aliases: readonly string[],
  officials: readonly string[],
  taken: [number, number][] = [],
): NameHit[] {
  const hits: NameHit[] = [];
  const plain = straight(text);
  for (const alias of [...aliases].sort((a, b) => b.length - a.length)) {
    for (const index of positions(text, alias, lang, plain)) {
      if (inSpans(taken, index, alias.length) || insideOfficial(plain, index, alias, officials)) continue;
      hits.push({ alias, index });
      taken.push([index, index + alias.length]);
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Whether any of `names` is in `text` (as a whole word in English). */
export function mentions(text: string, lang: Lang, names: readonly string[]): boolean {
  return names.some(
    (n) => n.trim() !== '' && positions(text, n.trim().replace(/^the /i, ''), lang).length > 0,
  );
}

/** Whether the word before `index` is "the" (so "Kingdom of Thailand" there needs none added). */
export function afterThe(text: string, index: number): boolean {
  return /\bthe\s+$/i.test(text.slice(Math.max(0, index - 5), index));
}
