// Compose: validated input → template context → markup (Handlebars, normal escaping) → document model.
import type { AgreementContent, Article, Party } from '../domain/agreement';
import type { Bilingual } from '../domain/bilingual';
import { findArea } from '../domain/catalogue/areas';
import { findProvince, provinceByName } from '../domain/catalogue/provinces';
import type { Comment, CommentAnchor } from '../domain/comment';
import type { SigningSignatory } from '../domain/signing';
import { englishDate, parseIsoDate, thaiDate } from '../domain/thai-format';
import { counterparts } from './align';
import { FIXED_DATE, type ValidRenderInput } from './input';
import { keyedTexts } from './keyed-input';
import { parseMarkup } from './markup';
import type { DocModel } from './model';
import { commentNotes } from './notes';
import { partnerArticleCtx, partnerCtx, partnerOfModel, partnerSignatureCtx } from './partner-context';
import { mergeRedline } from './redline';
import type { DocType, TemplateSet } from './templates';

const EMPTY = '……………………';

/** Fill only the known placeholders of a closing clause; any other `{{…}}` stays as literal text. */
export function fillClosing(
  text: string,
  lang: 'th' | 'en',
  place: string | undefined,
  date: string | undefined,
): string {
  return text.replace(/\{\{\s*(place|date)\.(th|en)\s*\}\}/g, (m, what: string, l: string) => {
    if (l !== lang) return m;
    return (what === 'place' ? place : date) ?? EMPTY;
  });
}

/** Anchors and block keys are the article's key, so comments and changes follow an article that moved. */
const articleAnchor = (key: string) => `article:${key}`;

/** `key` pairs the block across versions (redline); `anchor` is where comments on the article attach. */
function articleCtx(c: AgreementContent, a: Article, key: string) {
  return {
    no: a.no,
    key,
    anchor: articleAnchor(a.key),
    heading: a.heading,
    text: a.text,
    partner: partnerArticleCtx(c, a),
  };
}

function signatoryCtx(p: Party) {
  return {
    name: { th: p.signatory.name?.th ?? null, en: p.signatory.name?.en ?? null },
    title: p.signatory.title,
  };
}

/** Which party a text names first: the Thai party, or the partner (the English original of layout `separate`). */
type PartyOrder = 'thai-first' | 'partner-first';

/** Everything a template may read; every field is present (null when absent) because templates compile strict. */
function baseContext(
  input: ValidRenderInput,
  content: AgreementContent,
  keys: (a: Article) => string,
  order: PartyOrder = 'thai-first',
) {
  const meta = input.meta ?? {};
  const thai = content.parties.thai;
  const parties = {
    thai: { ...thai, signatory: signatoryCtx(thai) },
    partner: { ...content.parties.partner, signatory: signatoryCtx(content.parties.partner) },
  };
  const ordered = order === 'thai-first' ? [thai, content.parties.partner] : [content.parties.partner, thai];
  const province = (meta.province ? findProvince(meta.province) : undefined) ?? provinceByName(thai.name.th);
  return {
    thaiNumerals: (meta.numerals ?? 'thai') === 'thai',
    numerals: meta.numerals ?? 'thai',
    draft: isDraft(input.doc, meta.final === true),
    versionNo: input.versionNo,
    previousVersionNo: Math.max(1, input.versionNo - 1),
    kind: content.kind,
    title: content.title,
    preamble: content.preamble,
    parties,
    /** The party a text names first and second (titles); signature columns follow the same order. */
    firstParty: order === 'thai-first' ? parties.thai : parties.partner,
    secondParty: order === 'thai-first' ? parties.partner : parties.thai,
    signatories: ordered.map((p) => {
      const side = p === thai ? 'thai' : 'partner';
      return { ...signatureCtx(p, signedBy(meta, side)), partner: partnerSignatureCtx(content, side) };
    }),
    areas: content.areas.map((id, i) => ({ no: i + 1, ...(findArea(id)?.label ?? { th: id, en: id }) })),
    articles: content.articles.map((a) => articleCtx(content, a, keys(a))),
    partner: partnerCtx(content, input),
    closing: content.closing ? closingCtx(content.closing, input) : null,
    actionPlan: (content.actionPlan ?? []).map((item, i) => ({
      no: i + 1,
      area: findArea(item.area)?.label ?? { th: item.area, en: item.area },
      activity: item.activity,
      timeline: item.timeline,
      responsible: item.responsible,
    })),
    /** The document's own date; null prints as a blank to fill in (the clock is never read). */
    date: meta.date ?? null,
    committee: meta.committee ?? null,
    renewal: meta.renewal ?? null,
    signing: { place: meta.signing?.place ?? null, date: meta.signing?.date ?? null },
    province: province ? { name: province.name, committee: meta.committeeName ?? province.committee } : null,
    provinceShort: { th: thai.name.th.replace(/^จังหวัด/, ''), en: thai.name.en.replace(/ Province$/, '') },
    memo: {
      office: meta.memo?.office ?? null,
      ref: meta.memo?.ref ?? null,
      to: meta.memo?.to ?? null,
      signer: meta.memo?.signer ?? null,
    },
    comparison: [] as ReturnType<typeof comparisonRows>,
  };
}

/** Who signed for a side, as recorded at signing (only the signing copy of the signed version carries it). */
function signedBy(meta: NonNullable<ValidRenderInput['meta']>, side: 'thai' | 'partner') {
  return meta.signing?.signatories?.[side];
}

/** A signature column: the recorded signatory (name, office, on whose behalf) once signed, else the draft's. */
function signatureCtx(p: Party, signed: SigningSignatory | undefined) {
  return {
    name: p.name,
    person: {
      th: signed?.name.th ?? p.signatory.name?.th ?? null,
      en: signed?.name.en ?? p.signatory.name?.en ?? null,
    },
    office: signed?.title ?? p.signatory.title,
    onBehalfOf:
      signed?.capacity === 'on-behalf' && signed.onBehalfOf
        ? // An office is named with its article in English: "On behalf of the Governor of …".
          { th: signed.onBehalfOf.th, en: signed.onBehalfOf.en.replace(/^(?!the )/i, 'the ') }
        : null,
  };
}

function closingCtx(closing: Bilingual, input: ValidRenderInput): Bilingual {
  const s = input.meta?.signing;
  const date = s?.date;
  return {
    th: fillClosing(closing.th, 'th', s?.place?.th, date ? thaiDateText(date, input) : undefined),
    en: fillClosing(closing.en, 'en', s?.place?.en, date ? englishDateText(date) : undefined),
  };
}

// Dates inside the closing are plain text (the closing is user text), so they are formatted here, not by a helper.
function thaiDateText(iso: string, input: ValidRenderInput): string | undefined {
  const d = parseIsoDate(iso);
  return d ? thaiDate(d, { thaiDigits: (input.meta?.numerals ?? 'thai') === 'thai' }) : undefined;
}
function englishDateText(iso: string): string | undefined {
  const d = parseIsoDate(iso);
  return d ? englishDate(d) : undefined;
}

function isDraft(doc: DocType, final: boolean): boolean {
  switch (doc) {
    case 'review':
    case 'redline':
    case 'comparison':
      return true;
    case 'mou':
    case 'plan':
      return !final;
    case 'memo':
    case 'signing':
    case 'renewal':
      return false;
  }
}

const ANCHOR_ORDER: Record<CommentAnchor['kind'], number> = { document: 0, preamble: 1, article: 2 };

/**
 * Comparison table rows: one per comment, in document order (whole document, preamble, articles). A comment on an
 * article finds it by key in the previous version, and its revised text in the article that one became.
 */
function comparisonRows(previous: AgreementContent, current: AgreementContent, comments: readonly Comment[]) {
  const match = counterparts(previous.articles, current.articles);
  const text = (c: AgreementContent, a: CommentAnchor, art: Article | undefined): Bilingual | null => {
    if (a.kind === 'document') return c.title;
    if (a.kind === 'preamble') return c.preamble;
    return art ? { th: `${art.heading.th}\n${art.text.th}`, en: `${art.heading.en}\n${art.text.en}` } : null;
  };
  const sorted = comments
    .map((c, i) => ({ c, i }))
    .sort((x, y) => {
      const ax = x.c.anchor;
      const ay = y.c.anchor;
      const k = ANCHOR_ORDER[ax.kind] - ANCHOR_ORDER[ay.kind];
      if (k !== 0) return k;
      const n = (ax.kind === 'article' ? ax.no : 0) - (ay.kind === 'article' ? ay.no : 0);
      return n !== 0 ? n : x.i - y.i;
    });
  return sorted.map(({ c }) => {
    const a = c.anchor;
    const key = a.kind === 'article' ? a.key : undefined;
    const was = key !== undefined ? previous.articles.find((x) => x.key === key) : undefined;
    // A comment made on the current text itself (not the previous one) still finds its article by key.
    const now =
      key === undefined ? undefined : was ? match.get(was.key) : current.articles.find((x) => x.key === key);
    return {
      anchor: { kind: a.kind, no: a.kind === 'article' ? (was?.no ?? a.no) : null, newNo: now?.no ?? null },
      previous: text(previous, a, was),
      comment: c.text,
      author: c.author.organisation,
      revised: text(current, a, now),
      response: { th: c.response?.th ?? null, en: c.response?.en ?? null },
    };
  });
}

function render(
  templates: TemplateSet,
  doc: DocType,
  kind: string,
  ctx: object,
): ReturnType<typeof parseMarkup> {
  return parseMarkup(templates.document(doc, kind)(ctx));
}

/** Build the document model for a validated input. */
export function compose(input: ValidRenderInput, templates: TemplateSet): DocModel {
  const keyed = keyedTexts(input);
  const { content, comments } = keyed;
  const meta = input.meta ?? {};
  const date = meta.date ?? FIXED_DATE;
  const ctx = baseContext(input, content, (a) => articleAnchor(a.key));
  if (input.doc === 'comparison')
    ctx.comparison = comparisonRows(keyed.previous ?? content, content, comments);
  const parsed = render(templates, input.doc, content.kind, ctx);
  let blocks = parsed.blocks;
  if (input.doc === 'redline') {
    const previous = keyed.previous ?? content;
    const match = counterparts(previous.articles, content.articles);
    const prevCtx = baseContext(input, previous, (a) => {
      const to = match.get(a.key);
      return to !== undefined ? articleAnchor(to.key) : `removed-article:${a.key}`;
    });
    blocks = mergeRedline(
      render(templates, 'redline', previous.kind, prevCtx).blocks,
      blocks,
      content.partnerText?.lang ?? previous.partnerText?.lang,
    );
  }
  // Layout separate: the English original names the partner first, so it is composed a second time in that order.
  const counterpart =
    input.layout === 'separate'
      ? render(templates, input.doc, content.kind, {
          ...baseContext(input, content, (a) => articleAnchor(a.key), 'partner-first'),
          comparison: ctx.comparison,
        }).blocks
      : undefined;
  const notes = input.doc === 'review' ? commentNotes(comments, content, templates, date) : [];
  return {
    title: parsed.title,
    created: `${date}T00:00:00Z`,
    ...(parsed.mark ? { mark: parsed.mark } : {}),
    ...(parsed.landscape ? { landscape: true } : {}),
    thaiNumerals: parsed.thaiNumerals,
    blocks,
    ...(content.partnerText ? { partner: partnerOfModel(content, input) } : {}),
    ...(counterpart ? { counterpart } : {}),
    notes,
    identity: {
      doc: input.doc,
      layout: input.layout,
      versionNo: input.versionNo,
      ...(meta.agreement !== undefined ? { agreement: meta.agreement } : {}),
    },
    ...(input.doc === 'redline'
      ? { revision: { author: meta.revisionAuthor ?? 'MOU Engine', date: `${date}T00:00:00Z` } }
      : {}),
  };
}
