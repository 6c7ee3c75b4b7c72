// POST /api/v1/agreements/{id}/versions/{n}/imports: a reviewer's annotated Word file → its comments and suggested
// wording placed on the version's articles (a preview, nothing stored), or, with confirm=true, added as comments.
import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { DEFAULT_LIMITS } from '../../documents/word-in/package';
import { withItemIds } from '../../documents/word-in/review-import';
import { field, readUpload } from '../uploads';
import type { ApiServices } from './agreements';
import { apiModule, apiRoute, problem } from './define';
import { Comment } from '../../domain';
import { NoQuery, VersionParams } from './schemas';
import { API_V1 } from './views';

const Anchor = z.object({
  kind: z.enum(['article', 'title', 'preamble', 'closing', 'document']),
  no: z.number().int().optional(),
  key: z.string().optional(),
});
const Lang = z.enum(['th', 'en']);
export const ImportPreviewSchema = z.object({
  fileSha256: z.string(),
  versionNo: z.number().int(),
  placedBy: z.enum(['bookmarks', 'text']),
  identity: z.object({
    agreement: z.string().optional(),
    versionNo: z.number().int().optional(),
    doc: z.string().optional(),
    layout: z.string().optional(),
    bookmarkVersions: z.array(z.number().int()),
    application: z.string().optional(),
  }),
  comments: z.array(
    z.object({
      id: z.string(),
      anchor: Anchor,
      lang: Lang.optional(),
      author: z.string(),
      date: z.string().optional(),
      text: z.string(),
      quote: z.string().optional(),
      resolved: z.boolean().optional(),
      replies: z.array(z.object({ author: z.string(), text: z.string() })).optional(),
    }),
  ),
  suggestions: z.array(
    z.object({
      id: z.string(),
      anchor: Anchor,
      lang: Lang,
      kind: z.enum(['insert', 'delete', 'replace', 'untracked']),
      field: z.enum(['heading', 'text']).optional(),
      before: z.string().optional(),
      after: z.string().optional(),
      wording: z.string(),
    }),
  ),
  unplaced: z.array(
    z.object({ item: z.enum(['comment', 'suggestion']), text: z.string(), author: z.string().optional() }),
  ),
  alreadyRecorded: z.number().int(),
  proposed: z.array(z.string()),
});
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
  'version is refused (409). The history records the import with the file’s SHA-256.';

export function importApi({ agreements }: ApiServices) {
  return apiModule('api-imports', API_V1, [
    apiRoute({
      method: 'post',
      path: `${API_V1}/agreements/:id/versions/:n/imports`,
      access: 'login',
      actions: ['ADD_COMMENT'],
      summary: 'Import a reviewer’s annotated Word file: preview its comments and suggestions, or add them',
      description: DESCRIPTION,
      params: VersionParams,
      query: NoQuery,
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
        const upload = await readUpload(req, { field: 'file', maxFileBytes: DEFAULT_LIMITS.maxFileBytes });
        if (!upload.file || upload.file.bytes.length === 0)
          throw new DomainError('invalid-input', {
            th: 'กรุณาแนบไฟล์ .docx ในช่อง file',
            en: 'Attach the .docx in the field "file"',
          });
        const bytes = upload.file.bytes;
        const view = (p: Awaited<ReturnType<typeof agreements.previewImport>>) => ({
          fileSha256: p.fileSha256,
          versionNo: p.versionNo,
          ...withItemIds(p),
          proposed: p.proposed,
        });
        if (field(upload, 'confirm') !== 'true') {
          res.json(view(await agreements.previewImport(actor, params.id, params.n, bytes)));
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
          preview: view(preview),
        });
      },
    }),
  ]);
}
