// The partnership after signing, for people: the activities page (list, action plan, files, forms), one activity's
// page (its report, photos shown scaled, documents), and attached files as downloads. The same use cases as the API.
import type { Request, Response } from 'express';
import type { AttachmentInfo } from '../../app/partnership-ports';
import type { AgreementRecord } from '../../app/ports';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  ATTACHMENT_KINDS,
  isImage,
  type Activity,
  type Actor,
} from '../../domain';
import { englishDate, parseIsoDate, thaiDate } from '../../domain/thai-format';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { localeError } from '../errors';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field as uploadField, readUpload, sendAttachment } from '../uploads';
import { field } from '../validate';
import type { Labels } from './labels';
import { formError } from './render';
import { agreementId, labelsFor, type PageServices } from './shared';

const FORM_FIELDS = [
  'kind',
  'status',
  'title.th',
  'title.en',
  'start',
  'end',
  'place.th',
  'place.en',
  'summary.th',
  'summary.en',
  'outcomes.th',
  'outcomes.en',
  'thai',
  'partner',
  'area',
  'agency.th',
  'agency.en',
  'budget',
] as const;
type FormValues = Record<(typeof FORM_FIELDS)[number], string>;

const EMPTY: FormValues = Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as FormValues;

/** A count typed in a form: a whole number, or the text as typed (the service refuses it at its field). */
const count = (v: string): unknown => (/^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : v);

/** The activity form's values as the service's input (empty optional parts left out). */
export function activityFromForm(v: FormValues): unknown {
  const bi = (n: 'title' | 'place' | 'summary' | 'outcomes' | 'agency') => ({
    th: v[`${n}.th`].trim(),
    en: v[`${n}.en`].trim(),
  });
  const outcomes = bi('outcomes');
  const agency = bi('agency');
  return {
    kind: v.kind,
    ...(v.status ? { status: v.status } : {}),
    title: bi('title'),
    start: v.start,
    end: v.end,
    place: bi('place'),
    summary: bi('summary'),
    participants: { thai: count(v.thai), partner: count(v.partner) },
    ...(v.area ? { area: v.area } : {}),
    ...(outcomes.th || outcomes.en ? { outcomes } : {}),
    ...(agency.th || agency.en ? { responsibleAgency: agency } : {}),
    ...(v.budget.trim() ? { budgetThb: count(v.budget.replace(/,/g, '')) } : {}),
  };
}

function period(a: Pick<Activity, 'start' | 'end'>, l: Labels): string {
  const f = (iso: string) => {
    const d = parseIsoDate(iso);
    return d ? (l.locale === 'th' ? thaiDate(d) : englishDate(d)) : iso;
  };
  return a.start === a.end ? f(a.start) : `${f(a.start)} – ${f(a.end)}`;
}

function fileView(f: AttachmentInfo, l: Labels) {
  return {
    ...f,
    href: `/attachments/${f.id}`,
    kindLabel: l.t(`partnership.fileKinds.${f.kind}`),
    kb: Math.max(1, Math.round(f.size / 1024)),
    image: isImage(f.contentType),
    alt: l.t('partnership.files.photoAlt', { name: f.name }),
  };
}

function activityRow(a: Activity, id: string, l: Labels) {
  return {
    ...a,
    href: `/agreements/${id}/activities/${a.id}`,
    kindLabel: l.t(`partnership.kinds.${a.kind}`),
    statusLabel: l.t(`partnership.statuses.${a.status}`),
    period: period(a, l),
  };
}

export function partnershipRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  const svc = () => {
    if (!s.partnership) throw localeError(catalogue, 'not-found');
    return s.partnership;
  };
  const mb = () => Math.round((svc().maxAttachmentBytes / (1024 * 1024)) * 10) / 10;

  function common(record: AgreementRecord, actor: Actor, l: Labels) {
    const content = record.versions.at(-1)?.content ?? record.workingDraft;
    return {
      id: record.id,
      title: content.title,
      canRecord: svc().mayRecord(actor, record),
      maxMb: mb(),
      fileKinds: ATTACHMENT_KINDS.map((k) => ({ id: k, label: l.t(`partnership.fileKinds.${k}`) })),
    };
  }

  async function activitiesPage(
    req: Request,
    res: Response,
    extras: { status?: number; error?: ReturnType<typeof formError>; values?: FormValues } = {},
  ) {
    const actor = actorOf(req);
    const l = labelsFor(req, catalogue);
    const { record, activities } = await svc().activities(actor, agreementId(req));
    const files = await svc().attachments(actor, record.id);
    const content = record.versions.at(-1)?.content ?? record.workingDraft;
    const values = extras.values ?? { ...EMPTY, kind: 'youth-exchange', status: 'done' };
    res.status(extras.status ?? 200).render('agreements/activities', {
      pageTitle: l.t('partnership.title'),
      ...common(record, actor, l),
      activities: activities.map((a) => activityRow(a, record.id, l)),
      files: files.filter((f) => f.activityId === undefined).map((f) => fileView(f, l)),
      kinds: ACTIVITY_KINDS.map((k) => ({
        id: k,
        label: l.t(`partnership.kinds.${k}`),
        selected: values.kind === k,
      })),
      statuses: ACTIVITY_STATUSES.map((k) => ({
        id: k,
        label: l.t(`partnership.statuses.${k}`),
        selected: values.status === k,
      })),
      areas: content.areas.map((a) => ({ id: a, label: l.area(a), selected: values.area === a })),
      form: values,
      ...(extras.error ? { error: extras.error } : {}),
    });
  }

  async function activityPage(
    req: Request,
    res: Response,
    activityId: string,
    extras: { status?: number; error?: ReturnType<typeof formError> } = {},
  ) {
    const actor = actorOf(req);
    const l = labelsFor(req, catalogue);
    const { record, activity, attachments } = await svc().activity(actor, agreementId(req), activityId);
    const files = attachments.map((f) => fileView(f, l));
    res.status(extras.status ?? 200).render('agreements/activity', {
      pageTitle: activity.title[l.locale],
      ...common(record, actor, l),
      activity: activityRow(activity, record.id, l),
      statuses: ACTIVITY_STATUSES.map((k) => ({
        id: k,
        label: l.t(`partnership.statuses.${k}`),
        selected: activity.status === k,
      })),
      areaLabel: activity.area ? l.area(activity.area) : '',
      photos: files.filter((f) => f.image),
      documents: files.filter((f) => !f.image),
      ...(extras.error ? { error: extras.error } : {}),
    });
  }

  return [
    {
      method: 'get',
      path: '/agreements/:id/activities',
      access: 'login',
      handler: (req, res) => activitiesPage(req, res),
    },
    {
      method: 'post',
      path: '/agreements/:id/activities',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, field(req.body, f)])) as FormValues;
        try {
          const a = await svc().recordActivity(actor, agreementId(req), activityFromForm(values));
          flash(req, { kind: 'success', key: 'partnership.events.RECORD_ACTIVITY' });
          res.redirect(303, `/agreements/${agreementId(req)}/activities/${a.id}`);
        } catch (e) {
          const error = formError(e, labelsFor(req, catalogue).locale);
          await activitiesPage(req, res, { status: error.status, error, values });
        }
      },
    },
    {
      method: 'get',
      path: '/agreements/:id/activities/:activityId',
      access: 'login',
      handler: (req, res) => activityPage(req, res, String(req.params.activityId)),
    },
    {
      // The status as the activity is carried out (planned → ongoing → done, or cancelled); the rest stays.
      method: 'post',
      path: '/agreements/:id/activities/:activityId/status',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const id = agreementId(req);
        const activityId = String(req.params.activityId);
        try {
          const { activity } = await svc().activity(actor, id, activityId);
          const { id: _id, agreementId: _a, recordedAt: _r, recordedBy: _b, ...fields } = activity;
          await svc().updateActivity(actor, id, activityId, { ...fields, status: field(req.body, 'status') });
          flash(req, { kind: 'success', key: 'partnership.events.RECORD_ACTIVITY' });
          res.redirect(303, `/agreements/${id}/activities/${activityId}`);
        } catch (e) {
          const error = formError(e, labelsFor(req, catalogue).locale);
          await activityPage(req, res, activityId, { status: error.status, error });
        }
      },
    },
    {
      // A multipart form sends its CSRF token in the action URL (the body is read here, after the check).
      method: 'post',
      path: '/agreements/:id/attachments',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const id = agreementId(req);
        // Not there to whoever may not see it (404), before the body is read.
        await svc().attachments(actor, id);
        const upload = await readUpload(req, { field: 'file', maxFileBytes: svc().maxAttachmentBytes + 1 });
        const activityId = uploadField(upload, 'activityId') || undefined;
        const kind = uploadField(upload, 'kind') || undefined;
        try {
          await svc().attach(actor, id, {
            bytes: upload.file?.bytes ?? Buffer.alloc(0),
            name: upload.file?.name ?? '',
            ...(kind ? { kind } : {}),
            ...(activityId ? { activityId } : {}),
          });
          flash(req, { kind: 'success', key: 'partnership.events.ATTACH_FILE' });
          res.redirect(
            303,
            activityId ? `/agreements/${id}/activities/${activityId}` : `/agreements/${id}/activities`,
          );
        } catch (e) {
          // Refused (not a PDF, .docx, JPEG or PNG; empty): the same page again with the reason; nothing was stored.
          const error = formError(e, labelsFor(req, catalogue).locale);
          const extras = { status: error.status, error };
          await (activityId ? activityPage(req, res, activityId, extras) : activitiesPage(req, res, extras));
        }
      },
    },
    {
      method: 'get',
      path: '/attachments/:id',
      access: 'login',
      handler: async (req, res) => {
        sendAttachment(res, await svc().download(actorOf(req), String(req.params.id)));
      },
    },
  ];
}
