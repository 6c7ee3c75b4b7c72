// The agreement page's "partner's returned text" (partner agreement): the secretary uploads the partner's Word file
// and sees what changed, each change substantive or editorial, and the proposed step; she downloads the redline, takes
// the text as the working draft if she decides to, and takes the step herself. The file waits in memory in between.
import type { Request, Response } from 'express';
import { partnerRedline, type PartnerTextResult } from '../../app/partner-text';
import { DEFAULT_LIMITS } from '../../documents/word-in/package';
import { differenceBounds } from '../../documents/word-in/text-changes';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { requireFile } from '../uploads';
import type { Labels } from './labels';
import { keepUpload, pendingImports, uploadExpired, type PendingImports } from './pending-imports';
import { showRefusal, renderAgreement } from './render';
import { agreementId, expectedRev, labelsFor, type PageServices } from './shared';

/** `text` in three pieces around what differs from `other` (the page marks the middle). */
function marked(text: string, other: string): { pre: string; mid: string; post: string } {
  const { start, end } = differenceBounds(text, other);
  return {
    pre: text.slice(0, start),
    mid: text.slice(start, text.length - end),
    post: text.slice(text.length - end),
  };
}

export function partnerTextView(l: Labels, r: PartnerTextResult) {
  const t = (k: string) => l.t(`agreement.partnerText.${k}`);
  return {
    fileSha256: r.fileSha256,
    versionNo: r.versionNo,
    byHeadings: r.readBy === 'headings',
    substantive: r.substantive,
    proposalText: t(r.proposal === 'SUBMIT_PARTNER_CHANGES' ? 'proposeSubmit' : 'proposeAgree'),
    parts: r.parts.map((p) => ({
      where:
        p.part === 'article' ? l.anchor({ kind: 'article', no: p.no ?? p.newNo ?? 0 }) : t(`part.${p.part}`),
      status: t(`status.${p.status}`),
      substantive: p.substantive,
      reasons: p.reasons.map((x) => t(`reason.${x}`)).join(', '),
      changes: p.changes.map((c) => ({
        lang: c.lang === 'partner' ? (c.tag ?? 'und') : c.lang,
        before: marked(c.before, c.after),
        after: marked(c.after, c.before),
      })),
    })),
  };
}

export function partnerTextRoutes(
  s: PageServices,
  catalogue: Catalogue,
  pending: PendingImports = pendingImports(),
): Route[] {
  const refused = (req: Request, res: Response, e: unknown) =>
    showRefusal(renderAgreement, s, catalogue, req, res, e);

  /** The waiting file of this person and agreement, compared again (the comparison is cheap and stores nothing). */
  async function compared(req: Request) {
    const actor = actorOf(req);
    const id = agreementId(req);
    const file = pending.get(String(req.params.token), actor.userId, id);
    if (!file) throw uploadExpired();
    return { actor, id, ...(await s.agreements.partnerText(actor, id, file.held)) };
  }

  return [
    {
      method: 'post',
      path: '/agreements/:id/partner-text',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const id = agreementId(req);
        try {
          const upload = await requireFile(req, DEFAULT_LIMITS.maxFileBytes, {
            th: 'กรุณาเลือกไฟล์ .docx ที่เมืองคู่ภาคีส่งกลับมา',
            en: 'Choose the .docx the partner sent back',
          });
          const { record, result } = await s.agreements.partnerText(actor, id, upload.bytes);
          const token = keepUpload(pending, actor.userId, id, result.versionNo, upload, upload.bytes);
          const l = labelsFor(req, catalogue);
          res.render('agreements/partner-text', {
            pageTitle: l.t('agreement.partnerText.heading'),
            a: { id: record.id, rev: record.rev },
            token,
            ...partnerTextView(l, result),
          });
        } catch (e) {
          await refused(req, res, e);
        }
      },
    },
    {
      method: 'get',
      path: '/agreements/:id/partner-text/:token/redline',
      access: 'login',
      handler: async (req, res) => {
        const { record, result } = await compared(req);
        const r = await partnerRedline(record, result);
        res.setHeader(
          'Content-Type',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        res.setHeader('Cache-Control', 'no-store');
        res.attachment(r.fileName);
        res.send(r.buffer);
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/partner-text/:token/take',
      access: 'login',
      handler: async (req, res) => {
        try {
          const { actor, id, result } = await compared(req);
          await s.agreements.updateContent(actor, id, expectedRev(req.body), result.content);
          pending.drop(String(req.params.token));
          flash(req, { kind: 'success', key: 'agreement.partnerText.taken' });
          res.redirect(303, `/agreements/${encodeURIComponent(id)}`);
        } catch (e) {
          await refused(req, res, e);
        }
      },
    },
  ];
}
