// POST /api/v1/agreements/from-word: a new draft from an existing Word file (multipart, field `file`), and the
// report of what was read from it.
import { z } from 'zod';
import { newDraftFromWord } from '../../app/draft-from-word';
import type { GazetteerService } from '../../app/gazetteer-service';
import { DomainError } from '../../domain';
import { DEFAULT_LIMITS } from '../../documents/word-in/package';
import { field, readUpload } from '../uploads';
import type { ApiServices } from './agreements';
import { apiModule, apiRoute, problem } from './define';
import { AgreementView, NoQuery } from './schemas';
import { agreementPath, agreementView, API_V1 } from './views';

const Bi = z.object({ th: z.string(), en: z.string() });
const Found = z.object({
  title: z.boolean(),
  preamble: z.boolean(),
  closing: z.boolean(),
  articles: z.array(z.number().int()),
});

/** The report as it leaves the API: what was recognised, and notes on what was not, in both languages. */
export const DraftReportView = z.object({
  layout: z.enum(['parallel', 'sequential', 'separate', 'one-language']),
  thaiColumn: z.enum(['left', 'right']).optional(),
  found: z.object({ th: Found, en: Found }),
  anchoredHeadings: z.number().int(),
  signatureParagraphs: z.number().int(),
  notes: z.array(
    z.object({
      code: z.enum([
        'unplaced',
        'one-language',
        'numbering-gap',
        'duplicate-article',
        'missing-part',
        'anchor-unrecognised',
      ]),
      message: Bi,
      lang: z.enum(['th', 'en']).optional(),
      no: z.number().int().optional(),
      paragraphs: z.array(z.number().int()).optional(),
    }),
  ),
});

const FromWordResult = z.object({ agreement: AgreementView, report: DraftReportView });

const NO_FILE = {
  th: 'กรุณาแนบไฟล์ .docx ในช่อง file',
  en: 'Attach the .docx in the field "file"',
};

export function fromWordApi({ agreements, gazetteer }: ApiServices & { gazetteer: GazetteerService }) {
  return apiModule('api-from-word', API_V1, [
    apiRoute({
      method: 'post',
      path: `${API_V1}/agreements/from-word`,
      access: ['secretary', 'admin'],
      actions: ['CREATE_DRAFT'],
      summary: 'Create a draft from an existing Word file (.docx) of an MOU, with a report of what was read',
      description:
        'multipart/form-data: `file` (the .docx, at most 20 MB), `partner` (a partner id of the gazetteer), ' +
        '`province` (an admin names it; a secretary’s is their own), optional `kind` (else as the title names it) ' +
        'and `areas` (repeated). Reads a parallel Thai | English table (either column order), the Thai text then ' +
        'the English, or separate originals; articles by their headings ("ข้อ ๑", "Article 1"). A file that is not ' +
        'a readable .docx, or holds no articles, is refused and nothing is stored.',
      query: NoQuery,
      form: {
        file: 'The .docx of the MOU, at most 20 MB',
        partner: 'A partner id of the gazetteer',
        province: 'The province (admins; a secretary’s is their own)',
        kind: 'sister, friendship or partnership (optional: else as the title names it)',
        areas: 'Areas of cooperation, one field per area (optional)',
      },
      responses: {
        201: { description: 'Created; Location names it', schema: FromWordResult },
        400: problem(
          'Not multipart, no file, or not a Word file that can be read (macros, encryption, DOCTYPE)',
        ),
        401: problem('Not signed in, or the token is unknown or revoked'),
        403: problem('Your role may not create drafts (or not for this province)'),
        413: problem('The file, or what it holds once unpacked, is too large'),
        422: problem('A choice is missing or invalid, or the file holds no articles'),
      },
      handle: async ({ actor, req, res }) => {
        const upload = await readUpload(req, { field: 'file', maxFileBytes: DEFAULT_LIMITS.maxFileBytes });
        if (!upload.file || upload.file.bytes.length === 0) throw new DomainError('invalid-input', NO_FILE);
        const { record, report } = await newDraftFromWord({ agreements, gazetteer }, actor, {
          province: field(upload, 'province') || (actor.province ?? ''),
          partner: field(upload, 'partner') ?? '',
          kind: field(upload, 'kind') ?? '',
          areas: upload.fields.areas ?? [],
          file: upload.file.bytes,
        });
        res
          .status(201)
          .location(agreementPath(record.id))
          .json({ agreement: agreementView(agreements, actor, record), report });
      },
    }),
  ]);
}
