// /api/v1/agreements/{id}/…: the documents of a version (issued or preview), the issued files, the verification.
import type { Response } from 'express';
import type { RenderedFile } from '../../app/document-service';
import { DOCX_CONTENT_TYPE } from '../../app/document-service';
import { findVersion } from '../../app/document-service-rules';
import { PDF_CONTENT_TYPE, type PdfService } from '../../app/pdf-service';
import { DomainError } from '../../domain/errors';
import type { ApiServices } from './agreements';
import { apiModule, apiRoute, problem } from './define';
import {
  AgreementParams,
  DocumentList,
  DocumentParams,
  DocumentQuery,
  IssuedList,
  IssuedParams,
  NoQuery,
  PdfDocumentQuery,
  PdfIssuedQuery,
  VerificationView,
  VersionParams,
} from './schemas';
import { API_V1, issuedView, versionDocuments } from './views';

const ERRORS = {
  401: problem('Not signed in, or the token is unknown or revoked'),
  404: problem('No such agreement, version or document (e.g. a redline of version 1)'),
  422: problem('Unknown query parameter or layout'),
  500: problem('integrity-failure: the stored issued file no longer matches the SHA-256 its step recorded'),
};

function sendFile(res: Response, file: RenderedFile, status: 'issued' | 'preview', seq?: number): void {
  res.attachment(file.fileName);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('X-Content-SHA256', file.sha256);
  res.setHeader('X-MOU-Document-Status', status);
  if (seq !== undefined) res.setHeader('X-MOU-Issued-Entry', String(seq));
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.send(file.buffer);
}

const PDF_ERRORS = {
  ...ERRORS,
  503: problem(
    'pdf-unavailable: no LibreOffice on the server (the message says what to install), or the conversion timed out',
  ),
};

/** The PDF of a .docx (pdfa=1: PDF/A-2b), with the .docx's status and its SHA-256 in X-MOU-Source-SHA256. */
async function sendPdf(
  res: Response,
  pdf: PdfService | undefined,
  file: RenderedFile,
  pdfa: '0' | '1',
  status: 'issued' | 'preview',
  seq?: number,
): Promise<void> {
  if (!pdf) throw new DomainError('not-found', { th: 'ไม่มีบริการ PDF', en: 'No PDF service' });
  const out = await pdf.pdfOf(file, pdfa === '1' ? 'pdfa' : 'plain');
  res.attachment(out.fileName);
  res.setHeader('Content-Type', out.contentType);
  res.setHeader('X-Content-SHA256', out.sha256);
  res.setHeader('X-MOU-Source-SHA256', out.sourceSha256);
  res.setHeader('X-MOU-Document-Status', status);
  if (seq !== undefined) res.setHeader('X-MOU-Issued-Entry', String(seq));
  res.setHeader('ETag', `"${out.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.send(out.buffer);
}

const PDF_NOTE =
  'Converted from the .docx by LibreOffice headless, one conversion at a time, cached by the .docx SHA-256 ' +
  '(X-MOU-Source-SHA256); pdfa=1 gives PDF/A-2b for archiving. Thai fonts are embedded. 503 pdf-unavailable ' +
  'when the server has no LibreOffice (the message says what to install) or the conversion timed out.';

export function documentApi({ agreements, documents, verifier, pdf }: ApiServices) {
  const base = `${API_V1}/agreements/:id/versions/:n/documents`;
  return apiModule('api-documents', API_V1, [
    apiRoute({
      method: 'get',
      path: base,
      access: 'login',
      actions: ['VIEW'],
      summary:
        'The documents this version has (issued or preview), with download links, and what the steps issued',
      params: VersionParams,
      query: NoQuery,
      responses: { 200: { description: 'Documents', schema: DocumentList }, ...ERRORS },
      handle: async ({ actor, params, res }) => {
        const record = await agreements.get(actor, params.id);
        findVersion(record, params.n);
        res.json(versionDocuments(documents, record, params.n));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/:doc`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'Download one document of one version as .docx: as issued if a step issued it, else a preview',
      description:
        'doc: mou, review (the version with the comments made on it), redline and comparison (against the previous ' +
        'version), memo (cover memo citing the committee resolution), plan, signing (the cleared text). ' +
        'When a step issued this document in this layout, the body is the file stored at that step (the latest ' +
        'issue), checked against its SHA-256; X-MOU-Document-Status says issued or preview. The X-Content-SHA256 ' +
        'header carries the SHA-256 of the body.',
      params: DocumentParams,
      query: DocumentQuery,
      responses: {
        200: { description: 'The .docx file (Content-Disposition names it)', contentType: DOCX_CONTENT_TYPE },
        ...ERRORS,
      },
      handle: async ({ actor, params, query, res }) => {
        const record = await agreements.get(actor, params.id);
        const d = await documents.download(record, params.n, params.doc, query.layout);
        sendFile(res, d.file, d.issued ? 'issued' : 'preview', d.issued?.seq);
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/:doc/pdf`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The same document as PDF (pdfa=1: PDF/A-2b), issued or preview as for the .docx',
      description: PDF_NOTE,
      params: DocumentParams,
      query: PdfDocumentQuery,
      responses: {
        200: { description: 'The PDF file (Content-Disposition names it)', contentType: PDF_CONTENT_TYPE },
        ...PDF_ERRORS,
      },
      handle: async ({ actor, params, query, res }) => {
        const record = await agreements.get(actor, params.id);
        const d = await documents.download(record, params.n, params.doc, query.layout);
        await sendPdf(res, pdf, d.file, query.pdfa, d.issued ? 'issued' : 'preview', d.issued?.seq);
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/agreements/:id/issued`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'Every document the steps issued, oldest first, with its SHA-256 and its history entry',
      params: AgreementParams,
      query: NoQuery,
      responses: { 200: { description: 'Issued documents', schema: IssuedList }, ...ERRORS },
      handle: async ({ actor, params, res }) => {
        const record = await agreements.get(actor, params.id);
        res.json({ items: documents.issued(record).map((i) => issuedView(record.id, i)) });
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/agreements/:id/issued/:seq`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The file history entry {seq} issued, byte for byte as issued (checked against its SHA-256)',
      params: IssuedParams,
      query: NoQuery,
      responses: {
        200: { description: 'The .docx file as issued', contentType: DOCX_CONTENT_TYPE },
        ...ERRORS,
      },
      handle: async ({ actor, params, res }) => {
        const record = await agreements.get(actor, params.id);
        sendFile(res, await documents.issuedFile(record, params.seq), 'issued', params.seq);
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/agreements/:id/issued/:seq/pdf`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The file history entry {seq} issued, as PDF (pdfa=1: PDF/A-2b)',
      description: PDF_NOTE,
      params: IssuedParams,
      query: PdfIssuedQuery,
      responses: {
        200: { description: 'The PDF of the .docx as issued', contentType: PDF_CONTENT_TYPE },
        ...PDF_ERRORS,
      },
      handle: async ({ actor, params, query, res }) => {
        const record = await agreements.get(actor, params.id);
        await sendPdf(
          res,
          pdf,
          await documents.issuedFile(record, params.seq),
          query.pdfa,
          'issued',
          params.seq,
        );
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/agreements/:id/verification`,
      access: 'login',
      actions: ['VIEW'],
      summary:
        'Verify the record: the history chain, its anchor kept outside the agreement, every issued file',
      params: AgreementParams,
      query: NoQuery,
      responses: {
        200: { description: 'The verdict (ok is false when any problem)', schema: VerificationView },
        ...ERRORS,
      },
      handle: async ({ actor, params, res }) => {
        const record = await agreements.get(actor, params.id);
        res.setHeader('Cache-Control', 'no-store');
        res.json(await verifier.verify(record));
      },
    }),
  ]);
}
