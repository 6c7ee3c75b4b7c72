// The draft editor's form: field names ↔ agreement content, and the article operations (add, remove, move). The
// partner's-language column is in partner-form.ts.
import { derivedArticleKey, type AgreementContent, type Bilingual } from '../../domain';
import { field } from '../validate';
import {
  NO_PARTNER_TEXT,
  partnerArticleBlank,
  partnerArticleFromBody,
  partnerFormOf,
  partnerFromBody,
  partnerTextOf,
  type PartnerArticleForm,
  type PartnerForm,
} from './partner-form';
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
  /**
   * The partner's-language column (blank: the agreement has no partner text). Undefined only when a posted form
   * carried no such fields at all (an older page): the saved partner text is then kept as it is.
   */
  partnerText?: PartnerForm;
}

/** `key` is the article's identity, carried in a hidden field; '' for an article added since the last save. */
export interface ArticleForm {
  key: string;
  heading: Bilingual;
  text: Bilingual;
  /** Its partner-language heading and text. */
  partner?: PartnerArticleForm;
  /** The stale language the person has checked ('th' or 'en'), sent with a save to lift the parity lock. */
  confirm?: string;
}

export type ArticleOp =
  | { op: 'save' }
  | { op: 'check' }
  /** Shows the partner's-language column for the language just given (nothing is saved). */
  | { op: 'partner' }
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
  const partnerArticles = new Map((c.partnerText?.articles ?? []).map((a) => [a.key, a]));
  return {
    kind: c.kind,
    areas: [...c.areas],
    title: c.title,
    preamble: c.preamble,
    closing: c.closing ?? EMPTY,
    thai: party(c.parties.thai),
    partner: party(c.parties.partner),
    articles: c.articles.map((a) => {
      const p = partnerArticles.get(a.key);
      return {
        key: a.key,
        heading: a.heading,
        text: a.text,
        partner: { heading: p?.heading ?? '', text: p?.text ?? '' },
      };
    }),
    partnerText: partnerFormOf(c.partnerText),
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
    partnerText: NO_PARTNER_TEXT,
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
  const partnerText = partnerFromBody(body);
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
      ...(partnerText ? { partner: partnerArticleFromBody(body, i) } : {}),
      ...(/^(th|en)$/.test(field(body, `articles.${i}.confirm`))
        ? { confirm: field(body, `articles.${i}.confirm`) }
        : {}),
    })),
    ...(partnerText ? { partnerText } : {}),
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
 * An article added since the last save has no key yet, but its partner text must name one: derived from what the
 * article says and where it is, so the same form gives the same key.
 */
function keyOf(a: ArticleForm, i: number): string | undefined {
  if (a.key) return a.key;
  if (partnerArticleBlank(a.partner)) return undefined;
  return derivedArticleKey('editor', i, a.heading.th, a.heading.en, a.partner?.heading ?? '');
}

/**
 * The content to save (validated by the service); the action plan, which this form does not edit, is kept. A new
 * article goes without a key (the service gives it one when it is saved), unless it has partner text.
 */
export function contentFromForm(
  f: ContentForm,
  keep?: Pick<AgreementContent, 'actionPlan' | 'partnerText'>,
): unknown {
  // Without a column in the form (an older page), what was saved is kept.
  const partnerText = f.partnerText
    ? partnerTextOf(f.partnerText, f.articles, (i) => {
        const a = f.articles[i];
        return a ? keyOf(a, i) : undefined;
      })
    : keep?.partnerText;
  return {
    kind: f.kind,
    parties: { thai: partyContent(f.thai), partner: partyContent(f.partner) },
    areas: f.areas,
    title: f.title,
    preamble: f.preamble,
    articles: f.articles.map((a, i) => {
      const key = keyOf(a, i);
      return { no: i + 1, ...(key ? { key } : {}), heading: a.heading, text: a.text };
    }),
    ...(filled(f.closing) ? { closing: f.closing } : {}),
    ...(keep?.actionPlan ? { actionPlan: keep.actionPlan } : {}),
    ...(partnerText ? { partnerText } : {}),
  };
}

export function parseOp(value: string): ArticleOp {
  if (value === 'add' || value === 'check' || value === 'insert' || value === 'partner') return { op: value };
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
    case 'partner':
    case 'fix':
    case 'reset':
    case 'insert':
      // The drafting operations need the findings and the clause library: src/http/pages/drafting.ts.
      return f;
    case 'add':
      if (articles.length < MAX_ARTICLES)
        articles.push({ key: '', heading: EMPTY, text: EMPTY, partner: { heading: '', text: '' } });
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
