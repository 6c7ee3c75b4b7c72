// Loads templates/ (manifest + .hbs) into an isolated Handlebars environment with the Thai/English helpers.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { englishDate, listLetter, parseIsoDate, thaiDate, toThaiDigits } from '../domain/thai-format';

export const DOC_TYPES = [
  'mou',
  'review',
  'redline',
  'comparison',
  'memo',
  'plan',
  'signing',
  'renewal',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

const Manifest = z
  .object({
    partials: z.record(z.string(), z.string()),
    fragments: z.record(z.string(), z.string()),
    /** Per document: a template per agreement kind, "*" for any kind. */
    documents: z.record(z.enum(DOC_TYPES), z.record(z.string(), z.string())),
  })
  .strict();
type Manifest = z.infer<typeof Manifest>;

/** The directory holding templates/manifest.json, found from this module upwards (works from src/ and dist/). */
export function templatesDir(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    if (dirname(dir) === dir) throw new Error('templates/manifest.json not found above ' + start);
  }
}

type Options = Handlebars.HelperOptions;
type Template = Handlebars.TemplateDelegate;

/** Whether the template asked for Thai digits (the `thaiNumerals` field of the root context). */
function thaiDigitsOn(options: Options): boolean {
  const root: unknown = options.data?.root;
  return typeof root === 'object' && root !== null && 'thaiNumerals' in root && root.thaiNumerals === true;
}

function dateOf(iso: unknown): ReturnType<typeof parseIsoDate> {
  return typeof iso === 'string' ? parseIsoDate(iso) : undefined;
}

function registerHelpers(hb: typeof Handlebars): void {
  /** A number in Thai text: Thai digits when the document asks for them. */
  hb.registerHelper('thNum', (n: unknown, options: Options) =>
    thaiDigitsOn(options) ? toThaiDigits(String(n)) : String(n),
  );
  /** "14 มีนาคม 2565" (Buddhist era); blank dots when the date is unknown. */
  hb.registerHelper('thaiDate', (iso: unknown, options: Options) => {
    const d = dateOf(iso);
    return d ? thaiDate(d, { thaiDigits: thaiDigitsOn(options) }) : '……………………';
  });
  hb.registerHelper('thaiDateShort', (iso: unknown, options: Options) => {
    const d = dateOf(iso);
    return d ? thaiDate(d, { short: true, thaiDigits: thaiDigitsOn(options) }) : '……………';
  });
  hb.registerHelper('enDate', (iso: unknown) => {
    const d = dateOf(iso);
    return d ? englishDate(d) : '……………………';
  });
  /** "ข้อ ๑" / "Article 1". */
  hb.registerHelper('articleNo', (no: unknown, lang: unknown, options: Options) =>
    lang === 'th'
      ? `ข้อ ${thaiDigitsOn(options) ? toThaiDigits(String(no)) : String(no)}`
      : `Article ${String(no)}`,
  );
  /** The n-th list letter (1-based): ก ข ค / a b c. */
  hb.registerHelper('listLetter', (n: unknown, lang: unknown) =>
    listLetter(Number(n), lang === 'th' ? 'th' : 'en'),
  );
  hb.registerHelper('inc', (n: unknown) => Number(n) + 1);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

export interface TemplateSet {
  document(doc: DocType, kind: string): Template;
  fragment(name: string): Template;
}

/** Compile every template once; the set is immutable afterwards and safe to share. */
export function loadTemplates(dir: string = templatesDir()): TemplateSet {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const manifest: Manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const compile = (file: string): Template =>
    hb.compile(readFileSync(join(dir, file), 'utf8'), { strict: true, preventIndent: true });
  for (const [name, file] of Object.entries(manifest.partials)) hb.registerPartial(name, compile(file));
  const docs = new Map<string, Template>();
  for (const [doc, byKind] of Object.entries(manifest.documents)) {
    for (const [kind, file] of Object.entries(byKind)) docs.set(`${doc}/${kind}`, compile(file));
  }
  const fragments = new Map(Object.entries(manifest.fragments).map(([name, file]) => [name, compile(file)]));
  return {
    document(doc, kind) {
      const t = docs.get(`${doc}/${kind}`) ?? docs.get(`${doc}/*`);
      if (!t) throw new Error(`templates/manifest.json has no template for ${doc} (${kind})`);
      return t;
    },
    fragment(name) {
      const t = fragments.get(name);
      if (!t) throw new Error(`templates/manifest.json has no fragment ${name}`);
      return t;
    },
  };
}

let shared: TemplateSet | undefined;
/** The templates shipped with MOU Engine, loaded on first use. */
export function defaultTemplates(): TemplateSet {
  shared ??= loadTemplates();
  return shared;
}
