// Small checks the agreement service makes before it changes anything: role, rev, input shape.
import { z } from 'zod';
import {
  AgreementContentInput,
  articleKeyIssues,
  DomainError,
  fromZod,
  invalid,
  keyContent,
  notAllowed,
  seededArticleKeys,
  sha256Hex,
  stableStringify,
  type Actor,
  type AgreementContent,
  type HistoryEntry,
  type StaleMark,
} from '../domain';
import { partnerTextProblems } from '../domain/partner-text';
import type { AgreementAction } from '../../workflows';
import type { AgreementRecord } from './ports';

/** What a caller may add to a step. (The SHA-256 of an issued document is the server's to compute, never a caller's.) */
export interface SendOptions {
  note?: string;
  /** The person has read the pre-review warnings and goes on (recorded in the step's history entry). */
  acknowledgeWarnings?: boolean;
}

/** What a caller may add to a save of the working draft. */
export interface EditOptions {
  /** Articles whose other language the person has checked: "<article key>:th" or "<article key>:en". */
  confirm?: string[];
}

export function refuse(action: AgreementAction): DomainError {
  return notAllowed({
    th: `ท่านไม่มีสิทธิ์ดำเนินการ ${action} กับความตกลงฉบับนี้`,
    en: `You may not ${action} on this agreement`,
  });
}

export function ensureRev(record: AgreementRecord, expectedRev: number): void {
  if (record.rev !== expectedRev) {
    throw new DomainError('conflict', {
      th: 'ความตกลงฉบับนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
      en: 'Someone else changed this agreement first. Reload it and try again.',
    });
  }
}

const INVALID_CONTENT = { th: 'เนื้อหาร่างไม่ถูกต้อง', en: 'The draft content is invalid' };

/**
 * Validates content from a form or the API and gives every article its key. Old clients send none: an article
 * without a key takes the key of the article of the current working draft it aligns with (same heading, or mostly
 * the same words), if no other article of the input holds that key; any other gets a new key, derived from the
 * agreement and the rev being replaced (or, for a new draft, from the content itself), so keys never depend on chance.
 */
export function parseContent(
  input: unknown,
  current?: { id: string; rev: number; workingDraft: AgreementContent },
): AgreementContent {
  const r = AgreementContentInput.safeParse(input);
  if (!r.success) throw invalid(INVALID_CONTENT, fromZod('content', r.error));
  const duplicates = articleKeyIssues(r.data).map((i) => ({ ...i, path: `content.${i.path}` }));
  if (duplicates.length > 0) throw invalid(INVALID_CONTENT, duplicates);
  const seed = current ? `${current.id}:${current.rev}` : sha256Hex(stableStringify(r.data));
  const keyed = keyContent(r.data, current?.workingDraft, seededArticleKeys(seed));
  // The partner's text names its articles by key: each must be an article of the text, once.
  const partner = keyed.partnerText ? partnerTextProblems(keyed.partnerText, keyed.articles) : [];
  if (partner.length > 0)
    throw invalid(
      INVALID_CONTENT,
      partner.map((message) => ({ path: 'content.partnerText.articles', message })),
    );
  return keyed;
}

const SendOptionsSchema = z
  .object({
    note: z.string().max(1000).optional(),
    acknowledgeWarnings: z.boolean().optional(),
  })
  .strict();

const EditOptionsSchema = z
  .object({
    confirm: z
      .array(z.string().regex(/^a-[A-Za-z0-9_-]{8,12}:(th|en)$/))
      .max(400)
      .optional(),
  })
  .strict();

export function parseEditOptions(options: EditOptions): StaleMark[] {
  const r = EditOptionsSchema.safeParse(options);
  if (!r.success)
    throw invalid({ th: 'ข้อมูลประกอบไม่ถูกต้อง', en: 'Invalid edit options' }, fromZod('options', r.error));
  return (r.data.confirm ?? []).map((id) => {
    const [key = '', lang] = id.split(':');
    return { key, lang: lang === 'th' ? 'th' : 'en' };
  });
}

export function parseOptions(options: SendOptions): SendOptions {
  const r = SendOptionsSchema.safeParse(options);
  if (!r.success)
    throw invalid({ th: 'ข้อมูลประกอบไม่ถูกต้อง', en: 'Invalid step options' }, fromZod('options', r.error));
  return r.data;
}

export function who(actor: Actor): HistoryEntry['actor'] {
  return { userId: actor.userId, name: actor.name, role: actor.role };
}
