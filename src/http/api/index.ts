// The JSON API's route modules (/api/v1 …) and its OpenAPI document, from one set of route tables.
import type { RouteModule } from '../types';
import { agreementApi, type ApiServices } from './agreements';
import { checksApi } from './checks';
import { openApiModule } from './docs-page';
import { documentApi } from './documents';
import type { GazetteerService } from '../../app/gazetteer-service';
import { fromWordApi } from './from-word';
import { importApi } from './imports';
import { partnershipApi } from './partnership';
import type { PartnershipService } from '../../app/partnership-service';
import { buildOpenApi, ME_DOC } from './openapi';
import type { NotificationService } from '../../notifications/service';
import { projectCatalogue } from '../../i18n/catalogue';
import { notificationApi } from './notifications';
import { registryImportApi } from './registry-imports';
import { statisticsApi } from './statistics';
import { evaluationApi } from './evaluations';
import type { EvaluationService } from '../../app/evaluation-service';
import type { StatisticsService } from '../../statistics/service';
import type { RegistryImports } from '../../app/registry-import';

export type { ApiServices } from './agreements';

/** API version reported in the OpenAPI document (the package version is the app's, not the contract's). */
export const API_VERSION = '1.0.0';

export function apiRouteModules(
  services: ApiServices & {
    gazetteer: GazetteerService;
    partnership: PartnershipService;
    notifications: NotificationService;
    registryImports: RegistryImports;
    statistics: StatisticsService;
    evaluations: EvaluationService;
  },
): RouteModule[] {
  const modules = [
    notificationApi(services.notifications, projectCatalogue()),
    agreementApi(services),
    documentApi(services),
    checksApi(services),
    importApi(services),
    fromWordApi(services),
    partnershipApi(services),
    registryImportApi(services),
    statisticsApi(services),
    evaluationApi(services),
  ];
  const docs = [ME_DOC, ...modules.flatMap((m) => m.api.map((r) => r.doc))];
  return [...modules, openApiModule(() => buildOpenApi(docs, API_VERSION))];
}
