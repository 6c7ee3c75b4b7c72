// E-mails from the outbox, worded in the person's language from the Handlebars templates in views/mail (a text and
// an HTML part): the agreement's title, the step and a link, never the draft's text; an unsubscribe link.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Catalogue, Locale } from '../i18n/catalogue';
import type { MailMessage, OutboxItem, Person } from './ports';
import { noticeWords } from './words';

export interface MailSettings {
  catalogue: Catalogue;
  /** The project's views folder (views/mail/*.hbs). */
  viewsDir: string;
  /** Where links point: the app's public address, without a trailing slash. */
  baseUrl: () => string;
  /** The sender, e.g. "MOU Engine <mou@example.org>". */
  from: string;
  unsubscribeToken: (userId: string) => string;
}

type Template = (context: object) => string;
type Part = 'text' | 'html';

export type RenderMail = (person: Person & { email: string }, item: OutboxItem) => MailMessage;

export function mailRenderer(s: MailSettings): RenderMail {
  const templates = new Map<string, Template>();
  const load = (name: string, part: Part, locale: Locale): Template => {
    const key = `${name}.${part}.${locale}`;
    let tpl = templates.get(key);
    if (!tpl) {
      const hb = Handlebars.create();
      hb.registerHelper('t', (k: string, o: { hash?: Record<string, string | number> }) =>
        s.catalogue.t(locale, k, o.hash),
      );
      const source = readFileSync(join(s.viewsDir, 'mail', `${name}.${part}.hbs`), 'utf8');
      // The text part is plain text: nothing to escape (a title with "&" stays "&").
      tpl = hb.compile(source, { strict: false, noEscape: part === 'text' });
      templates.set(key, tpl);
    }
    return tpl;
  };

  return (person, item) => {
    const locale = person.locale;
    const t = (k: string, p?: Record<string, string | number>) => s.catalogue.t(locale, k, p);
    const base = s.baseUrl();
    const link = (agreementId: string) => `${base}/agreements/${encodeURIComponent(agreementId)}`;
    const unsubscribe = `${base}/notifications/unsubscribe?u=${encodeURIComponent(person.id)}&t=${s.unsubscribeToken(person.id)}`;
    const common = { locale, name: person.displayName, unsubscribe };
    let name: 'event' | 'digest';
    let context: Record<string, unknown>;
    let subject: string;
    const m = item.message;
    switch (m.kind) {
      case 'event': {
        const w = noticeWords(m.notice, locale, s.catalogue);
        name = 'event';
        subject = t('notifications.mail.subjectEvent', { title: w.title, what: w.what });
        context = { ...common, ...w, link: link(m.notice.agreementId) };
        break;
      }
      case 'digest': {
        const d = m.digest;
        name = 'digest';
        subject = t('notifications.mail.subjectDigest', { day: d.day, overdue: d.overdue.length });
        context = {
          ...common,
          day: d.day,
          overdue: d.overdue.map((o) => ({
            title: o.title[locale],
            state: t(`agreement.states.${o.state}`),
            line: t('notifications.mail.overdueLine', { days: o.days, limit: o.limitDays }),
            link: link(o.agreementId),
          })),
          notices: d.notices.map((n) => ({
            ...noticeWords(n, locale, s.catalogue),
            link: link(n.agreementId),
          })),
        };
        break;
      }
    }
    const full = { ...context, subject };
    return {
      to: person.email,
      subject,
      text: load(name, 'text', locale)(full),
      html: load(name, 'html', locale)(full),
      messageId: `<${Buffer.from(item.id).toString('base64url')}@mou-engine>`,
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
      },
    };
  };
}
