// Which script a text is written in (Thai, Latin, and Hangul, Han, Kana for partner languages): the one detector the
// checks, the Word import and the pages use to tell a Thai text from an English one.
import type { Lang } from './bilingual';

export type Script = 'thai' | 'latin' | 'hangul' | 'han' | 'kana';

/** Character classes by Unicode block (the whole Thai block, so Thai digits and ฿ count as Thai). */
const RANGES: Readonly<Record<Script, string>> = {
  thai: '\\u0E00-\\u0E7F',
  latin: 'A-Za-z\\u00C0-\\u024F',
  hangul: '\\u1100-\\u11FF\\u3130-\\u318F\\uAC00-\\uD7AF',
  han: '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF',
  kana: '\\u3040-\\u30FF\\u31F0-\\u31FF',
};

/** In order of precedence when two scripts have as many letters: Thai first (see `mainScript`). */
export const SCRIPTS: readonly Script[] = ['thai', 'latin', 'hangul', 'han', 'kana'];

const ONE: Readonly<Record<Script, RegExp>> = {
  thai: new RegExp(`[${RANGES.thai}]`, 'u'),
  latin: new RegExp(`[${RANGES.latin}]`, 'u'),
  hangul: new RegExp(`[${RANGES.hangul}]`, 'u'),
  han: new RegExp(`[${RANGES.han}]`, 'u'),
  kana: new RegExp(`[${RANGES.kana}]`, 'u'),
};

/** The language of the agreement's text a script is written for (Thai and English today). */
const LANG_OF_SCRIPT: Readonly<Partial<Record<Script, Lang>>> = { thai: 'th', latin: 'en' };

/** Whether `text` holds at least one letter of `script`. */
export const hasScript = (text: string, script: Script): boolean => ONE[script].test(text);

/** Whether `text` holds at least one Thai character. */
export const hasThai = (text: string): boolean => ONE.thai.test(text);

/** Whether one character (possibly absent, as at the ends of a text) is Thai. */
export const isThaiChar = (ch: string | undefined): boolean => ch !== undefined && ONE.thai.test(ch);

/** How many characters of each script `text` holds. */
export function countScripts(text: string, among: readonly Script[] = SCRIPTS): Record<Script, number> {
  const counts: Record<Script, number> = { thai: 0, latin: 0, hangul: 0, han: 0, kana: 0 };
  for (const s of among) counts[s] = text.match(new RegExp(`[${RANGES[s]}]`, 'gu'))?.length ?? 0;
  return counts;
}

/**
 * The script most of the letters of `text` are in (of `among`); undefined when it has none (dots, digits,
 * punctuation). On a tie the earlier script of `among` wins: Thai text names foreign places in Latin letters now
 * and then, and English text rarely holds Thai.
 */
export function mainScript(text: string, among: readonly Script[] = SCRIPTS): Script | undefined {
  const counts = countScripts(text, among);
  let best: Script | undefined;
  for (const s of among) if (counts[s] > 0 && (best === undefined || counts[s] > counts[best])) best = s;
  return best;
}

/** The language of a text by its letters, Thai or English; undefined when it has no letters of either. */
export function langByLetters(text: string): Lang | undefined {
  const s = mainScript(text, ['thai', 'latin']);
  return s === undefined ? undefined : LANG_OF_SCRIPT[s];
}

/** The language a short text (a comment, a reply, a paragraph) is written in: Thai if it holds any Thai, else English. */
export const langOfText = (text: string): Lang => (hasThai(text) ? 'th' : 'en');

/** Runs of words in `script` (words joined by spaces), as a new global pattern for `matchAll`. */
export function scriptRuns(script: Script): RegExp {
  const r = RANGES[script];
  return new RegExp(`[${r}]+(?:\\s+[${r}]+)*`, 'gu');
}
