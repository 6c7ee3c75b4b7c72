// Renders the agreement page and the review page, optionally with a refused form's error and the values typed.
import type { Request, Response } from 'express';
import type { AgreementRecord } from '../../app/ports';
import {
  isDomainError,
  roundVersion,
  type Actor,
  type AgreementContent,
  type Verification,
} from '../../domain';
import type { Catalogue, Locale } from '../../i18n/catalogue';
import { STATUS_OF } from '../errors';
import { actorOf } from '../auth/actor';
import { agreementView, permissionsView, type TextView } from './agreement-view';
import { diagram, DIAGRAM_BOX } from './diagram-svg';
import { findingsView } from './drafting';
import { resolutionDefaults, signingDefaults, type FormValues } from './event-form';
import type { Labels } from './labels';
import { labelsFor, type PageServices } from './shared';

export interface FormError {
  status: number;
  message: string;
  fields: { path: string; message: string }[];
  conflict: boolean;
  /** The pre-review checks' warnings were listed: the step's form now offers to acknowledge them. */
  warnings: boolean;
}

const PLACES: Record<string, Record<Locale, string>> = {
  content: { th: 'ทั้งฉบับ', en: 'Whole document' },
  title: { th: 'ชื่อบันทึก', en: 'Title' },
  preamble: { th: 'อารัมภบท', en: 'Preamble' },
  closing: { th: 'ข้อความท้ายบันทึก', en: 'Closing' },
  'pt.lang': { th: 'รหัสภาษาของคู่ภาคี', en: "Partner's language tag" },
};

/** Where in the partner's text: "ข้อความภาษาของคู่ภาคี: ชื่อบันทึก" / "Partner's text: title". */
const PARTNER_TEXT: Record<Locale, string> = { th: 'ข้อความภาษาของคู่ภาคี', en: "Partner's text" };

/** Where an issue is, as a reader names it: "ข้อ 3" / "Article 3" for articles.2…; other paths as they are. */
function fieldLabel(path: string, locale: Locale): string {
  const partner = /^(?:content\.)?partnerText(?:\.(.+))?$/.exec(path);
  if (partner) return partner[1] ? `${PARTNER_TEXT[locale]}: ${partner[1]}` : PARTNER_TEXT[locale];
  const m = /^articles\.(\d{1,3})(?:\.|$)/.exec(path);
  if (m) return locale === 'th' ? `ข้อ ${Number(m[1]) + 1}` : `Article ${Number(m[1]) + 1}`;
  return PLACES[path]?.[locale] ?? path;
}

/** Errors the user can fix in the form (bad data, someone else was first) stay on the page; others go to the error page. */
export function formError(e: unknown, locale: Locale): FormError {
  const onPage = ['validation-failed', 'conflict', 'warnings-unacknowledged'];
  if (!isDomainError(e) || !onPage.includes(e.code)) throw e;
  return {
    status: STATUS_OF[e.code],
    message: e.userMessage[locale],
    fields: e.issues.map((i) => ({ path: fieldLabel(i.path, locale), message: i.message[locale] })),
    conflict: e.code === 'conflict',
    warnings: e.code === 'warnings-unacknowledged',
  };
}

export interface PageExtras {
  status?: number;
  error?: FormError;
  /** Which form was refused, and what was typed in it. */
  form?: { name: string; values: FormValues; anchor?: string };
  /** The record check (the agreement page). */
  verification?: Verification;
}

function signingView(v: FormValues, l: Labels) {
  const bi = (n: string) => ({ th: v[`${n}.th`] ?? '', en: v[`${n}.en`] ?? '' });
  const side = (name: 'thai' | 'partner') => ({
    side: name,
    legend: l.t(`agreement.signing.${name}`),
    fields: { name: `${name}.name`, title: `${name}.title`, onBehalfOf: `${name}.onBehalfOf` },
    name: bi(`${name}.name`),
    title: bi(`${name}.title`),
    capacity: v[`${name}.capacity`] ?? 'principal',
    onBehalfOf: bi(`${name}.onBehalfOf`),
  });
  return {
    date: v.date ?? '',
    place: bi('place'),
    sides: [side('thai'), side('partner')],
    fullPowers: { reference: v['fullPowers.reference'] ?? '', issuedOn: v['fullPowers.issuedOn'] ?? '' },
    term: { years: v['term.years'] ?? '', noticeMonths: v['term.noticeMonths'] ?? '' },
  };
}

/** Values of the comment form under each anchor (empty, or what was typed when it was refused). */
function commentForms(text: TextView, extras: PageExtras): Record<string, FormValues> {
  const keys = ['document', 'preamble', ...text.content.articles.map((a) => `article:${a.no}`)];
  const refused = extras.form?.name === 'comment' ? extras.form : undefined;
  return Object.fromEntries(
    keys.map((k) => [k, refused?.anchor === k ? { ...refused.values, open: 'open' } : {}]),
  );
}

/** Values of each comment's answer form: what was typed when refused, else the answer so far. */
function answerForms(record: AgreementRecord, extras: PageExtras): Record<string, FormValues> {
  const refused = extras.form?.name === 'answer' ? extras.form : undefined;
  return Object.fromEntries(
    record.comments.map((c) => [
      c.id,
      refused?.anchor === c.id
        ? refused.values
        : {
            status: c.status === 'open' ? 'accepted' : c.status,
            'response.th': c.response?.th ?? '',
            'response.en': c.response?.en ?? '',
          },
    ]),
  );
}

function verificationView(v: Verification, l: Labels) {
  return {
    ok: v.ok,
    summary: v.ok
      ? l.t('agreement.verification.ok', { entries: v.entries })
      : l.t('agreement.verification.failed'),
    head: v.head
      ? l.t('agreement.verification.head', { seq: v.head.seq, hash: v.head.hash.slice(0, 16) })
      : '',
    problems: v.problems.map((p) => p.message[l.locale]),
  };
}

export function pageModel(
  s: PageServices,
  catalogue: Catalogue,
  req: Request,
  actor: Actor,
  record: AgreementRecord,
  extras: PageExtras,
  text: TextView = { round: record.round, content: record.workingDraft },
) {
  const l = labelsFor(req, catalogue);
  const refused = (name: string) => (extras.form?.name === name ? extras.form.values : undefined);
  const signing = refused('signing') ?? signingDefaults(record.workingDraft);
  return {
    a: agreementView(record, l, s.documents, s.now?.() ?? new Date(), text),
    may: permissionsView(s.agreements.capabilities(actor, record), l),
    forms: { resolution: refused('resolution') ?? resolutionDefaults() },
    signingForm: signingView(signing, l),
    commentForms: commentForms(text, extras),
    answerForms: answerForms(record, extras),
    outcomes: ['approved', 'approved-with-amendments', 'sent-back'].map((o) => ({
      id: o,
      label: l.outcome(o),
    })),
    statuses: ['accepted', 'partly-accepted', 'not-accepted'].map((o) => ({
      id: o,
      label: l.commentStatus(o),
    })),
    error: extras.error,
    actorId: actor.userId,
    verification: extras.verification && verificationView(extras.verification, l),
    pageTitle: record.workingDraft.title[l.locale] || l.t('agreement.untitled'),
    l,
  };
}

export async function renderAgreement(
  s: PageServices,
  catalogue: Catalogue,
  req: Request,
  res: Response,
  actor: Actor,
  record: AgreementRecord,
  extras: PageExtras = {},
): Promise<void> {
  const m = pageModel(s, catalogue, req, actor, record, extras);
  const chart = diagram(record.state, m.l.state, m.l.event);
  const checks = await checksView(s, m.l, record.workingDraft);
  res
    .status(extras.status ?? 200)
    .render('agreements/show', { ...m, checks, chart, box: DIAGRAM_BOX, from: 'page', l: undefined });
}

/** The pre-review findings on a text, as a list with where each one is (the agreement and review pages). */
async function checksView(s: PageServices, l: Labels, content: AgreementContent) {
  const findings = await s.drafting.check(content);
  // Only the list: the editor's comparisons with the standard clauses and its buttons are not on these pages.
  const v = findingsView(findings, l.locale, (k, p) => l.t(k, p), false);
  const where = (path: string) => {
    const m = /^articles\.(\d+)$/.exec(path);
    if (m)
      return {
        label: l.t('agreement.anchor.article', { no: Number(m[1]) + 1 }),
        href: `#article-${Number(m[1]) + 1}`,
      };
    if (path === 'content') return { label: l.t('agreement.drafting.document') };
    return { label: l.t(path === 'preamble' ? 'agreement.anchor.preamble' : `agreement.fields.${path}`) };
  };
  const items = Object.entries(v.at).flatMap(([path, list]) =>
    list.map((f) => ({ ...f, where: where(path) })),
  );
  return { counts: v.counts, items, clean: findings.length === 0 };
}

/** The review page shows the version a round reviewed, so each comment stands under the article it was made on. */
export function reviewText(record: AgreementRecord, round: number): TextView {
  const v = roundVersion(record, round);
  return v ? { round, content: v.content, versionNo: v.no } : { round, content: record.workingDraft };
}

/** Links to every review round's comments (the current one to act on, earlier ones to read). */
function roundLinks(record: AgreementRecord, shown: number) {
  return Array.from({ length: record.round }, (_, i) => ({
    no: i + 1,
    shown: i + 1 === shown,
    href: `/agreements/${encodeURIComponent(record.id)}/review${i + 1 === record.round ? '' : `?round=${i + 1}`}`,
  }));
}

export async function renderReview(
  s: PageServices,
  catalogue: Catalogue,
  req: Request,
  res: Response,
  actor: Actor,
  record: AgreementRecord,
  extras: PageExtras = {},
  round: number = record.round,
): Promise<void> {
  const text = reviewText(record, round);
  const m = pageModel(s, catalogue, req, actor, record, extras, text);
  res.status(extras.status ?? 200).render('agreements/review', {
    ...m,
    checks: await checksView(s, m.l, text.content),
    // Articles MFA already cleared word for word elsewhere: the reviewer reads only what is new.
    cleared: Object.fromEntries(
      [...(await s.agreements.clearedBefore(actor, record, text.content))].map((k) => [k, true]),
    ),
    pageTitle: `${m.l.t('agreement.review.title')} · ${m.pageTitle}`,
    // Comments are made and answered in the current round only; earlier rounds are for reading.
    reviewing: round === record.round,
    // MFA may import an annotated copy of the version under review while it comments.
    importPath:
      round === record.round && m.may.canComment && record.versions.length > 0
        ? `/agreements/${encodeURIComponent(record.id)}/versions/${record.versions.length}/imports`
        : undefined,
    rounds: record.round > 1 ? roundLinks(record, round) : [],
    from: 'review',
    l: undefined,
  });
}

/** A refused form: the agreement's page (`render`: the agreement or the review page) again, with the error in place. */
export async function showRefusal(
  render: typeof renderAgreement,
  s: PageServices,
  catalogue: Catalogue,
  req: Request,
  res: Response,
  e: unknown,
): Promise<void> {
  const actor = actorOf(req);
  const record = await s.agreements.get(actor, String(req.params.id));
  const error = formError(e, req.locale ?? 'th');
  await render(s, catalogue, req, res, actor, record, { status: error.status, error });
}
