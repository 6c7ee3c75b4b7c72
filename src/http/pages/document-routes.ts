// Downloads: every document of every version, and a page listing them with each file's SHA-256.
import type { Response } from 'express';
import type { RenderedFile } from '../../app/document-service';
import type { PdfVariant } from '../../app/ports';
import { DOC_TYPES, LAYOUTS, type DocType, type Layout } from '../../documents';
import type { Catalogue } from '../../i18n/catalogue';
import { localeError } from '../errors';
import type { Route } from '../types';
import { labelsFor, loadFor, queryValue, type PageServices } from './shared';

function docType(v: string): DocType | undefined {
  return (DOC_TYPES as readonly string[]).includes(v) ? (v as DocType) : undefined;
}

function layoutOf(v: string): Layout | undefined {
  if (v === '') return 'parallel';
  return (LAYOUTS as readonly string[]).includes(v) ? (v as Layout) : undefined;
}

/** `mou.pdf` → the PDF of `mou`; `?pdfa=1` the PDF/A-2b one. */
function pdfRequest(raw: string, query: unknown): { name: string; variant?: PdfVariant } {
  if (!raw.endsWith('.pdf')) return { name: raw };
  return { name: raw.slice(0, -4), variant: queryValue(query, 'pdfa') === '1' ? 'pdfa' : 'plain' };
}

/** The .docx, or its PDF when one was asked for; the same headers either way. */
async function sendDocument(
  res: Response,
  s: PageServices,
  catalogue: Catalogue,
  file: RenderedFile,
  status: 'issued' | 'preview',
  variant: PdfVariant | undefined,
): Promise<void> {
  if (!variant) return sendDocx(res, file, status);
  if (!s.pdf) throw localeError(catalogue, 'not-found');
  const pdf = await s.pdf.pdfOf(file, variant);
  res.setHeader('X-MOU-Source-SHA256', pdf.sourceSha256);
  sendDocx(res, pdf, status);
}

/** The PDF links beside a .docx link: `…/mou?layout=x` → `…/mou.pdf?layout=x` (and `pdfa=1`). */
function pdfLinks(href: string, pdf: boolean): { pdfHref?: string; pdfaHref?: string } {
  if (!pdf) return {};
  const [path, query] = href.split('?');
  const q = query ? `?${query}&` : '?';
  return { pdfHref: `${path}.pdf${query ? `?${query}` : ''}`, pdfaHref: `${path}.pdf${q}pdfa=1` };
}

function sendDocx(
  res: Response,
  file: { buffer: Buffer; sha256: string; fileName: string; contentType: string },
  status: 'issued' | 'preview',
): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
  res.setHeader('X-Content-SHA256', file.sha256);
  res.setHeader('X-MOU-Document-Status', status);
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('Cache-Control', 'private, no-cache');
  res.send(file.buffer);
}

export function documentRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'get',
      path: '/agreements/:id/documents',
      access: 'login',
      handler: async (req, res) => {
        const { record } = await loadFor(req, s.agreements);
        const l = labelsFor(req, catalogue);
        const base = `/agreements/${encodeURIComponent(record.id)}/documents`;
        const issuedAll = s.documents.issued(record);
        const pdf = s.pdf !== undefined && s.pdf.unavailable() === undefined;
        const versions = [];
        for (const v of [...s.documents.list(record)].reverse()) {
          // Issued: the stored files (their SHA-256 is the one recorded in the history).
          const issued = issuedAll
            .filter((i) => i.versionNo === v.versionNo)
            .map((i) => ({
              ...i,
              label: l.doc(i.doc),
              eventLabel: l.event(i.event),
              href: `${base}/issued/${i.seq}`,
              ...pdfLinks(`${base}/issued/${i.seq}`, pdf),
            }));
          // Previews: rendered now, deterministic and cached, so the checksum shown is that of the file downloaded.
          const previews = [];
          for (const d of v.documents) {
            if (d.status === 'issued') continue;
            const file = await s.documents.renderRecord(record, d.versionNo, d.doc, d.layout);
            const href = `${base}/${d.versionNo}/${d.doc}${d.layout === 'parallel' ? '' : `?layout=${d.layout}`}`;
            previews.push({
              ...d,
              ...pdfLinks(href, pdf),
              label: l.doc(d.doc),
              layoutLabel: l.t(`agreement.layouts.${d.layout}`),
              sha256: file.sha256,
              size: Math.max(1, Math.round(file.buffer.length / 1024)),
              href,
            });
          }
          versions.push({ ...v, issued, previews });
        }
        res.render('agreements/documents', {
          pageTitle: `${l.t('agreement.documents.title')} · ${record.workingDraft.title[l.locale]}`,
          id: record.id,
          title: record.workingDraft.title[l.locale],
          versions,
          pdfMissing: s.pdf !== undefined && !pdf,
        });
      },
    },
    {
      method: 'get',
      path: '/agreements/:id/documents/issued/:seq',
      access: 'login',
      handler: async (req, res) => {
        const { record } = await loadFor(req, s.agreements);
        const { name, variant } = pdfRequest(String(req.params.seq), req.query);
        if (!/^\d{1,7}$/.test(name)) throw localeError(catalogue, 'not-found');
        const file = await s.documents.issuedFile(record, Number(name));
        await sendDocument(res, s, catalogue, file, 'issued', variant);
      },
    },
    {
      method: 'get',
      path: '/agreements/:id/documents/:versionNo/:doc',
      access: 'login',
      handler: async (req, res) => {
        const { record } = await loadFor(req, s.agreements);
        const versionNo = Number(req.params.versionNo);
        const { name, variant } = pdfRequest(String(req.params.doc), req.query);
        const doc = docType(name);
        const layout = layoutOf(queryValue(req.query, 'layout'));
        if (!Number.isInteger(versionNo) || versionNo < 1 || !doc || !layout)
          throw localeError(catalogue, 'not-found');
        const d = await s.documents.download(record, versionNo, doc, layout);
        await sendDocument(res, s, catalogue, d.file, d.issued ? 'issued' : 'preview', variant);
      },
    },
  ];
}
