// Words for workflow states, events, kinds, areas and outcomes in the page's language (from the locale files and catalogues).
import { findArea, findProvince, type CommentAnchorInput } from '../../domain';
import type { Catalogue, Locale } from '../../i18n/catalogue';

export interface Labels {
  locale: Locale;
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
  state(name: string): string;
  event(type: string): string;
  kind(kind: string): string;
  area(id: string): string;
  province(id: string): string;
  outcome(outcome: string): string;
  commentStatus(status: string): string;
  anchor(a: CommentAnchorInput): string;
  doc(doc: string): string;
}

export function labels(catalogue: Catalogue, locale: Locale): Labels {
  const t: Labels['t'] = (key, params) => catalogue.t(locale, key, params);
  return {
    locale,
    t,
    state: (s) => t(`agreement.states.${s}`),
    // The records beside the agreement name their own entries (src/app/partnership-service.ts).
    event: (e) =>
      e === 'RECORD_ACTIVITY' || e === 'ATTACH_FILE'
        ? t(`partnership.events.${e}`)
        : t(`agreement.events.${e}`),
    kind: (k) => t(`agreement.kinds.${k}`),
    area: (id) => findArea(id)?.label[locale] ?? id,
    province: (id) => findProvince(id)?.name[locale] ?? id,
    outcome: (o) => t(`agreement.outcomes.${o}`),
    commentStatus: (s) => t(`agreement.commentStatus.${s}`),
    anchor: (a) => {
      switch (a.kind) {
        case 'document':
          return t('agreement.anchor.document');
        case 'preamble':
          return t('agreement.anchor.preamble');
        case 'article':
          return t('agreement.anchor.article', { no: a.no });
      }
    },
    doc: (d) => (d === 'renewal' ? t('partnership.docs.renewal') : t(`agreement.docs.${d}`)),
  };
}
