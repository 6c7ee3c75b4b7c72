// /api/v1/agreements/{id}/versions/{n}/documents: list and download the generated .docx of a version.
import { DOCX_CONTENT_TYPE } from '../../app/document-service';
import { findVersion } from '../../app/document-service-rules';
import type { ApiServices } from './agreements';
import { apiModule, apiRoute, type ResponseDoc } from './define';
import { DocumentList, DocumentParams, DocumentQuery, NoQuery, Problem, VersionParams } from './schemas';
import { API_V1, documentLink, loadVisible } from './views';

const problem = (description: string): ResponseDoc => ({
  description,
  schema: Problem,
  contentType: 'application/problem+json',
});
const ERRORS = {
  401: problem('Not signed in, or the token is unknown or revoked'),
  404: problem('No such agreement, version or document (e.g. a redline of version 1)'),
  422: problem('Unknown query parameter or layout'),
};

export function documentApi({ agreements, documents }: ApiServices) {
  const base = `${API_V1}/agreements/:id/versions/:n/documents`;
  return apiModule('api-documents', API_V1, [
    apiRoute({
      method: 'get',
      path: base,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The documents this version has, with their file names and download links',
      params: VersionParams,
      query: NoQuery,
      responses: { 200: { description: 'Documents', schema: DocumentList }, ...ERRORS },
      handle: async ({ actor, params, res }) => {
        const record = await loadVisible(agreements, actor, params.id);
        findVersion(record, params.n);
        const version = documents.list(record).find((v) => v.versionNo === params.n);
        res.json({ items: (version?.documents ?? []).map((d) => documentLink(record.id, d)) });
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/:doc`,
      access: 'login',
      actions: ['VIEW'],
      summary:
        'Download one document of one version as .docx, generated on demand (byte-identical for the same data)',
      description:
        'doc: mou, review (the version with the comments made on it), redline and comparison (against the previous ' +
        'version), memo (cover memo citing the committee resolution), plan, signing (the cleared text). ' +
        'The X-Content-SHA256 header carries the SHA-256 of the body.',
      params: DocumentParams,
      query: DocumentQuery,
      responses: {
        200: { description: 'The .docx file (Content-Disposition names it)', contentType: DOCX_CONTENT_TYPE },
        ...ERRORS,
      },
      handle: async ({ actor, params, query, res }) => {
        const record = await loadVisible(agreements, actor, params.id);
        const file = await documents.renderRecord(record, params.n, params.doc, query.layout);
        res.attachment(file.fileName);
        res.setHeader('Content-Type', file.contentType);
        res.setHeader('X-Content-SHA256', file.sha256);
        res.setHeader('ETag', `"${file.sha256}"`);
        res.setHeader('Cache-Control', 'private, no-cache');
        res.send(file.buffer);
      },
    }),
  ]);
}
