// What every agreement page needs: the services, the page language's labels, query/form readers.
import type { PdfService } from '../../app/pdf-service';
import type { Request } from 'express';
import type { AgreementService } from '../../app/agreement-service';
import type { DraftingChecks } from '../../app/drafting-gate';
import type { GazetteerService } from '../../app/gazetteer-service';
import type { Verifier } from '../../app/verification';
import type { PartnershipService } from '../../app/partnership-service';
import type { DocumentService } from '../../app/document-service';
import type { AgreementRecord } from '../../app/ports';
import type { Actor } from '../../domain';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { labels, type Labels } from './labels';
import type { StatisticsService } from '../../statistics/service';
import type { EvaluationService } from '../../app/evaluation-service';
import type { AnnualReports } from '../../app/annual-report';

export interface PageServices {
  agreements: AgreementService;
  documents: DocumentService;
  /** The record check shown on the agreement page. */
  verifier: Verifier;
  /** The pre-review checks (the editor shows their findings beside each field). */
  drafting: DraftingChecks;
  /** Official names: the wizard's partners, the admins' edits. */
  gazetteer: GazetteerService;
  /** PDFs of the documents (LibreOffice); without it the .pdf links answer 404. */
  pdf?: PdfService;
  /** Activities and attached files after signing; without it those pages answer 404. */
  partnership?: PartnershipService;
  /** MOI's annual report (.docx) from the statistics page. */
  annualReports?: AnnualReports;
  /** The yearly evaluations (their page). */
  evaluations?: EvaluationService;
  /** MOI's figures (the statistics page). */
  statistics?: StatisticsService;
  /** The time "days in this state" is counted to (tests pin it). */
  now?: () => Date;
}

export const DAY_MS = 86_400_000;

export function labelsFor(req: Request, catalogue: Catalogue): Labels {
  return labels(catalogue, req.locale ?? 'th');
}

/** The agreement the route's :id names. */
export const agreementId = (req: Request): string => String(req.params.id);

/**
 * The signed-in actor and the agreement as they may see it. The service answers not-found to someone who may not
 * see it, so a secretary of another province does not learn that it exists.
 */
export async function loadFor(
  req: Request,
  svc: AgreementService,
): Promise<{ actor: Actor; record: AgreementRecord }> {
  const actor = actorOf(req);
  return { actor, record: await svc.get(actor, agreementId(req)) };
}

/** A query-string value as one string ('' when absent; the first when repeated). */
export function queryValue(query: unknown, name: string): string {
  if (typeof query !== 'object' || query === null) return '';
  const v = (query as Record<string, unknown>)[name];
  const first = Array.isArray(v) ? (v[0] as unknown) : v;
  return typeof first === 'string' ? first : '';
}

/** Every value of a repeated form field (checkboxes). */
export function formValues(body: unknown, name: string): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const v = (body as Record<string, unknown>)[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The expectedRev hidden field: a non-negative integer, else -1 (which never matches, so the service says conflict). */
export function expectedRev(body: unknown): number {
  const v = formValues(body, 'expectedRev')[0] ?? '';
  return /^\d{1,9}$/.test(v) ? Number(v) : -1;
}

export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
}
