// POST /api/v1/registry/imports: MOI's list of existing pairs (.xlsx or .csv) — a dry run naming each refused row
// and its reasons in the caller's language, or (dryRun=false) the import of the valid rows.
import type { Request } from 'express';
import { z } from 'zod';
import type { RegistryImports } from '../../app/registry-import';
import type { RowReason } from '../../domain/registry-import';
import { projectCatalogue, type Locale } from '../../i18n/catalogue';
import { responseLocale } from '../errors';
import { field, requireFile } from '../uploads';
import { apiModule, apiRoute, problem } from './define';
import { NoQuery } from './schemas';
import { API_V1 } from './views';

const ImportResult = z.object({
  rows: z.number().int(),
  imported: z.number().int(),
  valid: z.number().int(),
  refused: z.array(z.object({ row: z.number().int(), reasons: z.array(z.string()) })),
  fileSha256: z.string(),
  newPartners: z.array(z.object({ id: z.string(), name: z.object({ th: z.string(), en: z.string() }) })),
});

/** A reason in the person's language (locales/<lang>/statistics.json). */
export function reasonText(locale: Locale, r: RowReason): string {
  const t = projectCatalogue().t;
  const params: Readonly<Record<string, string | number>> =
    r.code === 'missing'
      ? { field: t(locale, `statistics.import.fields.${r.field}`) }
      : r.code === 'earlier-row'
        ? { value: r.value, row: r.row }
        : { value: r.value };
  return t(locale, `statistics.import.reasons.${r.code}`, params);
}

const localeOf = (req: Request) => responseLocale(req);

export function registryImportApi({ registryImports }: { registryImports: RegistryImports }) {
  return apiModule('api-registry-imports', API_V1, [
    apiRoute({
      method: 'post',
      path: `${API_V1}/registry/imports`,
      access: ['moi', 'admin'],
      summary: 'Bring in the existing pairs from MOI’s list (.xlsx or .csv): a dry run, then the import',
      description:
        'multipart/form-data: `file` (.xlsx, or .csv in UTF-8 with or without a BOM; at most 5 MB and 5 000 rows) ' +
        'and `dryRun` (`true`, the default, stores nothing; `false` imports). The header row names the columns in ' +
        'Thai or English in any order (province/จังหวัด, partner_th, partner_en, country, kind, signed, term_years, ' +
        'state, reference, note). Each refused row is named by its row number as the spreadsheet shows it (the ' +
        'header is row 1) with its reasons in the caller’s language (Accept-Language). The valid rows become ' +
        'agreements in their state (in force, expired, terminated), each with one history entry citing the file’s ' +
        'SHA-256 and its row; partners not in the gazetteer are added for an admin to confirm. A second import ' +
        'of the same file adds nothing. A file that is not a workbook or UTF-8 CSV, holds formulas, too many rows, ' +
        'or unpacks too large is refused and nothing is stored.',
      query: NoQuery,
      form: {
        file: 'The list, .xlsx or .csv (UTF-8)',
        dryRun: '`true` (default): check only; `false`: import the valid rows',
      },
      responses: {
        200: { description: 'What the file holds, and what was imported', schema: ImportResult },
        400: problem('Not multipart, no file, not a readable workbook or CSV, or a cell holds a formula'),
        401: problem('Not signed in, or the token is unknown or revoked'),
        403: problem('Only MOI and administrators import the list'),
        413: problem('The file, its rows, or what it holds once unpacked, is too large'),
        422: problem('The header row lacks a required column (named in the problem’s errors)'),
      },
      handle: async ({ actor, req, res }) => {
        const locale = localeOf(req);
        const { upload, bytes, name } = await requireFile(
          req,
          5 * 1024 * 1024,
          projectCatalogue().bilingual('statistics.import.noFile'),
        );
        const dryRun = field(upload, 'dryRun') !== 'false';
        const r = await registryImports.run(actor, { bytes, name }, { dryRun });
        res.json({
          ...r,
          refused: r.refused.map((x) => ({
            row: x.row,
            reasons: x.reasons.map((why) => reasonText(locale, why)),
          })),
        });
      },
    }),
  ]);
}
