// The agreement pages for people: my queue, the registry, the agreement, its editor, review and documents.
import type { RouteModule } from '../types';
import { agreementRoutes } from './agreement-routes';
import { documentRoutes } from './document-routes';
import { eventRoutes } from './event-routes';
import { gazetteerRoutes } from './gazetteer-admin';
import { importRoutes } from './import-routes';
import { partnerTextRoutes } from './partner-text-routes';
import { partnershipRoutes } from './partnership-routes';
import { queueRoutes } from './queue';
import { registryRoutes } from './registry';
import { reviewRoutes } from './review-routes';
import { statisticsRoutes } from './statistics';
import { evaluationRoutes } from './evaluation-routes';
import type { PageServices } from './shared';

export type { PageServices } from './shared';

export function agreementPages(s: PageServices): RouteModule {
  return {
    name: 'agreement-pages',
    routes: (ctx) => [
      ...queueRoutes(s, ctx.config, ctx.catalogue),
      ...registryRoutes(s, ctx.catalogue),
      ...statisticsRoutes(s, ctx.catalogue),
      ...evaluationRoutes(s, ctx.catalogue),
      // /agreements/new before /agreements/:id.
      ...agreementRoutes(s, ctx.catalogue),
      ...reviewRoutes(s, ctx.catalogue),
      ...importRoutes(s, ctx.catalogue),
      ...partnerTextRoutes(s, ctx.catalogue),
      ...eventRoutes(s, ctx.catalogue),
      ...documentRoutes(s, ctx.catalogue),
      ...partnershipRoutes(s, ctx.catalogue),
      ...gazetteerRoutes(s, ctx.catalogue),
    ],
  };
}
