// A notice worded in one language: what happened and the step it is at (the pages and the e-mails share these).
import type { Catalogue, Locale } from '../i18n/catalogue';
import type { Notice } from './ports';

export interface NoticeWords {
  what: string;
  state: string;
  title: string;
}

export function noticeWords(n: Notice, locale: Locale, c: Catalogue): NoticeWords {
  const state = n.state ? c.t(locale, `agreement.states.${n.state}`) : '';
  const event = n.event ? c.t(locale, `agreement.events.${n.event}`) : '';
  const key = c.has(locale, `notifications.kinds.${n.kind}`)
    ? `notifications.kinds.${n.kind}`
    : 'notifications.kinds.other';
  return { what: c.t(locale, key, { event, state }), state, title: n.title[locale] };
}
