// Page checks for the e2e walk: axe-core (WCAG 2.1 A/AA) and words of the other language in a page's visible text.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/** Runs axe-core in the page (injected from the npm package, nothing downloaded) and lists the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's own CSP (script-src 'self') stays as it is served.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: Document,
            o: object,
          ): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, WCAG21_AA);
}

/**
 * Latin words (in a Thai page) or Thai words (in an English page) of the visible text that is in the page's own
 * language — text inside an element marked with another `lang` (the English column of an agreement), names and codes
 * marked `translate="no"`, and the agreement's own text being edited in a textarea are skipped.
 */
export async function foreignWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      if (
        el.closest(
          'script, style, [hidden], [aria-hidden="true"], [translate="no"], code, kbd, samp, pre, textarea',
        )
      )
        continue;
      if (!el.checkVisibility()) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? pageLang;
      if (lang.slice(0, 2) !== pageLang) continue;
      const re = pageLang === 'th' ? /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g : /[\u0E00-\u0E7F]+/g;
      for (const m of n.textContent.matchAll(re)) found.push(m[0]);
    }
    return found;
  });
}

/** Names and codes that are the same in both languages: programs, file formats, standards, acronyms, user names. */
export const ALLOWED_LATIN = new Set([
  'MOU',
  'Engine',
  'SHA',
  'docx',
  'Word',
  'PDF',
  'CSV',
  'API',
  'OpenAPI',
  'JSON',
  'Bearer',
  'Sister',
  'City',
  'Friendship',
  'Partnership',
  'admin',
  'secretary',
  'officer',
  'reviewer',
  'cm',
  'bkk',
  'moi',
  'mfa',
  'demo',
]);
