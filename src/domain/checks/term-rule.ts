// A rule made of words to find: per language a pattern, the contexts it does not count in, a message, a replacement.
import type { Bilingual, Lang } from '../bilingual';
import type { Rule, Severity } from './finding';
import { hitsPerText, matchesIn, times, type Place } from './places';

export interface TermSpec {
  readonly lang: Lang;
  readonly pattern: RegExp;
  /** False where the found text is not what the rule is about (a negation, part of a name…). */
  readonly counts?: (source: string, index: number, found: string) => boolean;
  readonly message: (found: string) => Bilingual;
  /** The replacement for the found text at this place, when there is one. */
  readonly suggest?: (found: string, place: Place) => string | undefined;
}

export interface TermRuleSpec {
  readonly id: string;
  readonly severity: Severity;
  readonly guideline: Bilingual;
  readonly terms: readonly TermSpec[];
}

export function termRule(spec: TermRuleSpec): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    guideline: spec.guideline,
    check: ({ places }) =>
      spec.terms.flatMap((t) =>
        hitsPerText(matchesIn(places, t.lang, t.pattern, t.counts), (m, count) => {
          const msg = t.message(m.text);
          const n = times(count);
          const replacement = t.suggest?.(m.text, m.place);
          return {
            message: { th: `${msg.th}${n.th}`, en: `${msg.en}${n.en}` },
            ...(replacement !== undefined ? { suggestion: { [t.lang]: replacement } } : {}),
          };
        }),
      ),
  };
}

/** "Shall" → "Will": a replacement keeps the found word's capital. */
export function sameCase(found: string, replacement: string): string {
  return /^[A-Z]/.test(found) ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}

/** The found text is negated in its sentence ("does not create … obligations", "ไม่มีผลผูกพัน"). */
export function negated(head: string, lang: Lang): boolean {
  return lang === 'th'
    ? /ไม่|มิได้|มิใช่|ปราศจาก/.test(head)
    : /\b(?:not|no|non|without|neither|nor|never|nothing)\b|n['’]t\b/i.test(head);
}
