// The view model of the draft editor (new agreement and edit pages): choices, fields and article rows.
import { AGREEMENT_KINDS, AREAS, PROVINCES } from '../../domain';
import type { ContentForm } from './content-form';
import { partnerColumnBlank } from './partner-form';
import type { Labels } from './labels';

const partyNames = (side: 'thai' | 'partner') =>
  Object.fromEntries(
    ['name', 'country', 'signatoryTitle', 'signatoryName', 'language', 'nativeName'].map((k) => [
      k,
      `${side}.${k}`,
    ]),
  );

/** Partner languages offered in the tag field's list (any canonical BCP 47 tag is accepted). */
const SUGGESTED_TAGS = [
  'ko',
  'zh-Hans',
  'zh-Hant',
  'ja',
  'vi',
  'lo',
  'km',
  'my',
  'mn',
  'ru',
  'fr',
  'pt',
  'de',
];

/**
 * The partner's-language column: shown once a language is given or anything is written in it (so nothing typed is
 * ever hidden, and so lost on the next save).
 */
function partnerColumn(f: ContentForm, l: Labels) {
  const p = f.partnerText;
  const lang = p?.lang.trim() ?? '';
  const shown = lang !== '' || !partnerColumnBlank(p, f.articles);
  const name = p?.language.native.trim() || p?.language[l.locale].trim() || '';
  const label = name || l.t('agreement.partnerColumn.column');
  const party = (side: 'thai' | 'partner') => ({
    legend: `${l.t(`agreement.partnerColumn.${side}Party`)} · ${label}`,
    fields: (['name', 'country', 'signatory'] as const).map((k) => ({
      name: `pt.${side}.${k}`,
      label: l.t(`agreement.partnerColumn.${k}`),
      value: p?.[side][k] ?? '',
    })),
  });
  return {
    shown,
    lang,
    names: shown ? { title: 'pt.title', preamble: 'pt.preamble', closing: 'pt.closing' } : {},
    parties: shown ? [party('thai'), party('partner')] : [],
    label,
    form: p,
    suggested: suggestedTags(l.locale),
  };
}

/** The offered tags with their names in the page's language: the same for every page of a locale, made once. */
const suggested = new Map<string, { tag: string; name: string }[]>();
function suggestedTags(locale: string): { tag: string; name: string }[] {
  let list = suggested.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    list = SUGGESTED_TAGS.map((tag) => ({ tag, name: names.of(tag) ?? tag }));
    suggested.set(locale, list);
  }
  return list;
}

export function editorView(f: ContentForm, l: Labels) {
  const collator = new Intl.Collator(l.locale);
  const pt = partnerColumn(f, l);
  return {
    pt,
    form: f,
    kinds: AGREEMENT_KINDS.map((k) => ({ id: k, label: l.kind(k), selected: f.kind === k })),
    areas: AREAS.map((a) => ({ id: a.id, label: a.label[l.locale], checked: f.areas.includes(a.id) })),
    articles: f.articles.map((a, i) => ({
      ...a,
      index: i,
      no: i + 1,
      first: i === 0,
      last: i === f.articles.length - 1,
      names: {
        key: `articles.${i}.key`,
        heading: `articles.${i}.heading`,
        text: `articles.${i}.text`,
        ptHeading: pt.shown ? `articles.${i}.pt.heading` : undefined,
        ptText: pt.shown ? `articles.${i}.pt.text` : undefined,
      },
    })),
    thaiNames: partyNames('thai'),
    partnerNames: partyNames('partner'),
    provinceOptions: (selected: string) =>
      PROVINCES.map((p) => ({ id: p.id, label: p.name[l.locale], selected: p.id === selected })).sort(
        (a, b) => collator.compare(a.label, b.label),
      ),
  };
}
