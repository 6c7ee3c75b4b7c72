// After signing, over the API: attached files (multipart in, bytes out) and activities (JSON), under the names the
// issue fixed so programs can rely on them. Another province's secretary gets 404 on every route.
import { z } from 'zod';
import type { PartnershipService } from '../../app/partnership-service';
import type { AttachmentInfo } from '../../app/partnership-ports';
import {
  ActivityInput,
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  ATTACHMENT_KINDS,
  DomainError,
  type Activity,
} from '../../domain';
import { field, readUpload, sendAttachment } from '../uploads';
import { apiModule, apiRoute, problem } from './define';
import { AgreementId, AgreementParams, NoQuery } from './schemas';
import { API_V1 } from './views';

const Bi = z.object({ th: z.string(), en: z.string() });

export const AttachmentView = z.object({
  id: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  name: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  activityId: z.string().optional(),
  versionNo: z.number().int().optional(),
  uploadedAt: z.string(),
  href: z.string(),
});
export const AttachmentList = z.object({ items: z.array(AttachmentView) });

export const ActivityView = z.object({
  id: z.string(),
  agreementId: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  status: z.enum(ACTIVITY_STATUSES),
  title: Bi,
  start: z.string(),
  end: z.string(),
  place: Bi,
  summary: Bi,
  participants: z.object({
    thai: z.number().int(),
    partner: z.number().int(),
    names: z
      .object({ thai: z.array(z.string()).optional(), partner: z.array(z.string()).optional() })
      .optional(),
  }),
  area: z.string().optional(),
  responsibleAgency: Bi.optional(),
  budgetThb: z.number().optional(),
  fulfils: z.string().optional(),
  outcomes: Bi.optional(),
  recordedAt: z.string(),
});
export const ActivityList = z.object({ items: z.array(ActivityView) });

const AttachmentParams = z.object({ id: AgreementId }).strict();
const ActivityParams = z.object({ id: AgreementId, activityId: AgreementId }).strict();

const attachmentPath = (id: string) => `${API_V1}/attachments/${id}`;

/** Field by field from the response schema: nothing storage adds leaves the API. */
function attachmentView(a: AttachmentInfo): z.output<typeof AttachmentView> {
  return {
    id: a.id,
    sha256: a.sha256,
    size: a.size,
    contentType: a.contentType,
    name: a.name,
    kind: z.enum(ATTACHMENT_KINDS).catch('other').parse(a.kind),
    ...(a.activityId !== undefined ? { activityId: a.activityId } : {}),
    ...(a.versionNo !== undefined ? { versionNo: a.versionNo } : {}),
    uploadedAt: a.uploadedAt,
    href: attachmentPath(a.id),
  };
}

function activityView(a: Activity): z.output<typeof ActivityView> {
  return {
    id: a.id,
    agreementId: a.agreementId,
    kind: a.kind,
    status: a.status,
    title: a.title,
    start: a.start,
    end: a.end,
    place: a.place,
    summary: a.summary,
    participants: a.participants,
    ...(a.area !== undefined ? { area: a.area } : {}),
    ...(a.responsibleAgency !== undefined ? { responsibleAgency: a.responsibleAgency } : {}),
    ...(a.budgetThb !== undefined ? { budgetThb: a.budgetThb } : {}),
    ...(a.fulfils !== undefined ? { fulfils: a.fulfils } : {}),
    ...(a.outcomes !== undefined ? { outcomes: a.outcomes } : {}),
    recordedAt: a.recordedAt,
  };
}

const READ = {
  401: problem('Not signed in, or the token is unknown or revoked'),
  404: problem('No such agreement (or file, or activity), or not visible to you'),
};
const WRITE = {
  ...READ,
  400: problem('Not multipart (or not JSON), or no file'),
  403: problem('Only the province’s secretaries, while the agreement is in force'),
  409: problem('The agreement changed too often meanwhile; send again'),
  413: problem('The file is larger than the limit (MOU_ATTACHMENT_MAX_MB)'),
  422: problem(
    'Not a PDF, .docx, JPEG or PNG by its content (or markup inside it), empty, or invalid fields',
  ),
};

const NO_FILE = { th: 'กรุณาแนบไฟล์ในช่อง file', en: 'Attach the file in the field "file"' };

/** A form field that must be a positive whole number when given. */
function versionOf(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (!/^[1-9]\d{0,2}$/.test(v))
    throw new DomainError('validation-failed', {
      th: 'เลขร่าง (versionNo) ไม่ถูกต้อง',
      en: 'versionNo is not a version number',
    });
  return Number(v);
}

export function partnershipApi({ partnership }: { partnership: PartnershipService }) {
  const base = `${API_V1}/agreements/:id`;
  return apiModule('api-partnership', API_V1, [
    apiRoute({
      method: 'post',
      path: `${base}/attachments`,
      access: 'login',
      actions: ['ATTACH_FILE'],
      summary:
        'Attach a file (signed scan, minutes, letter, photo, programme) to the agreement, a version or an activity',
      description:
        'multipart/form-data: `file`, optional `activityId`, `kind` (signed-scan, minutes, letter, photo, programme, ' +
        'other) and `versionNo`. The type is judged by the content against an allow-list (PDF, .docx, JPEG, PNG), ' +
        'whatever the name or declared type; markup inside an image or a PDF head is refused; the size limit is ' +
        'MOU_ATTACHMENT_MAX_MB (413 beyond). The SHA-256 enters the agreement’s hash-chained history. A refused or ' +
        'failed upload stores nothing.',
      params: AgreementParams,
      query: NoQuery,
      form: {
        file: 'The file: PDF, .docx, JPEG or PNG',
        activityId: 'The activity it belongs to (optional)',
        kind: 'signed-scan, minutes, letter, photo, programme or other (optional)',
        versionNo: 'The version it concerns (optional)',
      },
      responses: { 201: { description: 'Stored', schema: AttachmentView }, ...WRITE },
      handle: async ({ actor, params, req, res }) => {
        // Not there to whoever may not see it (404), before the body is read.
        await partnership.attachments(actor, params.id);
        // One byte over the limit is enough to know (busboy flags a file that reaches its limit); the service refuses
        // anything past the limit itself.
        const upload = await readUpload(req, {
          field: 'file',
          maxFileBytes: partnership.maxAttachmentBytes + 1,
        });
        if (!upload.file) throw new DomainError('invalid-input', NO_FILE);
        const activityId = field(upload, 'activityId') || undefined;
        const kind = field(upload, 'kind') || undefined;
        const versionNo = versionOf(field(upload, 'versionNo'));
        const info = await partnership.attach(actor, params.id, {
          bytes: upload.file.bytes,
          name: upload.file.name,
          ...(kind ? { kind } : {}),
          ...(activityId ? { activityId } : {}),
          ...(versionNo !== undefined ? { versionNo } : {}),
        });
        res.status(201).location(attachmentPath(info.id)).json(attachmentView(info));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/attachments`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The files attached to the agreement (from its history), oldest first',
      params: AgreementParams,
      query: NoQuery,
      responses: { 200: { description: 'The files', schema: AttachmentList }, ...READ },
      handle: async ({ actor, params, res }) => {
        res.json({ items: (await partnership.attachments(actor, params.id)).map(attachmentView) });
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/attachments/:id`,
      access: 'login',
      actions: ['VIEW'],
      summary:
        'The bytes of an attached file, as a download (never shown inline), checked against its SHA-256',
      params: AttachmentParams,
      query: NoQuery,
      responses: {
        200: {
          description: 'The file (Content-Disposition: attachment; X-Content-SHA256)',
          contentType: 'application/octet-stream',
        },
        ...READ,
        500: problem('integrity-failure: the stored file no longer matches the SHA-256 of its history entry'),
      },
      handle: async ({ actor, params, res }) => {
        sendAttachment(res, await partnership.download(actor, params.id));
      },
    }),
    apiRoute({
      method: 'post',
      path: `${base}/activities`,
      access: 'login',
      actions: ['RECORD_ACTIVITY'],
      summary: 'Record an activity: an action-plan item (status planned) or the report of one held',
      description: `At least { kind, title: { th, en }, start, end, place: { th, en }, summary: { th, en }, participants: { thai, partner } }; kinds: ${ACTIVITY_KINDS.join(', ')}.`,
      params: AgreementParams,
      query: NoQuery,
      body: ActivityInput,
      responses: { 201: { description: 'Recorded', schema: ActivityView }, ...WRITE },
      handle: async ({ actor, params, body, res }) => {
        const a = await partnership.recordActivity(actor, params.id, body);
        res
          .status(201)
          .location(`${API_V1}/agreements/${params.id}/activities/${a.id}`)
          .json(activityView(a));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/activities`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The agreement’s activities, by start date',
      params: AgreementParams,
      query: NoQuery,
      responses: { 200: { description: 'The activities', schema: ActivityList }, ...READ },
      handle: async ({ actor, params, res }) => {
        res.json({ items: (await partnership.activities(actor, params.id)).activities.map(activityView) });
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/activities/:activityId`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'One activity',
      params: ActivityParams,
      query: NoQuery,
      responses: { 200: { description: 'The activity', schema: ActivityView }, ...READ },
      handle: async ({ actor, params, res }) => {
        res.json(activityView((await partnership.activity(actor, params.id, params.activityId)).activity));
      },
    }),
    apiRoute({
      method: 'put',
      path: `${base}/activities/:activityId`,
      access: 'login',
      actions: ['RECORD_ACTIVITY'],
      summary: 'Replace an activity (its status as it is carried out, its report once held)',
      params: ActivityParams,
      query: NoQuery,
      body: ActivityInput,
      responses: { 200: { description: 'The activity', schema: ActivityView }, ...WRITE },
      handle: async ({ actor, params, body, res }) => {
        res.json(activityView(await partnership.updateActivity(actor, params.id, params.activityId, body)));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/action-plan`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The action plan (.docx, Thai and English) generated from the activities',
      params: AgreementParams,
      query: NoQuery,
      responses: {
        200: {
          description: 'The .docx',
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
        ...READ,
      },
      handle: async ({ actor, params, res }) => {
        const f = await partnership.actionPlan(actor, params.id);
        res.attachment(f.fileName.replace(/\.docx$/, '_activities.docx'));
        res.setHeader('Content-Type', f.contentType);
        res.setHeader('X-Content-SHA256', f.sha256);
        res.send(f.buffer);
      },
    }),
  ]);
}
