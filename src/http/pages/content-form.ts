// The draft editor's form: field names ↔ agreement content, and the article operations (add, remove, move).
import type { AgreementContent, Bilingual } from '../../domain';
import { field } from '../validate';
import { formValues } from './shared';

export interface PartyForm {
  name: Bilingual;
  country: Bilingual;
  signatoryTitle: Bilingual;
  signatoryName: Bilingual;
  language: Bilingual;
  nativeName: string;
}

export interface ContentForm {
  kind: string;
  areas: string[];
  title: Bilingual;
  preamble: Bilingual;
  closing: Bilingual;
  thai: PartyForm;
  partner: PartyForm;
  articles: ArticleForm[];
}

/** `key` is the article's identity, carried in a hidden field; '' for an article added since the last save. */
export interface ArticleForm {
  key: string;
  heading: Bilingual;
  text: Bilingual;
  /** The stale language the person has checked ('th' or 'en'), sent with a save to lift the parity lock. */
  confirm?: string;
}

export type ArticleOp =
  | { op: 'save' }
  | { op: 'check' }
  | { op: 'fix'; value: string }
  | { op: 'reset'; index: number }
  | { op: 'insert' }
  | { op: 'add' }
  | { op: 'remove'; index: number }
  | { op: 'up'; index: number }
  | { op: 'down'; index: number };

const EMPTY: Bilingual = { th: '', en: '' };
const MAX_ARTICLES = 200;

function party(p: AgreementContent['parties']['thai']): PartyForm {
  return {
    name: p.name,
    country: p.country,
    signatoryTitle: p.signatory.title,
    signatoryName: { th: p.signatory.name?.th ?? '', en: p.signatory.name?.en ?? '' },
    language: p.language ?? EMPTY,
    nativeName: p.nativeName ?? '',
  };
}

export function formFromContent(c: AgreementContent): ContentForm {
  return {
    kind: c.kind,
    areas: [...c.areas],
    title: c.title,
    preamble: c.preamble,
    closing: c.closing ?? EMPTY,
    thai: party(c.parties.thai),
    partner: party(c.parties.partner),
    articles: c.articles.map((a) => ({ key: a.key, heading: a.heading, text: a.text })),
  };
}

export function emptyForm(): ContentForm {
  const p: PartyForm = {
    name: EMPTY,
    country: EMPTY,
    signatoryTitle: EMPTY,
    signatoryName: EMPTY,
    language: EMPTY,
    nativeName: '',
  };
  return {
    kind: 'sister',
    areas: [],
    title: EMPTY,
    preamble: EMPTY,
    closing: EMPTY,
    thai: p,
    partner: p,
    articles: [{ key: '', heading: EMPTY, text: EMPTY }],
  };
}

const bi = (body: unknown, name: string): Bilingual => ({
  th: field(body, `${name}.th`),
  en: field(body, `${name}.en`),
});

function partyFromBody(body: unknown, side: 'thai' | 'partner'): PartyForm {
  return {
    name: bi(body, `${side}.name`),
    country: bi(body, `${side}.country`),
    signatoryTitle: bi(body, `${side}.signatoryTitle`),
    signatoryName: bi(body, `${side}.signatoryName`),
    language: bi(body, `${side}.language`),
    nativeName: field(body, `${side}.nativeName`),
  };
}

/** Articles are posted as articles.<i>.heading.th …; their order is the order of <i>. */
function articleIndexes(body: unknown): number[] {
  if (typeof body !== 'object' || body === null) return [];
  const found = new Set<number>();
  for (const k of Object.keys(body)) {
    const m = /^articles\.(\d{1,3})\./.exec(k);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b).slice(0, MAX_ARTICLES);
}

export function formFromBody(body: unknown): ContentForm {
  return {
    kind: field(body, 'kind'),
    areas: formValues(body, 'areas'),
    title: bi(body, 'title'),
    preamble: bi(body, 'preamble'),
    closing: bi(body, 'closing'),
    thai: partyFromBody(body, 'thai'),
    partner: partyFromBody(body, 'partner'),
    articles: articleIndexes(body).map((i) => ({
      key: field(body, `articles.${i}.key`).trim(),
      heading: bi(body, `articles.${i}.heading`),
      text: bi(body, `articles.${i}.text`),
      ...(/^(th|en)$/.test(field(body, `articles.${i}.confirm`))
        ? { confirm: field(body, `articles.${i}.confirm`) }
        : {}),
    })),
  };
}

const filled = (b: Bilingual) => b.th.trim() !== '' || b.en.trim() !== '';

function partyContent(p: PartyForm) {
  return {
    name: p.name,
    country: p.country,
    signatory: { title: p.signatoryTitle, ...(filled(p.signatoryName) ? { name: p.signatoryName } : {}) },
    ...(filled(p.language) ? { language: p.language } : {}),
    ...(p.nativeName.trim() ? { nativeName: p.nativeName } : {}),
  };
}

/**
 * The content to save (validated by the service); the action plan, which this form does not edit, is kept. A new
 * article goes without a key: the service gives it one when it is saved.
 */
export function contentFromForm(f: ContentForm, keep?: Pick<AgreementContent, 'actionPlan'>): unknown {
  return {
    kind: f.kind,
    parties: { thai: partyContent(f.thai), partner: partyContent(f.partner) },
    areas: f.areas,
    title: f.title,
    preamble: f.preamble,
    articles: f.articles.map((a, i) => ({
      no: i + 1,
      ...(a.key ? { key: a.key } : {}),
      heading: a.heading,
      text: a.text,
    })),
    ...(filled(f.closing) ? { closing: f.closing } : {}),
    ...(keep?.actionPlan ? { actionPlan: keep.actionPlan } : {}),
  };
}

export function parseOp(value: string): ArticleOp {
  if (value === 'add' || value === 'check' || value === 'insert') return { op: value };
  if (value.startsWith('fix:')) return { op: 'fix', value };
  const m = /^(remove|up|down|reset):(\d{1,3})$/.exec(value);
  if (m?.[1] === 'remove' || m?.[1] === 'up' || m?.[1] === 'down' || m?.[1] === 'reset')
    return { op: m[1], index: Number(m[2]) };
  return { op: 'save' };
}

/** The parity-lock confirmations a save carries: "<key>:<lang>" for each article whose stale language was checked. */
export function confirmationsOf(f: ContentForm): string[] {
  return f.articles.flatMap((a) => (a.key && a.confirm ? [`${a.key}:${a.confirm}`] : []));
}

/**
 * Applies an article operation to the form (nothing is saved: the user saves when ready). Each article keeps its
 * key through moves; a removed article takes its key with it; an added one has none until it is saved.
 */
export function applyOp(f: ContentForm, o: ArticleOp): ContentForm {
  const articles = [...f.articles];
  switch (o.op) {
    case 'save':
    case 'check':
    case 'fix':
    case 'reset':
    case 'insert':
      // The drafting operations need the findings and the clause library: src/http/pages/drafting.ts.
      return f;
    case 'add':
      if (articles.length < MAX_ARTICLES) articles.push({ key: '', heading: EMPTY, text: EMPTY });
      break;
    case 'remove':
      articles.splice(o.index, 1);
      break;
    case 'up':
    case 'down': {
      const j = o.op === 'up' ? o.index - 1 : o.index + 1;
      const [a, b] = [articles[o.index], articles[j]];
      if (a && b) [articles[o.index], articles[j]] = [b, a];
      break;
    }
  }
  return { ...f, articles };
}
