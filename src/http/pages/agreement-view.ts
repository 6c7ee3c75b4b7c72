// The view model of an agreement: its text side by side with the current round's comments, records and history.
import { mayPerform, type AgreementEventType } from '../../../workflows';
import type { DocumentService } from '../../app/document-service';
import type { AgreementRecord } from '../../app/ports';
import { restoreSnapshot } from '../../app/workflow-runtime';
import {
  commentsOfRound,
  placeComment,
  type Actor,
  type Bilingual,
  type Comment,
  type CommentPlace,
} from '../../domain';
import { englishDate, parseIsoDate, thaiDate } from '../../domain/thai-format';
import { fillClosing } from '../../documents';
import type { Labels } from './labels';
import { daysSince } from './shared';

/** Events whose button opens a form with more to fill in; the others are one click. */
const FORM_EVENTS: ReadonlySet<AgreementEventType> = new Set([
  'RECORD_RESOLUTION',
  'GIVE_NO_OBJECTION',
  'RECORD_SIGNING',
]);
const DANGER_EVENTS: ReadonlySet<AgreementEventType> = new Set([
  'WITHDRAW',
  'TERMINATE',
  'ABANDON_AMENDMENT',
]);

/** What the reader is told when the commented article no longer stands where the comment's version had it. */
function placeNote(p: CommentPlace, l: Labels): string {
  switch (p.kind) {
    case 'document':
    case 'preamble':
      return '';
    case 'article':
      return p.moved ? l.t('agreement.review.nowArticle', { no: p.now }) : '';
    case 'removed':
      return p.removedIn === 'draft'
        ? l.t('agreement.review.removedInDraft')
        : l.t('agreement.review.removedInVersion', { no: p.removedIn.versionNo });
  }
}

export function commentView(c: Comment, l: Labels, place: CommentPlace) {
  return {
    ...c,
    place,
    placeNote: placeNote(place, l),
    /** The article as it was in the commented version, for a comment whose article has since been removed. */
    removedArticle:
      place.kind === 'removed'
        ? {
            label: l.t('agreement.review.articleOfVersion', { no: place.was, version: c.versionNo }),
            heading: place.heading ?? { th: '', en: '' },
          }
        : undefined,
    anchorLabel: l.anchor(c.anchor),
    statusLabel: l.commentStatus(c.status),
    open: c.status === 'open',
    hasSuggestion: Boolean(c.suggestion?.th || c.suggestion?.en),
    hasResponse: Boolean(c.response?.th || c.response?.en),
  };
}

export type CommentView = ReturnType<typeof commentView>;

/** What this actor may do here now: the buttons, and which forms and links to show. */
export function permissionsView(
  record: AgreementRecord,
  actor: Actor,
  events: AgreementEventType[],
  l: Labels,
) {
  const snap = restoreSnapshot(record);
  const may = (a: Parameters<typeof mayPerform>[1]) => mayPerform(actor, a, record.province);
  return {
    canEdit: snap.hasTag('editable') && may('EDIT_CONTENT'),
    canComment: snap.hasTag('commentable') && may('ADD_COMMENT'),
    canAnswer: snap.hasTag('answerable') && may('ANSWER_COMMENT'),
    editable: snap.hasTag('editable'),
    buttons: events
      .filter((e) => !FORM_EVENTS.has(e))
      .map((e) => ({ type: e, label: l.event(e), danger: DANGER_EVENTS.has(e) })),
    resolutionForm: events.includes('RECORD_RESOLUTION'),
    noObjectionForm: events.includes('GIVE_NO_OBJECTION'),
    signingForm: events.includes('RECORD_SIGNING'),
  };
}

/** The closing clause as it reads now: place and date of signing once recorded, dotted blanks before. */
function closingText(closing: Bilingual, record: AgreementRecord): Bilingual {
  const s = record.signing;
  const d = s ? parseIsoDate(s.date) : undefined;
  return {
    th: fillClosing(closing.th, 'th', s?.place.th, d ? thaiDate(d) : undefined),
    en: fillClosing(closing.en, 'en', s?.place.en, d ? englishDate(d) : undefined),
  };
}

export function agreementView(record: AgreementRecord, l: Labels, docs: DocumentService, now: Date) {
  const c = record.workingDraft;
  const round = commentsOfRound(record, record.round).map((x) => commentView(x, l, placeComment(record, x)));
  const on = (kind: CommentPlace['kind'], key?: string) =>
    round.filter(
      (x) => x.place.kind === kind && (key === undefined || ('key' in x.place && x.place.key === key)),
    );
  return {
    id: record.id,
    rev: record.rev,
    state: record.state,
    stateLabel: l.state(record.state),
    days: daysSince(record.stateSince, now),
    stateSince: record.stateSince,
    round: record.round,
    province: record.province,
    provinceLabel: l.province(record.province),
    kindLabel: l.kind(c.kind),
    areas: c.areas.map((a) => l.area(a)),
    flags: record.flags,
    content: c,
    closing: c.closing ? closingText(c.closing, record) : undefined,
    documentComments: on('document'),
    preambleComments: on('preamble'),
    articles: c.articles.map((a) => ({
      ...a,
      // The comment form posts the number and the key: a comment lands on this article even if numbers shifted.
      anchorKey: `article:${a.no}:${a.key}`,
      anchorLabel: l.anchor({ kind: 'article', no: a.no }),
      comments: on('article', a.key),
    })),
    /** Comments whose article was removed since: still listed (and answerable) after the text. */
    removedComments: on('removed'),
    comments: round,
    openComments: round.filter((x) => x.open).length,
    resolutions: record.resolutions.map((r) => ({ ...r, outcomeLabel: l.outcome(r.outcome) })),
    signing: record.signing,
    versions: docs
      .list(record)
      .map((v) => ({
        ...v,
        documents: v.documents.map((d) => ({
          ...d,
          label: l.doc(d.doc),
          layoutLabel: l.t(`agreement.layouts.${d.layout}`),
          href: `/agreements/${encodeURIComponent(record.id)}/documents/${v.versionNo}/${d.doc}${d.layout === 'parallel' ? '' : `?layout=${d.layout}`}`,
        })),
      }))
      .reverse(),
    history: [...record.history].reverse().map((h) => ({
      ...h,
      eventLabel: l.event(h.event),
      fromLabel: h.from ? l.state(h.from) : '',
      toLabel: l.state(h.to),
      roleLabel: l.t(`roles.${h.actor.role}`),
    })),
  };
}
