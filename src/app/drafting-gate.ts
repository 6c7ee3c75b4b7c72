// The drafting gate (a step's `runDraftingGate` effect): pre-review errors, and stale articles where the effect says
// so, block the step; warnings are acknowledged once, and the acknowledgement is recorded in the step's history entry.
import { createHash } from 'node:crypto';
import {
  DomainError,
  invalid,
  staleIssues,
  type AgreementContent,
  type FieldIssue,
  type HistoryEntry,
} from '../domain';
import { checkContent, type Finding, type FindingAnchor, type Gazetteer } from '../domain/checks';
import { machineStructure, type AgreementEventType, type EffectParams } from '../../workflows';
import type { AgreementRecord } from './ports';

/** The pre-review checks as the service runs them (with the gazetteer the admins keep). */
export interface DraftingChecks {
  check(content: AgreementContent): Promise<Finding[]>;
}

/** The checks with the gazetteer of the moment (the shipped one, with what the admins have added and changed). */
export function draftingChecks(gazetteer: () => Gazetteer | Promise<Gazetteer>): DraftingChecks {
  return { check: async (content) => checkContent(content, { gazetteer: await gazetteer() }) };
}

/** The events of which some transition runs the gate, as the machine names them (the pages mark their buttons). */
const GATED = new Set(
  machineStructure()
    .edges.filter((e) => e.effects.some((f) => f.type === 'runDraftingGate'))
    .map((e) => e.event),
);

export const isGated = (type: AgreementEventType): boolean => GATED.has(type);

function anchorId(a: FindingAnchor): string {
  return a.kind === 'article' ? `article:${a.key}` : a.kind;
}

/** Where a finding is, as a form field path (the editor shows it beside that field). */
export function anchorPath(a: FindingAnchor): string {
  return a.kind === 'article' ? `articles.${a.no - 1}` : a.kind === 'document' ? 'content' : a.kind;
}

/** A finding's identity across saves: rule, anchor (an article by its key), language and the text found. */
export function fingerprint(f: Finding): string {
  const x = createHash('sha256')
    .update(f.excerpt ?? '')
    .digest('hex')
    .slice(0, 12);
  return `${f.rule}@${anchorId(f.anchor)}/${f.lang}#${x}`;
}

/** Every warning acknowledged at an earlier step of this agreement. */
export function acknowledgedBefore(history: readonly HistoryEntry[]): Set<string> {
  return new Set(history.flatMap((e) => e.acknowledged ?? []));
}

const issue = (f: Finding): FieldIssue => ({ path: anchorPath(f.anchor), message: f.message });

export interface GateResult {
  /** The warnings this step acknowledges (to record in its history entry); empty when there were none new. */
  acknowledged: string[];
}

/**
 * Runs the gate a step names (nothing when it names none, or without checks). Throws validation-failed listing
 * every error (and every stale article, when the effect says stale articles block); throws
 * warnings-unacknowledged listing the warnings not acknowledged before, unless `acknowledge` is set.
 */
export async function runGate(
  gate: EffectParams<'runDraftingGate'> | undefined,
  record: AgreementRecord,
  checks: DraftingChecks | undefined,
  acknowledge: boolean,
): Promise<GateResult> {
  if (!gate || !checks) return { acknowledged: [] };
  const findings = await checks.check(record.workingDraft);
  const errors = findings.filter((f) => f.severity === 'error').map(issue);
  const stale = gate.staleBlocks ? staleIssues(record.workingDraft, record.stale ?? []) : [];
  if (errors.length > 0 || stale.length > 0) {
    throw invalid(
      {
        th: 'ยังส่งร่างต่อไม่ได้ กรุณาแก้ไขข้อผิดพลาดจากการตรวจร่าง และยืนยันข้อบทที่ภาษาหนึ่งเปลี่ยนแต่อีกภาษาไม่เปลี่ยน',
        en: 'The draft cannot be sent on yet: fix the errors the checks found, and confirm the articles where one language changed and the other did not',
      },
      [...errors, ...stale],
    );
  }
  const before = acknowledgedBefore(record.history);
  const pending = findings.filter((f) => f.severity === 'warning' && !before.has(fingerprint(f)));
  if (pending.length === 0) return { acknowledged: [] };
  if (!acknowledge) {
    throw new DomainError(
      'warnings-unacknowledged',
      {
        th: 'การตรวจร่างพบข้อสังเกตต่อไปนี้ กรุณาอ่านแล้วรับทราบเพื่อดำเนินการต่อ',
        en: 'The checks warn about the following; read them and acknowledge them to go on',
      },
      pending.map(issue),
    );
  }
  return { acknowledged: [...new Set(pending.map(fingerprint))] };
}

/** The step's history entry with the warnings its gate acknowledged (unchanged when there were none). */
export const withAcknowledged = <E extends object>(entry: E, gate: GateResult): E =>
  gate.acknowledged.length > 0 ? { ...entry, acknowledged: gate.acknowledged } : entry;
