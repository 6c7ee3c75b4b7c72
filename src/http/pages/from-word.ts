// "New agreement" from an existing Word file: the upload form's route (POST /agreements/from-word), and the report of
// what was read, kept for the editor that opens next (shown once, at its top).
import type { Request } from 'express';
import { newDraftFromWord } from '../../app/draft-from-word';
import { invalid, isDomainError } from '../../domain';
import type { DraftReport } from '../../documents/word-in/draft-from-word';
import { DEFAULT_LIMITS } from '../../documents/word-in/package';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { STATUS_OF } from '../errors';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { readUpload, type Upload } from '../uploads';
import type { Labels } from './labels';
import { formError, type FormError } from './render';
import { labelsFor, type PageServices } from './shared';
import { wizardView } from './wizard';

declare module 'express-session' {
  interface SessionData {
    /** The report of the last draft made from a Word file, for its editor's first view. */
    wordReport?: { id: string; report: DraftReport };
  }
}

/** Notes kept for the page (a file of stray paragraphs could list hundreds); the rest are counted. */
const NOTES_SHOWN = 50;

export interface WordReportView {
  layout: string;
  languages: string[];
  anchored?: string;
  signatures?: string;
  notes: string[];
  more?: string;
  clean?: string;
}

export function wordReportView(r: DraftReport, l: Labels): WordReportView {
  const yes = (b: boolean) => l.t(b ? 'agreement.fromWord.report.yes' : 'agreement.fromWord.report.no');
  const side = r.thaiColumn
    ? ` ${l.t('agreement.fromWord.report.thaiColumn', { side: l.t(`agreement.fromWord.report.${r.thaiColumn}`) })}`
    : '';
  const notes = r.notes.map((n) => n.message[l.locale]);
  return {
    layout: `${l.t('agreement.fromWord.report.layout', { layout: l.t(`agreement.fromWord.report.layouts.${r.layout}`) })}${side}`,
    languages: (['th', 'en'] as const).map((lang) => {
      const f = r.found[lang];
      return l.t('agreement.fromWord.report.language', {
        lang: l.t(`agreement.lang.${lang}`),
        title: yes(f.title),
        preamble: yes(f.preamble),
        closing: yes(f.closing),
        count: f.articles.length,
        numbers: f.articles.join(', ') || '—',
      });
    }),
    ...(r.anchoredHeadings > 0
      ? { anchored: l.t('agreement.fromWord.report.anchored', { count: r.anchoredHeadings }) }
      : {}),
    ...(r.signatureParagraphs > 0
      ? { signatures: l.t('agreement.fromWord.report.signatures', { count: r.signatureParagraphs }) }
      : {}),
    notes: notes.slice(0, NOTES_SHOWN),
    ...(notes.length > NOTES_SHOWN
      ? { more: l.t('agreement.fromWord.report.more', { count: notes.length - NOTES_SHOWN }) }
      : {}),
    ...(notes.length === 0 ? { clean: l.t('agreement.fromWord.report.clean') } : {}),
  };
}

/** The report of the draft `id` was made with, once: the editor's first view after the upload. */
export function takeWordReport(req: Request, id: string, l: Labels): WordReportView | undefined {
  const kept = req.session?.wordReport;
  if (!kept || kept.id !== id) return undefined;
  delete req.session.wordReport;
  return wordReportView(kept.report, l);
}

const NO_FILE = { th: 'กรุณาเลือกไฟล์ Word (.docx)', en: 'Choose a Word file (.docx)' };

/** A file the reader refuses (not a Word file, too large, no articles) is shown on the form, like a field error. */
function uploadError(e: unknown, l: Labels): FormError {
  if (isDomainError(e) && (e.code === 'invalid-input' || e.code === 'payload-too-large'))
    return { ...formError(invalid(e.userMessage), l.locale), status: STATUS_OF[e.code] };
  return formError(e, l.locale);
}

export function fromWordRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'post',
      path: '/agreements/from-word',
      access: ['secretary', 'admin'],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const isAdmin = actor.role === 'admin';
        // The form is read by this route (the CSRF token came in the action URL): its fields are the upload's.
        let upload: Upload = { fields: {} };
        const one = (name: string) => upload.fields[name]?.[0] ?? '';
        const province = () => (isAdmin ? one('province') : (actor.province ?? ''));
        try {
          upload = await readUpload(req, { field: 'file', maxFileBytes: DEFAULT_LIMITS.maxFileBytes });
          const file = upload.file;
          if (!file || (file.bytes.length === 0 && file.name === ''))
            throw invalid(NO_FILE, [{ path: 'file', message: NO_FILE }]);
          const { record, report } = await newDraftFromWord(s, actor, {
            province: province(),
            partner: one('partner'),
            areas: upload.fields.areas ?? [],
            kind: one('kind'),
            file: file.bytes,
          });
          if (req.session) req.session.wordReport = { id: record.id, report };
          flash(req, { kind: 'success', key: 'agreement.fromWord.created' });
          res.redirect(303, `/agreements/${encodeURIComponent(record.id)}/edit`);
        } catch (e) {
          const l = labelsFor(req, catalogue);
          const error = uploadError(e, l);
          const kind = one('kind');
          const wizard = wizardView(l, await s.gazetteer.current(), {
            isAdmin,
            province: province(),
            values: {
              kind,
              partner: one('partner'),
              areas: upload.fields.areas ?? [],
              years: '5',
              noticeMonths: '6',
              province: province(),
            },
          });
          res.status(error.status).render('agreements/from-word', {
            pageTitle: l.t('agreement.fromWord.title'),
            wizard,
            fromWordKind: kind,
            error,
          });
        }
      },
    },
  ];
}
