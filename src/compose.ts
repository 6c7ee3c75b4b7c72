// Wires services and route modules over one database connection: used by src/main.ts and by tests.
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import { createAgreementService, type AgreementService, type IssuedDocument } from './app/agreement-service';
import { createDocumentService, type DocumentService } from './app/document-service';
import { systemClock, type AgreementRepository, type Clock } from './app/ports';
import type { Config } from './config';
import { apiRouteModules } from './http/api';
import { createApp } from './http/app';
import { agreementPages } from './http/pages';
import type { RouteModule } from './http/types';
import type { Logger } from './logger';
import { withReadCache } from './storage/agreement-cache';
import { createAgreementRepository } from './storage/agreement-repository';

export interface Services {
  agreements: AgreementService;
  repository: AgreementRepository;
  documents: DocumentService;
}

export interface Composition {
  app: Express;
  services: Services;
}

export interface ComposeOptions {
  config: Config;
  connection: Connection;
  logger: Logger;
  clock?: Clock;
  /** Services already built (e.g. by main.ts, which seeds demo data before serving). */
  services?: Services;
}

export interface ServiceOptions {
  clock?: Clock;
  /** Cache reads in this process: only when it is the database's single writer (the embedded database). */
  readCache?: boolean;
  /** Progress of start-up work (building the read cache's index). */
  progress?: (line: string) => void;
}

export async function buildServices(connection: Connection, o: ServiceOptions = {}): Promise<Services> {
  const clock = o.clock ?? systemClock;
  const stored = createAgreementRepository(connection);
  const repository = o.readCache ? withReadCache(stored, o.progress ? { progress: o.progress } : {}) : stored;
  await repository.init();
  // The two services know each other: documents read agreements, and a step records the SHA-256 of the
  // document it issues, which the documents service renders.
  const issuedDocument: IssuedDocument = (after, event) => documents.issuedBy(after, event);
  const agreements = createAgreementService({ repository, clock, newId: randomUUID, issuedDocument });
  const documents = createDocumentService({ agreements });
  return { agreements, repository, documents };
}

/** The route modules of the agreement pages and the JSON API, in matching order. */
export function routeModules(services: Services): RouteModule[] {
  return [...apiRouteModules(services), agreementPages(services)];
}

export async function compose(o: ComposeOptions): Promise<Composition> {
  const services = o.services ?? (await buildServices(o.connection, o.clock ? { clock: o.clock } : {}));
  const app = createApp({
    config: o.config,
    connection: o.connection,
    logger: o.logger,
    routes: routeModules(services),
  });
  return { app, services };
}
