// The composition root: wires storage, services and route modules over one database connection (src/main.ts,
// tests). The web layer gets services from here and never the connection.
import { identityStores } from './storage/users';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import type { Database } from './storage/connection';
import { createAgreementService, type AgreementService, type RecordKeeping } from './app/agreement-service';
import { createDocumentRenderer, type DocumentRenderer } from './app/document-renderer';
import { createDocumentService, type DocumentService } from './app/document-service';
import { cachedChecks } from './app/checks-cache';
import { withClearedCache } from './app/cleared-cache';
import type { DraftingChecks } from './app/drafting-gate';
import { createGazetteerService, type GazetteerService } from './app/gazetteer-service';
import { createIssuer } from './app/issued-documents';
import { createPdfService, type PdfService } from './app/pdf-service';
import { createRecordWriter } from './app/record-writer';
import { createRegistryImports, type RegistryImports } from './app/registry-import';
import { readTable } from './documents/sheets/read-table';
import { createRegistryImportStore } from './storage/registry-import-store';
import { createFactStore } from './storage/statistics-store';
import { createEvaluationStore } from './storage/evaluation-store';
import { createAnnualReports, type AnnualReports } from './app/annual-report';
import { createEvaluationService, type EvaluationService } from './app/evaluation-service';
import { summaryOf } from './storage/agreement-summary';
import { createStatisticsService, type StatisticsService } from './statistics/service';
import { createVerifier, type Verifier } from './app/verification';
import { besideRecords, createPartnershipService, type PartnershipService } from './app/partnership-service';
import { createActivityStore, createAttachmentStore } from './storage/partnership-stores';
import { systemClock, type AgreementRepository, type Clock } from './app/ports';
import type { Config, PdfSettings } from './config';
import { closedDoor, createDoor, DEFAULT_DOOR_SETTINGS, type Door, type DoorSettings } from './events/door';
import type { Subscriber } from './events/events';
import { agreementFeed, listedSince } from './events/feed';
import { probeSubscriber } from './events/probe';
import { apiRouteModules } from './http/api';
import { createApp } from './http/app';
import { agreementPages } from './http/pages';
import { notificationPages } from './http/pages/notifications';
import type { AppServices, RouteModule } from './http/types';
import { projectCatalogue } from './i18n/catalogue';
import type { Logger } from './logger';
import { withReadCache } from './storage/agreement-cache';
import { createAgreementRepository } from './storage/agreement-repository';
import { pingDatabase } from './storage/connection';
import { isDatabaseUnavailable } from './storage/errors';
import { createHistoryHeadStore, createIssuedFileStore } from './storage/record-stores';
import { createDoorStores, createProbeStore } from './storage/door-stores';
import { createGazetteerStore } from './storage/gazetteer-store';
import { diskPdfCache, findSoffice, libreOfficeConverter } from './platform/libreoffice';
import { createSessionStore } from './storage/sessions';
import { createUserService } from './users/service';
import { composeNotifications, type NotificationOptions } from './compose-notifications';
import type { NotificationService } from './notifications/service';
import type { MailWorker } from './notifications/worker';
import { createActivity, type Activity } from './platform/activity';
import { createTokenService } from './users/tokens';

export interface Services {
  agreements: AgreementService;
  repository: AgreementRepository;
  documents: DocumentService;
  records: RecordKeeping;
  verifier: Verifier;
  drafting: DraftingChecks;
  gazetteer: GazetteerService;
  pdf: PdfService;
  /** Activities and attached files after signing, beside the agreement. */
  partnership: PartnershipService;
  /** The app's clock: pages count days and terms to it (tests inject one). */
  now: () => Date;
  /** MOI's figures, kept current by the door's "statistics" subscriber. */
  statistics: StatisticsService;
  /** MOI's annual report (.docx), per province or for the country. */
  annualReports: AnnualReports;
  /** The provinces' yearly evaluations of pairs in force, MOI's comments. */
  evaluations: EvaluationService;
  /** MOI's list of existing pairs brought in (POST /api/v1/registry/imports). */
  registryImports: RegistryImports;
  /** The door out: started by main.ts once the database is up (tests start their own), stopped on shutdown. */
  door: Door;
  /** In-app notifications, unsubscribe and the outbox for admins. */
  notifications: NotificationService;
  /** The outbox worker, when e-mail is on: started and stopped with the door. */
  mailWorker?: MailWorker;
  /** Change requests in flight: notifications wait for a quiet moment (bounded) before their writes. */
  activity: Activity;
}

export interface Composition {
  app: Express;
  services: Services;
}

export interface ComposeOptions {
  config: Config;
  connection: Database;
  logger: Logger;
  clock?: Clock;
  /** Services already built (e.g. by main.ts, which seeds demo data before serving). */
  services?: Services;
  /** This process is the database's single writer (main.ts: the read cache is on). */
  singleWriter?: boolean;
}

/** How long statistics' facts are used when another instance may hold the statistics lease. */
const STATISTICS_MAX_AGE_MS = 5_000;

/** How long a "cleared before" answer is used when other app instances may clear texts meanwhile. */
const CLEARED_MAX_AGE_MS = 5_000;

export interface ServiceOptions {
  clock?: Clock;
  /** Cache reads in this process: only when it is the database's single writer (the embedded database). */
  readCache?: boolean;
  /** Progress of start-up work (building the read cache's index). */
  progress?: (line: string) => void;
  /** Gate the steps that send a draft on with the pre-review checks (default on; config MOU_DRAFTING_GATE). */
  draftingGate?: boolean;
  /** PDF conversion (config MOU_SOFFICE, MOU_PDF_TIMEOUT_SECONDS, MOU_PDF_CACHE_MB). */
  pdf?: PdfSettings;
  /** The door out's subscribers and timings; without, the door is closed (nothing to deliver to). */
  door?: DoorOptions;
  /** The largest attached file in bytes (config MOU_ATTACHMENT_MAX_MB; default 10 MB). */
  attachmentMaxBytes?: number;
  /** Notifications from config (MOU_NOTIFICATIONS, MOU_SMTP_URL…): their subscriber joins the door's. */
  notifications?: NotificationOptions;
}

export interface DoorOptions {
  subscribers: readonly Subscriber[];
  settings?: Partial<DoorSettings>;
  /** This instance's name in the leases (default: random per process). */
  holder?: string;
  onError?: (e: unknown, where: { consumer: string; agreementId?: string }) => void;
}

/** The door's subscribers and timings from config (MOU_DOOR_*); the probe only when a test asks for it. */
export function doorOptions(config: Config, connection: Database, logger: Logger): DoorOptions {
  const { probe, ...timings } = config.door;
  return {
    subscribers: probe
      ? [probeSubscriber(createProbeStore(connection, probe.collection), probe.hold, () => new Date())]
      : [],
    settings: { ...timings, overdueDays: config.overdueDays },
    onError: (err, where) =>
      logger.warn({ err, ...where }, 'door: a delivery failed; it is tried again later'),
  };
}

/** LibreOffice behind the converter port, a bounded disk cache, one conversion at a time. */
export function pdfService(settings: PdfSettings): PdfService {
  const soffice = findSoffice(
    settings.soffice ? { ...process.env, MOU_SOFFICE: settings.soffice } : process.env,
  );
  return createPdfService({
    converter: libreOfficeConverter(soffice),
    cache: diskPdfCache(settings.cacheDir, settings.cacheBytes),
    timeoutMs: settings.timeoutMs,
    catalogue: projectCatalogue(),
  });
}

/** Issued files and history anchors in the database, and the issuer that renders what a step issues. */
export function recordKeeping(connection: Database, renderer: DocumentRenderer): RecordKeeping {
  return {
    issuer: createIssuer(renderer),
    files: createIssuedFileStore(connection),
    heads: createHistoryHeadStore(connection),
  };
}

export async function buildServices(connection: Database, o: ServiceOptions = {}): Promise<Services> {
  const clock = o.clock ?? systemClock;
  const stored = createAgreementRepository(connection);
  const cached = o.readCache ? withReadCache(stored, o.progress ? { progress: o.progress } : {}) : stored;
  // "Cleared before" is kept until cleared texts change; another instance's changes do not pass here, so
  // without the single-writer guarantee an answer is used for a few seconds only.
  const repository = withClearedCache(cached, { maxAgeMs: o.readCache ? Infinity : CLEARED_MAX_AGE_MS });
  await repository.init();
  // Dependencies point one way: the renderer knows no service; agreements issue with it; documents read
  // agreements and preview with it.
  // The gazetteer first: the cover memo names the committee as the admins keep it.
  const gazetteer = createGazetteerService(createGazetteerStore(connection), clock);
  await gazetteer.load();
  const renderer = createDocumentRenderer({ committee: (p) => gazetteer.committeeNow(p) });
  // The read cache answers from memory; else an indexed query on updatedAt.
  const feed = agreementFeed(repository, o.readCache ? listedSince(repository) : stored.summariesSince);
  const holder = o.door?.holder ?? randomUUID();
  const activity = createActivity();
  const notified = await composeNotifications({
    activity,
    connection,
    repository,
    summaries: () => feed.summaries(),
    clock,
    holder,
    singleWriter: o.readCache === true,
    ...(o.notifications ? { options: o.notifications } : {}),
  });
  // MOI's statistics: facts kept by their own subscriber of the door, read from memory.
  const statistics = createStatisticsService({
    store: createFactStore(connection),
    summary: async (id) => summaryOf(await repository.get(id)),
    clock,
    maxAgeMs: o.readCache ? Infinity : STATISTICS_MAX_AGE_MS,
  });
  const subscribers = [
    ...(o.door?.subscribers ?? []),
    statistics.subscriber,
    ...(notified.subscriber ? [notified.subscriber] : []),
  ];
  const door = subscribers.length
    ? createDoor({
        subscribers,
        stores: createDoorStores(connection),
        feed,
        clock,
        settings: { ...DEFAULT_DOOR_SETTINGS, ...o.door?.settings },
        holder,
        onError: o.door?.onError ?? (() => undefined),
      })
    : closedDoor;
  const records = { ...recordKeeping(connection, renderer), door };
  // The checks of a text are kept by its hash and the gazetteer's version: a page view of an unchanged draft
  // does not run them again.
  const drafting = cachedChecks({ gazetteer: () => gazetteer.versioned() });
  const agreements = createAgreementService({
    repository,
    clock,
    newId: randomUUID,
    records,
    ...(o.draftingGate === false ? {} : { drafting }),
  });
  const documents = createDocumentService({ agreements, renderer, files: records.files });
  const activityStore = createActivityStore(connection);
  const attachmentStore = createAttachmentStore(connection);
  const partnership = createPartnershipService({
    repository,
    records,
    activities: activityStore,
    attachments: attachmentStore,
    renderer,
    clock,
    newId: randomUUID,
    maxAttachmentBytes: o.attachmentMaxBytes ?? 10 * 1024 * 1024,
  });
  const verifier = createVerifier({ ...records, beside: besideRecords(activityStore, attachmentStore) });
  const evaluations = createEvaluationService({
    repository,
    store: createEvaluationStore(connection),
    records,
    clock,
  });
  const annualReports = createAnnualReports({ statistics, catalogue: projectCatalogue(), clock });
  const registryImports = createRegistryImports({
    repository,
    gazetteer,
    log: createRegistryImportStore(connection),
    writer: createRecordWriter(repository, records),
    clock,
    readTable: (bytes) => readTable(bytes),
  });
  const pdf = pdfService(
    o.pdf ?? { timeoutMs: 60_000, cacheDir: join(tmpdir(), 'mou-pdf-cache'), cacheBytes: 200 * 1024 * 1024 },
  );
  return {
    now: () => clock.now(),
    agreements,
    repository,
    documents,
    records,
    verifier,
    drafting,
    gazetteer,
    pdf,
    partnership,
    door,
    notifications: notified.service,
    ...(notified.worker ? { mailWorker: notified.worker } : {}),
    activity,
    registryImports,
    statistics,
    evaluations,
    annualReports,
  };
}

/** What the web layer needs from the database, as services: people, tokens, the session store, a health ping. */
export function appServices(o: {
  config: Config;
  connection: Database;
  logger: Logger;
  /** This process is the database's single writer (the read cache is on): sessions are remembered in memory too. */
  singleWriter?: boolean;
}): AppServices {
  const { config, connection, logger } = o;
  const catalogue = projectCatalogue(config.projectRoot);
  const cache = { cacheMs: config.identityCacheMs };
  const users = createUserService(identityStores(connection), catalogue, cache);
  return {
    config,
    logger,
    users,
    tokens: createTokenService(identityStores(connection), users, catalogue, cache),
    sessionStore: createSessionStore(connection, {
      ttlSeconds: config.sessions.lifetimeSeconds,
      inProcess: o.singleWriter === true,
    }),
    ping: (timeoutMs) => pingDatabase(connection, timeoutMs),
    isDatabaseUnavailable,
  };
}

/** The route modules of the agreement pages and the JSON API, in matching order. */
export function routeModules(services: Services): RouteModule[] {
  // The notification pages before the agreement pages: opening an agreement reads its notifications first.
  return [...apiRouteModules(services), notificationPages(services.notifications), agreementPages(services)];
}

export async function compose(o: ComposeOptions): Promise<Composition> {
  const services =
    o.services ??
    (await buildServices(o.connection, {
      ...(o.clock ? { clock: o.clock } : {}),
      draftingGate: o.config.draftingGate,
      pdf: o.config.pdf,
      attachmentMaxBytes: o.config.attachmentMaxBytes,
    }));
  const app = createApp({
    ...appServices(o),
    routes: routeModules(services),
    bell: (userId) => services.notifications.unreadCount({ userId }),
    activity: services.activity,
  });
  return { app, services };
}
