// Small checks the agreement service makes before it changes anything: role, rev, input shape.
import { z } from 'zod';
import {
  AgreementContent,
  DomainError,
  fromZod,
  invalid,
  notAllowed,
  type Actor,
  type HistoryEntry,
} from '../domain';
import type { AgreementAction } from '../../workflows';
import type { AgreementRecord } from './ports';

/** What a caller may add to a step. (The SHA-256 of an issued document is the server's to compute, never a caller's.) */
export interface SendOptions {
  note?: string;
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

export function parseContent(input: unknown): AgreementContent {
  const r = AgreementContent.safeParse(input);
  if (!r.success)
    throw invalid({ th: 'เนื้อหาร่างไม่ถูกต้อง', en: 'The draft content is invalid' }, fromZod('content', r.error));
  return r.data;
}

const SendOptionsSchema = z
  .object({
    note: z.string().max(1000).optional(),
  })
  .strict();

export function parseOptions(options: SendOptions): SendOptions {
  const r = SendOptionsSchema.safeParse(options);
  if (!r.success)
    throw invalid({ th: 'ข้อมูลประกอบไม่ถูกต้อง', en: 'Invalid step options' }, fromZod('options', r.error));
  return r.data;
}

export function who(actor: Actor): HistoryEntry['actor'] {
  return { userId: actor.userId, name: actor.name, role: actor.role };
}
