// Pre-review and bilingual checks of an agreement's content: every rule, run in one pass, findings in a fixed order.
import type { AgreementContent } from '../agreement';
import { compareFindings, type Finding, type Rule, type Severity } from './finding';
import { GAZETTEER, type Gazetteer } from './gazetteer';
import { placesOf } from './places';
import { CLAUSE_RULES } from './rules-clauses';
import { CLOSING_RULES } from './rules-closing';
import { DATE_RULES } from './rules-dates';
import { COUNTRY_RULES } from './rules-countries';
import { HYGIENE_RULES } from './rules-hygiene';
import { NAME_RULES } from './rules-names';
import { ONE_CHINA_RULES } from './rules-one-china';
import { PARITY_RULES } from './rules-parity';
import { PARTNER_RULES } from './rules-partner';
import { WORDING_RULES } from './rules-wording';

export * from './finding';
export { GAZETTEER, lookUp, type Gazetteer, type GazetteerCountry, type GazetteerSide } from './gazetteer';
export { standardClosing } from './rules-closing';

/** Every rule MOU Engine checks, as data: id, severity, guideline, check. */
export const RULES: readonly Rule[] = [
  ...WORDING_RULES,
  ...CLAUSE_RULES,
  ...CLOSING_RULES,
  ...PARITY_RULES,
  ...PARTNER_RULES,
  ...DATE_RULES,
  ...HYGIENE_RULES,
  ...NAME_RULES,
  ...COUNTRY_RULES,
  ...ONE_CHINA_RULES,
];

export interface CheckOptions {
  /** Official names to check against; the shipped one unless an admin-maintained one is given. */
  gazetteer?: Gazetteer;
  /** A subset of RULES (or other rules); all of RULES by default. */
  rules?: readonly Rule[];
}

/** The findings on `content`: document, title, preamble, articles by number, closing; then rule id, language, text. */
export function checkContent(content: AgreementContent, options: CheckOptions = {}): Finding[] {
  const ctx = { content, gazetteer: options.gazetteer ?? GAZETTEER, places: placesOf(content) };
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    for (const hit of rule.check(ctx)) {
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        anchor: hit.anchor,
        lang: hit.lang,
        // The guideline closes every message: a reader sees why, and whose practice it is.
        message: {
          th: `${hit.message.th} (${rule.guideline.th})`,
          en: `${hit.message.en} (${rule.guideline.en})`,
        },
        ...(hit.excerpt !== undefined ? { excerpt: hit.excerpt } : {}),
        ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : {}),
      });
    }
  }
  return findings.sort(compareFindings);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

export const hasErrors = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.severity === 'error');
export * from './gazetteer-edits';
