// The view model of the draft editor (new agreement and edit pages): choices, fields and article rows.
import { AGREEMENT_KINDS, AREAS, PROVINCES } from '../../domain';
import type { ContentForm } from './content-form';
import type { Labels } from './labels';

const partyNames = (side: 'thai' | 'partner') =>
  Object.fromEntries(
    ['name', 'country', 'signatoryTitle', 'signatoryName', 'language', 'nativeName'].map((k) => [
      k,
      `${side}.${k}`,
    ]),
  );

export function editorView(f: ContentForm, l: Labels) {
  const collator = new Intl.Collator(l.locale);
  return {
    form: f,
    kinds: AGREEMENT_KINDS.map((k) => ({ id: k, label: l.kind(k), selected: f.kind === k })),
    areas: AREAS.map((a) => ({ id: a.id, label: a.label[l.locale], checked: f.areas.includes(a.id) })),
    articles: f.articles.map((a, i) => ({
      ...a,
      index: i,
      no: i + 1,
      first: i === 0,
      last: i === f.articles.length - 1,
      names: { key: `articles.${i}.key`, heading: `articles.${i}.heading`, text: `articles.${i}.text` },
    })),
    thaiNames: partyNames('thai'),
    partnerNames: partyNames('partner'),
    provinceOptions: (selected: string) =>
      PROVINCES.map((p) => ({ id: p.id, label: p.name[l.locale], selected: p.id === selected })).sort(
        (a, b) => collator.compare(a.label, b.label),
      ),
  };
}
