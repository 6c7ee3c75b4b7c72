// Workflow steps from the pages: one route for every event; the service decides whether it is allowed now.
import { isEventType } from '../../../workflows';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { localeError } from '../errors';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field } from '../validate';
import { eventFromForm, resolutionValues, signingValues } from './event-form';
import { formError, renderAgreement, renderReview } from './render';
import { backTo } from './review-routes';
import { agreementId, expectedRev, labelsFor, type PageServices } from './shared';

export function eventRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'post',
      path: '/agreements/:id/events/:type',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const id = agreementId(req);
        const type = String(req.params.type);
        if (!isEventType(type)) throw localeError(catalogue, 'not-found');
        const l = labelsFor(req, catalogue);
        try {
          const event = eventFromForm(type, req.body, catalogue);
          const acknowledgeWarnings = field(req.body, 'acknowledgeWarnings') === 'yes';
          await s.agreements.send(actor, id, expectedRev(req.body), event, { acknowledgeWarnings });
          flash(req, { kind: 'success', key: 'agreement.flash.event', params: { event: l.event(type) } });
          res.redirect(303, backTo(req, id));
        } catch (e) {
          const error = formError(e, l.locale);
          // The page again, over the agreement as it is now (not-found, 404, to someone who may not see it).
          const record = await s.agreements.get(actor, id);
          const form =
            type === 'RECORD_RESOLUTION'
              ? { name: 'resolution', values: resolutionValues(req.body) }
              : type === 'RECORD_SIGNING'
                ? { name: 'signing', values: signingValues(req.body) }
                : undefined;
          const render = field(req.body, 'from') === 'review' ? renderReview : renderAgreement;
          await render(s, catalogue, req, res, actor, record, {
            status: error.status,
            error,
            ...(form ? { form } : {}),
          });
        }
      },
    },
  ];
}
