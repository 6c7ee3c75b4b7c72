// The review page: MFA comments on the document, the preamble or an article; the province answers each comment.
import type { Request, Response } from 'express';
import type { Actor, Bilingual, CommentAnchorInput } from '../../domain';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field } from '../validate';
import { postedValues } from './event-form';
import { formError, renderAgreement, renderReview, type PageExtras } from './render';
import { agreementId, expectedRev, loadFor, queryValue, type PageServices } from './shared';

const COMMENT_FIELDS = ['text.th', 'text.en', 'suggestion.th', 'suggestion.en'];
const ANSWER_FIELDS = ['status', 'response.th', 'response.en'];

/**
 * "document", "preamble" or "article:3", with the article's key when the form sends it (then the service refuses a
 * comment whose article is no longer number 3); anything else is left for the service to refuse.
 */
export function parseAnchor(value: string, articleKey = ''): CommentAnchorInput | { kind: string } {
  const m = /^article:(\d{1,3})$/.exec(value);
  if (m) return { kind: 'article', no: Number(m[1]), ...(articleKey ? { key: articleKey } : {}) };
  return { kind: value === 'preamble' ? 'preamble' : value === 'document' ? 'document' : value };
}

const bi = (body: unknown, name: string): Bilingual => ({
  th: field(body, `${name}.th`).trim(),
  en: field(body, `${name}.en`).trim(),
});

/** After an action, back to the page the form was on. */
export function backTo(req: Request, id: string): string {
  const base = `/agreements/${encodeURIComponent(id)}`;
  return field(req.body, 'from') === 'review' ? `${base}/review` : base;
}

/**
 * A change is sent straight to the service, which answers not-found to someone who may not see the agreement; only
 * a refused change reads the agreement (as it is now) to show the page again with the error.
 */
export function reviewRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  const rerender = (req: Request) => (field(req.body, 'from') === 'review' ? renderReview : renderAgreement);

  /** A comment change: done → a notice and back to `hash` on the page; refused → the page again with the error. */
  async function commentChange(
    req: Request,
    res: Response,
    o: {
      change: (actor: Actor, id: string) => Promise<unknown>;
      done: string;
      hash: string;
      form?: PageExtras['form'];
    },
  ): Promise<void> {
    const actor = actorOf(req);
    const id = agreementId(req);
    try {
      await o.change(actor, id);
      flash(req, { kind: 'success', key: o.done });
      res.redirect(303, `${backTo(req, id)}${o.hash}`);
    } catch (e) {
      const record = await s.agreements.get(actor, id);
      const error = formError(e, req.locale ?? 'th');
      await rerender(req)(s, catalogue, req, res, actor, record, {
        status: error.status,
        error,
        ...(o.form ? { form: o.form } : {}),
      });
    }
  }

  return [
    {
      method: 'get',
      path: '/agreements/:id/review',
      access: 'login',
      handler: async (req, res) => {
        const { actor, record } = await loadFor(req, s.agreements);
        // ?round=N reads an earlier round's comments; anything else shows the current round.
        const asked = Number(queryValue(req.query, 'round'));
        const round = Number.isInteger(asked) && asked >= 1 && asked <= record.round ? asked : record.round;
        await renderReview(s, catalogue, req, res, actor, record, {}, round);
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/comments',
      access: 'login',
      handler: async (req, res) => {
        const suggestion = bi(req.body, 'suggestion');
        const comment = {
          anchor: parseAnchor(field(req.body, 'anchor'), field(req.body, 'articleKey').trim()),
          text: bi(req.body, 'text'),
          ...(suggestion.th || suggestion.en ? { suggestion } : {}),
        };
        await commentChange(req, res, {
          change: (actor, id) => s.agreements.addComment(actor, id, expectedRev(req.body), comment),
          done: 'agreement.flash.commented',
          hash: '#comments',
          form: {
            name: 'comment',
            values: postedValues(req.body, COMMENT_FIELDS),
            anchor: field(req.body, 'anchor'),
          },
        });
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/comments/:commentId/answer',
      access: 'login',
      handler: async (req, res) => {
        const commentId = String(req.params.commentId);
        const answer = { status: field(req.body, 'status'), response: bi(req.body, 'response') };
        await commentChange(req, res, {
          change: (actor, id) =>
            s.agreements.answerComment(actor, id, expectedRev(req.body), commentId, answer),
          done: 'agreement.flash.answered',
          hash: `#comment-${encodeURIComponent(commentId)}`,
          form: { name: 'answer', values: postedValues(req.body, ANSWER_FIELDS), anchor: commentId },
        });
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/comments/:commentId/withdraw',
      access: 'login',
      handler: async (req, res) => {
        const commentId = String(req.params.commentId);
        await commentChange(req, res, {
          change: (actor, id) => s.agreements.withdrawComment(actor, id, expectedRev(req.body), commentId),
          done: 'agreement.flash.withdrawn',
          hash: `#comment-${encodeURIComponent(commentId)}`,
        });
      },
    },
  ];
}
