// POST /api/v1/agreements/{id}/partner-text: the partner's returned text compared with the cleared text.
// POST /api/v1/agreements/{id}/versions/{n}/imports: a reviewer's annotated Word file → its comments and suggested
// wording placed on the version's articles (a preview, nothing stored), or, with confirm=true, added as comments.
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { DEFAULT_LIMITS } from '../../documents/word-in/package';
import { ImportPreviewSchema, importPreviewView } from './import-views';
import { field, requireFile } from '../uploads';
import type { ApiServices } from './agreements';
import { apiModule, apiRoute, problem } from './define';
import { AgreementContent, Comment } from '../../domain';
import { CHANGE_REASONS } from '../../domain/partner-changes';
import { partnerRedline } from '../../app/partner-text';
import { AgreementParams, NoQuery, VersionParams } from './schemas';
import { API_V1 } from './views';

const Lang = z.enum(['th', 'en']);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ImportResult = z.object({
  rev: z.number().int(),
  added: z.array(Comment),
  preview: ImportPreviewSchema,
});

const DESCRIPTION =
  'multipart/form-data: `file` (the .docx), and to store: `confirm=true`, `expectedRev`, optionally `take` ' +
  '(item ids c1…, s1…, comma-separated; default: every suggestion and every comment not resolved in the file). ' +
  'Comments are placed by the hidden bookmarks MOU Engine writes around each article (by key), else by their ' +
  'quoted text; tracked changes become suggestions in the language where they occur; text changed with tracking ' +
  'off is found by comparing each article with the version (kind "untracked"). A file of another agreement or ' +
  'version is refused (409). A file without those anchors is placed on the version of the path by its text, and ' +
  '`match` says which version its wording matches best and how sure (with the runner-up). The history records ' +
  'the import with the file’s SHA-256.';

const PartnerTextSchema = z.object({
  fileSha256: z.string(),
  versionNo: z.number().int(),
  readBy: z.enum(['bookmarks', 'headings']),
  proposal: z.enum(['SUBMIT_PARTNER_CHANGES', 'AGREE_FINAL_TEXT']),
  substantive: z.boolean(),
  parts: z.array(
    z.object({
      part: z.enum(['title', 'preamble', 'closing', 'article']),
      key: z.string().optional(),
      no: z.number().int().optional(),
      newNo: z.number().int().optional(),
      status: z.enum(['changed', 'added', 'removed']),
      substantive: z.boolean(),
      reasons: z.array(z.enum(CHANGE_REASONS)),
      changes: z.array(
        z.object({
          lang: z
            .union([Lang, z.literal('partner')])
            .describe("Thai, English, or the partner's language (its tag in `tag`)"),
          tag: z.string().optional().describe("The partner language's BCP 47 tag, on a change in its text"),
          before: z.string(),
          after: z.string(),
          reasons: z.array(z.enum(CHANGE_REASONS)),
        }),
      ),
    }),
  ),
  content: AgreementContent,
});

const fileOf = (req: Parameters<typeof requireFile>[0]) =>
  requireFile(req, DEFAULT_LIMITS.maxFileBytes, {
    th: 'กรุณาแนบไฟล์ .docx ในช่อง file',
    en: 'Attach the .docx in the field "file"',
  });

export function importApi({ agreements }: ApiServices) {
  return apiModule('api-imports', API_V1, [
    apiRoute({
      method: 'post',
      path: `${API_V1}/agreements/:id/partner-text`,
      access: 'login',
      actions: ['SUBMIT_PARTNER_CHANGES'],
      summary:
        'Compare the partner’s returned text (a Word file) with the cleared text: what changed, substantive or editorial',
      description:
        'multipart/form-data: `file` (the .docx the partner sent back), optionally `format=redline` for the redline ' +
        '.docx (cleared text → partner’s, tracked changes) instead of JSON. In partner agreement only; stores nothing. ' +
        'Articles are read by the anchors of the document sent (else by their headings); each change is classed ' +
        'substantive (numbers, dates, names, commitments, an article added or removed) or editorial, and the proposal ' +
        'is SUBMIT_PARTNER_CHANGES when any change is substantive, else AGREE_FINAL_TEXT. `content` is the returned ' +
        'text, to PUT as the working draft if the province takes it.',
      params: AgreementParams,
      query: NoQuery,
      form: {
        file: 'The .docx the partner sent back',
        format: '"redline" for the redline .docx instead of JSON (optional)',
      },
      responses: {
        200: {
          description: 'The comparison, or the redline .docx with format=redline',
          schema: PartnerTextSchema,
        },
        400: problem('Not a multipart form with a file, or not a Word file that can be read safely'),
        401: problem('Not signed in, or the token is unknown or revoked'),
        403: problem('Only the province’s secretary, in partner agreement'),
        404: problem('No such agreement, or not visible to you'),
        409: problem('A file of another agreement or version'),
        413: problem('The file is larger than the limit'),
        422: problem('No article could be found in the file'),
      },
      handle: async ({ actor, params, req, res }) => {
        const { upload, bytes } = await fileOf(req);
        const { record, result } = await agreements.partnerText(actor, params.id, bytes);
        if (field(upload, 'format') === 'redline') {
          const r = await partnerRedline(record, result);
          res.setHeader('Content-Type', DOCX_TYPE);
          res.attachment(r.fileName);
          res.send(r.buffer);
          return;
        }
        res.json(result);
      },
    }),
    apiRoute({
      method: 'post',
      path: `${API_V1}/agreements/:id/versions/:n/imports`,
      access: 'login',
      actions: ['ADD_COMMENT'],
      summary: 'Import a reviewer’s annotated Word file: preview its comments and suggestions, or add them',
      description: DESCRIPTION,
      params: VersionParams,
      query: NoQuery,
      form: {
        file: 'The annotated .docx as the reviewer sent it back',
        confirm: '"true" to add the items taken (else a preview, nothing stored)',
        expectedRev: 'With confirm: the rev of the agreement you last saw',
        take: 'With confirm: item ids, comma-separated (c1, s2…); default: the preview’s proposal',
      },
      responses: {
        200: { description: 'The preview: nothing stored', schema: ImportPreviewSchema },
        201: { description: 'The comments added and the agreement’s new rev', schema: ImportResult },
        400: problem(
          'Not a multipart form with a file, or not a Word file that can be read safely, or nothing chosen',
        ),
        401: problem('Not signed in, or the token is unknown or revoked'),
        403: problem('Your role may not comment on this agreement now'),
        404: problem('No such agreement or version, or not visible to you'),
        409: problem('A file of another agreement or version, or expectedRev is stale'),
        413: problem('The file is larger than the limit'),
      },
      handle: async ({ actor, params, req, res }) => {
        const { upload, bytes } = await fileOf(req);
        if (field(upload, 'confirm') !== 'true') {
          res.json(importPreviewView(await agreements.previewImport(actor, params.id, params.n, bytes)));
          return;
        }
        const rev = Number(field(upload, 'expectedRev'));
        if (!Number.isInteger(rev) || rev < 0)
          throw new DomainError('invalid-input', {
            th: 'กรุณาระบุ expectedRev (เลขรุ่นของบันทึกที่เห็นล่าสุด)',
            en: 'Give expectedRev (the rev of the agreement you last saw)',
          });
        const take = field(upload, 'take')
          ?.split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const { record, preview, added } = await agreements.importReview(
          actor,
          params.id,
          rev,
          params.n,
          bytes,
          take,
        );
        res.status(201).json({
          rev: record.rev,
          added: record.comments.filter((c) => added.includes(c.id)),
          preview: importPreviewView(preview),
        });
      },
    }),
  ]);
}
