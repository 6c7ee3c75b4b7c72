// Reads the environment once, validates it, and hands typed settings to src/main.ts.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { findProjectRoot } from './project-root';

const Bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  MONGODB_URI: z.string().url().optional(),
  /** Connection pool size for MONGODB_URI; set 1 when it points at a FerretDB v1 (see README). */
  MONGODB_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).optional(),
  MOU_DB_NAME: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('mou'),
  MOU_DATA_DIR: z.string().default('.data'),
  MOU_CACHE_DIR: z.string().default('.cache'),
  MOU_SEED_DEMO: Bool.default(true),
  MOU_DRAFTING_GATE: Bool.default(true),
  SESSION_SECRET: z.string().min(32).optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: Bool.default(false),
  /** Cache agreement reads in the app: auto = only on the embedded database, where the app is the single writer. */
  MOU_READ_CACHE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** The operator's word that exactly one app instance uses MONGODB_URI: the only way to force the read cache on it. */
  MOU_SINGLE_INSTANCE: Bool.default(false),
  /** Seconds between sweeps that remove expired sessions (an acknowledged delete; see src/platform/session-sweep.ts). */
  MOU_SESSION_SWEEP_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** Minutes a sign-in lasts; fractions allowed (tests use seconds-long sessions). */
  MOU_SESSION_MINUTES: z.coerce.number().positive().max(43_200).default(720),
  /** Milliseconds a token or user look-up is remembered; another instance sees a revocation within this. */
  MOU_IDENTITY_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Days a step may wait before the queue marks it overdue; per-step overrides as JSON {"mfaReview":60}. */
  MOU_OVERDUE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  MOU_OVERDUE_DAYS_BY_STATE: z.string().optional(),
  /** LibreOffice's soffice for PDFs; default soffice or libreoffice on PATH. */
  MOU_SOFFICE: z.string().min(1).optional(),
  /** Seconds one PDF conversion may take before LibreOffice is killed. */
  MOU_PDF_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(60),
  /** Megabytes of converted PDFs kept under MOU_CACHE_DIR/pdf (least recently used removed first). */
  MOU_PDF_CACHE_MB: z.coerce.number().int().min(1).max(100_000).default(200),
  /** Seconds a subscriber's delivery lease lasts unless renewed; after a crash another instance takes over then. */
  MOU_DOOR_LEASE_SECONDS: z.coerce.number().positive().max(3600).default(15),
  /** Seconds between the leaseholder's looks for entries committed by other instances. */
  MOU_DOOR_POLL_SECONDS: z.coerce.number().positive().max(3600).default(5),
  /** Seconds between the leaseholder's readings of the clock for time events (overdue). */
  MOU_DOOR_TICK_SECONDS: z.coerce.number().positive().max(86_400).default(60),
  /** Seconds before a failed delivery is tried again (doubling, at most 5 minutes). */
  MOU_DOOR_RETRY_SECONDS: z.coerce.number().positive().max(300).default(1),
  /** Tests only: a subscriber that records each delivery in this collection (src/events/probe.ts). */
  MOU_DOOR_PROBE: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,60}$/)
    .optional(),
  /** Tests only: where the probe waits forever, so a test can kill the app there. */
  /** The largest attached file (a scan, minutes, a photo), in megabytes; larger uploads are refused with 413. */
  MOU_ATTACHMENT_MAX_MB: z.coerce.number().positive().max(1024).default(10),
  MOU_DOOR_PROBE_HOLD: z.enum(['none', 'before', 'after']).default('none'),
  /** In-app notifications (and e-mail, with MOU_SMTP_URL) from the door; false switches the subscriber off. */
  MOU_NOTIFICATIONS: Bool.default(true),
  /** The SMTP server notifications are e-mailed through (smtp:// or smtps://); none: no e-mail. */
  MOU_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'use smtp://host:port or smtps://user:password@host:port')
    .optional(),
  /** The sender of the e-mails. */
  MOU_MAIL_FROM: z.string().min(3).max(200).default('MOU Engine <mou-engine@localhost>'),
  /** The app's address as people reach it, for the links in e-mails (default: http://HOST:PORT as listening). */
  MOU_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'use http(s)://host[:port][/path]')
    .optional(),
  /** Seconds between the outbox worker's looks at its unfinished e-mails (new e-mails and retries go without one). */
  MOU_MAIL_POLL_SECONDS: z.coerce.number().positive().max(86_400).default(300),
  /** Seconds before a failed e-mail is tried again; doubles each time, at most an hour; never given up. */
  MOU_MAIL_RETRY_SECONDS: z.coerce.number().positive().max(3600).default(10),
  /** The hour (Bangkok time, 0–23) from which the daily digests are made. */
  MOU_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  /** Events older than this many days tell no one (a database that gets notifications late is not flooded). */
  MOU_NOTIFY_MAX_AGE_DAYS: z.coerce.number().positive().max(3650).default(7),
  /** Tests only: the notifications subscriber or the outbox worker waits forever, so a test can kill the app there. */
  MOU_NOTIFY_HOLD: z.enum(['none', 'subscriber', 'worker']).default('none'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  mongodbUri?: string;
  mongodbMaxPoolSize?: number;
  dbName: string;
  dataDir: string;
  cacheDir: string;
  projectRoot: string;
  seedDemo: boolean;
  /** Pre-review errors and stale articles block the steps that send a draft on (off only to load agreements under way). */
  draftingGate: boolean;
  sessionSecret: string;
  sessionSecretGenerated: boolean;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  logLevel: string;
  readCache: 'auto' | boolean;
  sessions: { lifetimeSeconds: number; sweepSeconds: number };
  identityCacheMs: number;
  overdueDays: { default: number; byState: Record<string, number> };
  pdf: PdfSettings;
  door: DoorConfig;
  /** MOU_ATTACHMENT_MAX_MB in bytes. */
  attachmentMaxBytes: number;
  notifications: NotificationConfig;
}

export interface NotificationConfig {
  enabled: boolean;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl?: string;
  pollMs: number;
  retryMs: number;
  digestHour: number;
  maxAgeMs: number;
  /** Tests only (refused in production). */
  hold: 'none' | 'subscriber' | 'worker';
}

export interface DoorConfig {
  leaseMs: number;
  pollMs: number;
  tickMs: number;
  retryMs: number;
  /** The test-only probe subscriber (MOU_DOOR_PROBE), never in production. */
  probe?: { collection: string; hold: 'none' | 'before' | 'after' };
}

export interface PdfSettings {
  soffice?: string;
  timeoutMs: number;
  cacheDir: string;
  cacheBytes: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectRoot = findProjectRoot()): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let byState: Record<string, number> = {};
  if (e.MOU_OVERDUE_DAYS_BY_STATE) {
    const r = z.record(z.string(), z.number().int().min(1)).safeParse(safeJson(e.MOU_OVERDUE_DAYS_BY_STATE));
    if (!r.success) throw new ConfigError('MOU_OVERDUE_DAYS_BY_STATE must be JSON like {"mfaReview": 60}');
    byState = r.data;
  }
  // The cache is updated only from this process's own writes; a second instance's writes would never reach it.
  if (e.MOU_READ_CACHE === 'true' && e.MONGODB_URI && !e.MOU_SINGLE_INSTANCE) {
    throw new ConfigError(
      'MOU_READ_CACHE=true with MONGODB_URI serves stale agreements unless this is the only app instance using ' +
        'that database: set MOU_SINGLE_INSTANCE=true to state that exactly one instance runs, or use MOU_READ_CACHE=auto',
    );
  }
  if (e.NODE_ENV === 'production' && e.MOU_DOOR_PROBE) {
    throw new ConfigError('MOU_DOOR_PROBE is a test hook and is refused when NODE_ENV=production');
  }
  if (e.NODE_ENV === 'production' && e.MOU_NOTIFY_HOLD !== 'none') {
    throw new ConfigError('MOU_NOTIFY_HOLD is a test hook and is refused when NODE_ENV=production');
  }
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('SESSION_SECRET (32+ characters) is required when NODE_ENV=production');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    ...(e.MONGODB_URI ? { mongodbUri: e.MONGODB_URI } : {}),
    ...(e.MONGODB_MAX_POOL_SIZE ? { mongodbMaxPoolSize: e.MONGODB_MAX_POOL_SIZE } : {}),
    dbName: e.MOU_DB_NAME,
    dataDir: resolve(projectRoot, e.MOU_DATA_DIR),
    cacheDir: resolve(projectRoot, e.MOU_CACHE_DIR),
    projectRoot,
    seedDemo: e.MOU_SEED_DEMO,
    draftingGate: e.MOU_DRAFTING_GATE,
    attachmentMaxBytes: Math.round(e.MOU_ATTACHMENT_MAX_MB * 1024 * 1024),
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionSecretGenerated: !e.SESSION_SECRET,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    readCache: e.MOU_READ_CACHE === 'auto' ? 'auto' : e.MOU_READ_CACHE === 'true',
    sessions: {
      lifetimeSeconds: Math.max(1, Math.round(e.MOU_SESSION_MINUTES * 60)),
      sweepSeconds: e.MOU_SESSION_SWEEP_SECONDS,
    },
    identityCacheMs: e.MOU_IDENTITY_CACHE_MS,
    overdueDays: { default: e.MOU_OVERDUE_DAYS, byState },
    pdf: {
      ...(e.MOU_SOFFICE ? { soffice: e.MOU_SOFFICE } : {}),
      timeoutMs: Math.round(e.MOU_PDF_TIMEOUT_SECONDS * 1000),
      cacheDir: resolve(projectRoot, e.MOU_CACHE_DIR, 'pdf'),
      cacheBytes: e.MOU_PDF_CACHE_MB * 1024 * 1024,
    },
    door: {
      leaseMs: Math.round(e.MOU_DOOR_LEASE_SECONDS * 1000),
      pollMs: Math.round(e.MOU_DOOR_POLL_SECONDS * 1000),
      tickMs: Math.round(e.MOU_DOOR_TICK_SECONDS * 1000),
      retryMs: Math.round(e.MOU_DOOR_RETRY_SECONDS * 1000),
      ...(e.MOU_DOOR_PROBE ? { probe: { collection: e.MOU_DOOR_PROBE, hold: e.MOU_DOOR_PROBE_HOLD } } : {}),
    },
    notifications: {
      enabled: e.MOU_NOTIFICATIONS,
      ...(e.MOU_SMTP_URL ? { smtpUrl: e.MOU_SMTP_URL } : {}),
      mailFrom: e.MOU_MAIL_FROM,
      ...(e.MOU_PUBLIC_URL ? { publicUrl: e.MOU_PUBLIC_URL.replace(/\/+$/, '') } : {}),
      pollMs: Math.round(e.MOU_MAIL_POLL_SECONDS * 1000),
      retryMs: Math.round(e.MOU_MAIL_RETRY_SECONDS * 1000),
      digestHour: e.MOU_DIGEST_HOUR,
      maxAgeMs: Math.round(e.MOU_NOTIFY_MAX_AGE_DAYS * 86_400_000),
      hold: e.MOU_NOTIFY_HOLD,
    },
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
