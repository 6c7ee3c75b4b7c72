// The review page's Word import: MFA uploads the annotated file, sees every comment and suggestion placed on its
// article (nothing stored), ticks what to take and confirms; the file waits in memory in between (pending-imports).
import type { Request, Response } from 'express';
import type { ImportPreview } from '../../app/review-import';
import { langOfText } from '../../domain/script';
import { DEFAULT_LIMITS } from '../../documents/word-in/package';
import type { ImportAnchor } from '../../documents/word-in/review-import';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { requireFile } from '../uploads';
import { field } from '../validate';
import type { Labels } from './labels';
import { keepUpload, pendingImports, uploadExpired, type PendingImports } from './pending-imports';
import { showRefusal, renderReview } from './render';
import { agreementId, expectedRev, formValues, labelsFor, loadFor, type PageServices } from './shared';

function anchorText(l: Labels, a: ImportAnchor): string {
  switch (a.kind) {
    case 'article':
      return l.anchor(a);
    case 'preamble':
      return l.anchor({ kind: 'preamble' });
    case 'title':
      return l.t('agreement.import.title');
    case 'closing':
      return l.t('agreement.import.closing');
    case 'document':
      return l.anchor({ kind: 'document' });
  }
}

/** What a suggestion does, by what it has: a replacement without one side is an insertion or a deletion. */
function kindOf(s: ImportPreview['suggestions'][number]): 'insert' | 'delete' | 'replace' {
  if (s.kind === 'insert' || (!s.before && s.after)) return 'insert';
  if (s.kind === 'delete' || (s.before && !s.after)) return 'delete';
  return 'replace';
}

/** The preview as the page shows it: each item with its place, language and whether it is proposed. */
export function importView(l: Labels, p: ImportPreview) {
  const proposed = new Set(p.proposed);
  const lang = (x: string | undefined) => (x ? l.t(`agreement.import.lang.${x}`) : '');
  return {
    fileSha256: p.fileSha256,
    placedByText: p.placedBy === 'text',
    // The page's version stays the one used; a file whose wording matches another version better is said to.
    otherVersion:
      p.match && p.match.best.versionNo !== p.versionNo
        ? { best: p.match.best.versionNo, share: Math.round(p.match.best.share * 100) }
        : undefined,
    alreadyRecorded: p.alreadyRecorded,
    comments: p.comments.map((c) => ({
      id: c.id,
      checked: proposed.has(c.id),
      where: anchorText(l, c.anchor),
      lang: lang(c.lang),
      langCode: c.lang ?? '',
      author: c.author,
      text: c.text,
      textLang: langOfText(c.text),
      quote: c.quote,
      resolved: c.resolved === true,
      replies: (c.replies ?? []).map((r) => ({ ...r, lang: langOfText(r.text) })),
    })),
    suggestions: p.suggestions.map((s) => ({
      id: s.id,
      checked: proposed.has(s.id),
      where: anchorText(l, s.anchor),
      lang: lang(s.lang),
      langCode: s.lang,
      untracked: s.kind === 'untracked',
      // The words in the page's language; the quoted wording in its own (marked with lang on the page).
      what: l.t(`agreement.import.kind.${kindOf(s)}`),
      before: s.kind === 'insert' ? undefined : s.before,
      after: s.kind === 'delete' ? undefined : s.after,
      author: s.author,
    })),
    unplaced: p.unplaced,
  };
}

export function importRoutes(
  s: PageServices,
  catalogue: Catalogue,
  pending: PendingImports<ImportPreview> = pendingImports<ImportPreview>(),
): Route[] {
  const versionOf = (req: Request) => Number(req.params.n);

  async function showPreview(req: Request, res: Response, token: string, preview: ImportPreview) {
    const { record } = await loadFor(req, s.agreements);
    const l = labelsFor(req, catalogue);
    res.render('agreements/import', {
      pageTitle: l.t('agreement.import.heading'),
      a: { id: record.id, rev: record.rev },
      versionNo: preview.versionNo,
      token,
      ...importView(l, preview),
    });
  }

  const refused = (req: Request, res: Response, e: unknown) =>
    showRefusal(renderReview, s, catalogue, req, res, e);

  return [
    {
      method: 'post',
      path: '/agreements/:id/versions/:n/imports',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const id = agreementId(req);
        try {
          const upload = await requireFile(req, DEFAULT_LIMITS.maxFileBytes, {
            th: 'กรุณาเลือกไฟล์ .docx ที่ผู้พิจารณาส่งกลับมา',
            en: 'Choose the .docx the reviewer sent back',
          });
          const preview = await s.agreements.previewImport(actor, id, versionOf(req), upload.bytes);
          const token = keepUpload(pending, actor.userId, id, preview.versionNo, upload, preview);
          await showPreview(req, res, token, preview);
        } catch (e) {
          await refused(req, res, e);
        }
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/versions/:n/imports/confirm',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const id = agreementId(req);
        const token = field(req.body, 'token');
        try {
          const file = pending.get(token, actor.userId, id);
          if (!file || file.versionNo !== versionOf(req)) throw uploadExpired();
          const take = formValues(req.body, 'take');
          const { added } = await s.agreements.importReview(
            actor,
            id,
            expectedRev(req.body),
            file.versionNo,
            // The preview shown, as read then: the file is not parsed again.
            file.held,
            take,
          );
          pending.drop(token);
          flash(req, { kind: 'success', key: 'agreement.import.done', params: { count: added.length } });
          res.redirect(303, `/agreements/${encodeURIComponent(id)}/review`);
        } catch (e) {
          await refused(req, res, e);
        }
      },
    },
  ];
}
