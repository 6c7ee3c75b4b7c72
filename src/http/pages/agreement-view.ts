// The view model of an agreement: its text side by side with the current round's comments, records and history.
import { isGated } from '../../app/drafting-gate';
import type { AgreementEventType, Capabilities } from '../../../workflows';
import type { DocumentService } from '../../app/document-service';
import type { AgreementRecord } from '../../app/ports';
import { readStepNote, type AgreementContent, type Bilingual, type HistoryEntry } from '../../domain';
import { englishDate, parseIsoDate, thaiDate } from '../../domain/thai-format';
import { fillClosing } from '../../documents';
import { commentsOn } from './comment-view';
import type { Labels } from './labels';
import { daysSince } from './shared';
import { currentTerm } from '../../app/term';
import { bangkokDay, termStanding } from '../../domain';

/**
 * Which text the page shows with which round's comments: the agreement page shows the working draft with the
 * current round; the review page the version a round reviewed (comments under their articles as commented).
 */
export interface TextView {
  round: number;
  content: AgreementContent;
  /** The version shown, when it is not the working draft. */
  versionNo?: number;
}

/** Events whose button opens a form with more to fill in; the others are one click. */
const FORM_EVENTS: ReadonlySet<AgreementEventType> = new Set([
  'RECORD_RESOLUTION',
  'GIVE_NO_OBJECTION',
  'RECORD_SIGNING',
  'RECORD_RENEWAL',
]);
const DANGER_EVENTS: ReadonlySet<AgreementEventType> = new Set([
  'WITHDRAW',
  'TERMINATE',
  'ABANDON_AMENDMENT',
]);

/** What this actor may do here now (the service's answer), as the page shows it: buttons, forms and links. */
export function permissionsView(may: Capabilities, l: Labels) {
  const { events } = may;
  return {
    canEdit: may.editContent,
    canComment: may.addComment,
    canAnswer: may.answerComment,
    editable: may.draftEditable,
    buttons: events
      .filter((e) => !FORM_EVENTS.has(e))
      .map((e) => ({ type: e, label: l.event(e), danger: DANGER_EVENTS.has(e), gated: isGated(e) })),
    resolutionForm: events.includes('RECORD_RESOLUTION'),
    noObjectionForm: events.includes('GIVE_NO_OBJECTION'),
    signingForm: events.includes('RECORD_SIGNING'),
    renewalForm: events.includes('RECORD_RENEWAL'),
    // Partner agreement: the partner's returned Word file compared with the cleared text.
    partnerTextForm: events.includes('SUBMIT_PARTNER_CHANGES'),
  };
}

/** The closing clause as it reads now: place and date of signing once recorded, dotted blanks before. */
function closingText(closing: Bilingual, record: AgreementRecord): Bilingual {
  const s = record.signing;
  const d = s ? parseIsoDate(s.date) : undefined;
  return {
    // Thai digits, as the documents write the closing (their numerals default to Thai and nothing sets another).
    th: fillClosing(closing.th, 'th', s?.place.th, d ? thaiDate(d, { thaiDigits: true }) : undefined),
    en: fillClosing(closing.en, 'en', s?.place.en, d ? englishDate(d) : undefined),
  };
}

/** What the program recorded at a step, worded in the page's language (older entries read from their English note). */
function stepNote(h: HistoryEntry, record: AgreementRecord, l: Labels): string {
  const { detail, note } = readStepNote(h, record.signing?.place);
  const need = (b: boolean) => l.t(b ? 'agreement.history.needed' : 'agreement.history.notNeeded');
  const dateOf = (iso: string) => {
    const d = parseIsoDate(iso);
    return d ? (l.locale === 'th' ? thaiDate(d) : englishDate(d)) : iso;
  };
  const said = ((): string | undefined => {
    switch (detail?.code) {
      case undefined:
        return undefined;
      case 'resolution':
        return l.t('agreement.history.resolution', {
          meeting: detail.meeting,
          outcome: l.outcome(detail.outcome),
        });
      case 'signing':
        return [
          l.t('agreement.history.signing', { date: dateOf(detail.date), place: detail.place[l.locale] }),
          detail.term ? l.t('partnership.history.term', { until: dateOf(detail.term.expiresOn) }) : '',
        ]
          .filter((x) => x)
          .join('; ');
      case 'no-objection':
        return l.t('agreement.history.noObjection', {
          cabinet: need(detail.needsCabinetApproval),
          fullPowers: need(detail.needsFullPowers),
        });
      case 'answer':
        return l.t('agreement.history.answer', { status: l.commentStatus(detail.status) });
      case 'import':
        return l.t('agreement.history.import', {
          count: detail.comments.length,
          sha: detail.fileSha256.slice(0, 12),
        });
      case 'renewal':
        return l.t('partnership.history.renewal', {
          date: dateOf(detail.date),
          years: detail.years,
          until: dateOf(detail.expiresOn),
        });
      case 'activity':
        return l.t('partnership.history.activity', { id: detail.id.slice(0, 8) });
      case 'attachment':
        return l.t('partnership.history.attachment', {
          name: detail.name,
          size: Math.max(1, Math.round(detail.size / 1024)),
          sha: detail.sha256.slice(0, 12),
        });
      case 'registry-import':
        return l.t('statistics.import.history', {
          row: detail.row,
          sha: detail.fileSha256.slice(0, 12),
          signed: detail.signed ? dateOf(detail.signed) : '—',
        });
    }
  })();
  return [said, note].filter((x) => x).join(' — ');
}

export function agreementView(
  record: AgreementRecord,
  l: Labels,
  docs: DocumentService,
  now: Date,
  text: TextView = { round: record.round, content: record.workingDraft },
) {
  const c = text.content;
  const comments = commentsOn(record, text.round, c, l);
  return {
    id: record.id,
    rev: record.rev,
    state: record.state,
    stateLabel: l.state(record.state),
    days: daysSince(record.stateSince, now),
    stateSince: record.stateSince,
    round: record.round,
    shownRound: text.round,
    shownVersionNo: text.versionNo,
    province: record.province,
    provinceLabel: l.province(record.province),
    kindLabel: l.kind(c.kind),
    areas: c.areas.map((a) => l.area(a)),
    flags: record.flags,
    content: c,
    closing: c.closing ? closingText(c.closing, record) : undefined,
    documentComments: comments.document,
    preambleComments: comments.preamble,
    articles: c.articles.map((a) => ({
      ...a,
      anchorKey: `article:${a.no}`,
      anchorLabel: l.anchor({ kind: 'article', no: a.no }),
      comments: comments.onArticle(a.key),
    })),
    /** Comments whose article the shown text no longer has: still listed (and answerable) after the text. */
    removedComments: comments.elsewhere,
    comments: comments.all,
    openComments: comments.all.filter((x) => x.open).length,
    resolutions: record.resolutions.map((r) => ({ ...r, outcomeLabel: l.outcome(r.outcome) })),
    signing: record.signing,
    term: termView(record, l, now),
    versions: docs
      .list(record)
      .map((v) => ({
        ...v,
        documents: v.documents.map((d) => ({
          ...d,
          issued: d.status === 'issued',
          label: l.doc(d.doc),
          layoutLabel: l.t(`agreement.layouts.${d.layout}`),
          href: `/agreements/${encodeURIComponent(record.id)}/documents/${v.versionNo}/${d.doc}${d.layout === 'parallel' ? '' : `?layout=${d.layout}`}`,
        })),
      }))
      .reverse(),
    history: [...record.history].reverse().map((h) => ({
      ...h,
      eventLabel: l.event(h.event),
      // A change within a state (an edit, a comment) shows only the state it happened in.
      fromLabel: h.from && h.from !== h.to ? l.state(h.from) : '',
      toLabel: l.state(h.to),
      roleLabel: l.t(`roles.${h.actor.role}`),
      note: stepNote(h, record, l),
    })),
  };
}

/** The term of a signed agreement as the page shows it: until when, where it stands today, its renewals. */
function termView(record: AgreementRecord, l: Labels, now: Date) {
  const term = currentTerm(record);
  if (!term) return undefined;
  const dateOf = (iso: string) => {
    const d = parseIsoDate(iso);
    return d ? (l.locale === 'th' ? thaiDate(d) : englishDate(d)) : iso;
  };
  const standing = termStanding(term.expiresOn, bangkokDay(now));
  const ended = ['terminated', 'expired', 'withdrawn'].includes(record.state);
  return {
    expiresOn: term.expiresOn,
    expires: l.t('partnership.term.expires', { date: dateOf(term.expiresOn) }),
    signedFor: l.t('partnership.term.signedFor', {
      date: dateOf(term.startsOn),
      years: term.years,
      months: term.noticeMonths,
    }),
    renewals: term.renewals.map((r) =>
      l.t('partnership.term.renewed', { date: dateOf(r.date), years: r.years }),
    ),
    expiring: !ended && standing === 'expiring',
    expired: !ended && standing === 'expired',
    renewalYears: term.years,
  };
}
