// What the API sends back: records turned into the response shapes declared in schemas.ts, field by field.
import type { z } from 'zod';
import type { AgreementService } from '../../app/agreement-service';
import type { DocumentService, IssuedListing, ListedDocument } from '../../app/document-service';
import type { AgreementRecord, AgreementSummary } from '../../app/ports';
import { notFound, type Actor } from '../../domain';
import type {
  AgreementSummaryView,
  AgreementView,
  DocumentLink,
  IssuedDocumentView,
  VersionSummaryView,
  VersionView,
} from './schemas';

export const API_V1 = '/api/v1';

export const agreementPath = (id: string) => `${API_V1}/agreements/${id}`;

/**
 * The agreement as the API shows it, field by field from the response schema (AgreementView): a whitelist, so a
 * field the storage adds to the record (the snapshot, its machine version, anything later) never leaves the API.
 * The object literal is checked against the schema's type: a field the schema requires cannot be forgotten, and
 * one it does not declare cannot be added.
 */
export function agreementView(
  agreements: AgreementService,
  actor: Actor,
  record: AgreementRecord,
): z.output<typeof AgreementView> {
  return {
    id: record.id,
    province: record.province,
    workingDraft: record.workingDraft,
    versions: record.versions,
    comments: record.comments,
    resolutions: record.resolutions,
    ...(record.signing !== undefined ? { signing: record.signing } : {}),
    ...(record.term !== undefined ? { term: record.term } : {}),
    flags: record.flags,
    state: record.state,
    stateSince: record.stateSince,
    round: record.round,
    history: record.history,
    // Articles whose one language has not followed the other (parity locks); [] on agreements saved before them.
    stale: record.stale ?? [],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    rev: record.rev,
    availableEvents: agreements.availableEvents(actor, record),
  };
}

/** A row of a list, by the same rule: only what AgreementSummaryView declares. */
export function summaryView(s: AgreementSummary): z.output<typeof AgreementSummaryView> {
  return {
    id: s.id,
    province: s.province,
    kind: s.kind,
    title: s.title,
    partnerName: s.partnerName,
    partnerCountryEn: s.partnerCountryEn,
    state: s.state,
    stateSince: s.stateSince,
    updatedAt: s.updatedAt,
    rev: s.rev,
    ...(s.expiresOn !== undefined ? { expiresOn: s.expiresOn } : {}),
  };
}

export function documentLink(id: string, d: ListedDocument): z.output<typeof DocumentLink> {
  const query = d.layout === 'parallel' ? '' : `?layout=${d.layout}`;
  return {
    doc: d.doc,
    layout: d.layout,
    fileName: d.fileName,
    href: `${agreementPath(id)}/versions/${d.versionNo}/documents/${d.doc}${query}`,
    status: d.status,
  };
}

export function issuedView(id: string, i: IssuedListing): z.output<typeof IssuedDocumentView> {
  return { ...i, href: `${agreementPath(id)}/issued/${i.seq}` };
}

function linksOf(
  documents: DocumentService,
  record: AgreementRecord,
  versionNo: number,
): z.output<typeof DocumentLink>[] {
  const v = documents.list(record).find((x) => x.versionNo === versionNo);
  return (v?.documents ?? []).map((d) => documentLink(record.id, d));
}

/** A version's documents: every one that exists (issued or preview), and what the steps issued for it. */
export function versionDocuments(documents: DocumentService, record: AgreementRecord, versionNo: number) {
  return {
    items: linksOf(documents, record, versionNo),
    issued: documents
      .issued(record)
      .filter((i) => i.versionNo === versionNo)
      .map((i) => issuedView(record.id, i)),
  };
}

export function versionSummaries(
  documents: DocumentService,
  record: AgreementRecord,
): z.output<typeof VersionSummaryView>[] {
  const listed = new Map(documents.list(record).map((v) => [v.versionNo, v.documents]));
  return record.versions.map((v) => ({
    no: v.no,
    createdAt: v.createdAt,
    author: v.author,
    documents: (listed.get(v.no) ?? []).map((d) => documentLink(record.id, d)),
  }));
}

export function versionView(
  documents: DocumentService,
  record: AgreementRecord,
  no: number,
): z.output<typeof VersionView> {
  const v = record.versions.find((x) => x.no === no);
  if (!v) throw notFound({ th: `ความตกลงฉบับนี้ไม่มีร่างฉบับที่ ${no}`, en: `This agreement has no version ${no}` });
  return {
    ...v,
    comments: record.comments.filter((c) => c.versionNo === no),
    documents: linksOf(documents, record, no),
  };
}
