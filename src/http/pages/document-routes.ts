// Downloads: every document of every version, and a page listing them with each file's SHA-256.
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

export function documentRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'get',
      path: '/agreements/:id/documents',
      access: 'login',
      handler: async (req, res) => {
        const { record } = await loadFor(req, s.agreements);
        const l = labelsFor(req, catalogue);
        const versions = [];
        // Rendering is deterministic and cached, so the checksums shown are those of the files downloaded.
        for (const v of [...s.documents.list(record)].reverse()) {
          const documents = [];
          for (const d of v.documents) {
            const file = await s.documents.renderRecord(record, d.versionNo, d.doc, d.layout);
            documents.push({
              ...d,
              label: l.doc(d.doc),
              layoutLabel: l.t(`agreement.layouts.${d.layout}`),
              sha256: file.sha256,
              size: Math.max(1, Math.round(file.buffer.length / 1024)),
              href: `/agreements/${encodeURIComponent(record.id)}/documents/${d.versionNo}/${d.doc}${d.layout === 'parallel' ? '' : `?layout=${d.layout}`}`,
            });
          }
          versions.push({ ...v, documents });
        }
        res.render('agreements/documents', {
          pageTitle: `${l.t('agreement.documents.title')} · ${record.workingDraft.title[l.locale]}`,
          id: record.id,
          title: record.workingDraft.title[l.locale],
          versions,
        });
      },
    },
    {
      method: 'get',
      path: '/agreements/:id/documents/:versionNo/:doc',
      access: 'login',
      handler: async (req, res) => {
        const { record } = await loadFor(req, s.agreements);
        const versionNo = Number(req.params.versionNo);
        const doc = docType(String(req.params.doc));
        const layout = layoutOf(queryValue(req.query, 'layout'));
        if (!Number.isInteger(versionNo) || versionNo < 1 || !doc || !layout)
          throw localeError(catalogue, 'not-found');
        const file = await s.documents.renderRecord(record, versionNo, doc, layout);
        res.setHeader('Content-Type', file.contentType);
        res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
        res.setHeader('X-Content-SHA256', file.sha256);
        res.setHeader('ETag', `"${file.sha256}"`);
        res.setHeader('Cache-Control', 'private, no-cache');
        res.send(file.buffer);
      },
    },
  ];
}
