// Yearly evaluations of pairs in force: the province's secretary records one per year (activities held against the
// plan, a rating, notes in Thai and English), its SHA-256 entered in the agreement's history; MOI reads and comments.
import {
  DomainError,
  fromZod,
  invalid,
  notAllowed,
  notFound,
  sha256Hex,
  stableStringify,
  EvaluationInput,
  type Actor,
  type Evaluation,
  type EvaluationComment,
  type HistoryEntryInput,
} from '../domain';
import { mayChange, mayPerform } from '../../workflows';
import type { AgreementRecord, AgreementRepository, Clock } from './ports';
import { createRecordWriter } from './record-writer';
import type { RecordKeeping } from './agreement-service';
import { who } from './service-checks';
import { restoreSnapshot, stateName } from './workflow-runtime';

export interface EvaluationStore {
  /** Adds it; false when that agreement already has one for that year. */
  add(e: Evaluation): Promise<boolean>;
  get(agreementId: string, year: number): Promise<Evaluation | undefined>;
  /** Newest year first. */
  list(agreementId: string): Promise<Evaluation[]>;
  remove(agreementId: string, year: number): Promise<void>;
  comment(agreementId: string, year: number, c: EvaluationComment): Promise<void>;
}

export interface EvaluationService {
  list(actor: Actor, agreementId: string): Promise<{ record: AgreementRecord; evaluations: Evaluation[] }>;
  record(actor: Actor, agreementId: string, input: unknown): Promise<Evaluation>;
  comment(actor: Actor, agreementId: string, year: number, text: unknown): Promise<Evaluation>;
}

/** The SHA-256 the history records: of the evaluation as recorded (MOI's later comments are not part of it). */
export const evaluationSha256 = (e: Evaluation): string => sha256Hex(stableStringify({ ...e, comments: [] }));

export function createEvaluationService(d: {
  repository: AgreementRepository;
  store: EvaluationStore;
  records: RecordKeeping;
  clock: Clock;
}): EvaluationService {
  const { commit } = createRecordWriter(d.repository, d.records);

  async function load(actor: Actor, id: string): Promise<AgreementRecord> {
    const record = await d.repository.get(id);
    if (!mayPerform(actor, 'VIEW', record.province)) throw notFound();
    return record;
  }

  return {
    async list(actor, agreementId) {
      const record = await load(actor, agreementId);
      return { record, evaluations: await d.store.list(record.id) };
    },

    async record(actor, agreementId, input) {
      const record = await load(actor, agreementId);
      // The same rule as activities: the province's secretaries, while the agreement is signed and in force.
      if (!mayChange(restoreSnapshot(record), actor, record, 'RECORD_ACTIVITY'))
        throw notAllowed({
          th: 'เลขานุการของจังหวัดบันทึกผลการประเมินได้เมื่อความตกลงลงนามแล้วและยังมีผลอยู่',
          en: 'The province’s secretaries record evaluations while the agreement is signed and in force',
        });
      const r = EvaluationInput.safeParse(input);
      if (!r.success)
        throw invalid(
          { th: 'ข้อมูลการประเมินไม่ถูกต้อง', en: 'The evaluation is not valid' },
          fromZod('', r.error),
        );
      const now = d.clock.now();
      if (r.data.year > now.getUTCFullYear())
        throw invalid(
          { th: 'ประเมินได้เฉพาะปีที่ผ่านมาหรือปีนี้', en: 'Only a past or the current year can be evaluated' },
          [{ path: 'year', message: { th: 'ปีนี้ยังมาไม่ถึง', en: 'This year has not come yet' } }],
        );
      const at = now.toISOString();
      const evaluation: Evaluation = {
        ...r.data,
        agreementId: record.id,
        province: record.province,
        recordedAt: at,
        recordedBy: { userId: actor.userId, name: actor.name },
        comments: [],
      };
      if (!(await d.store.add(evaluation)))
        throw new DomainError('conflict', {
          th: `ความตกลงนี้มีผลการประเมินของปี ${r.data.year} แล้ว`,
          en: `This agreement already has its evaluation of ${r.data.year}`,
        });
      const state = stateName(restoreSnapshot(record));
      const entry: HistoryEntryInput = {
        at,
        actor: who(actor),
        event: 'RECORD_EVALUATION',
        from: state,
        to: state,
        detail: { code: 'evaluation', year: evaluation.year, sha256: evaluationSha256(evaluation) },
      };
      try {
        await commit(record, record.rev, { set: { updatedAt: at } }, entry);
      } catch (e) {
        // Not in the history: not kept either.
        await d.store.remove(record.id, evaluation.year).catch(() => undefined);
        throw e;
      }
      return evaluation;
    },

    async comment(actor, agreementId, year, text) {
      const record = await load(actor, agreementId);
      if (actor.role !== 'moi' && actor.role !== 'admin')
        throw notAllowed({ th: 'กระทรวงมหาดไทยให้ความเห็นต่อผลการประเมิน', en: 'MOI comments on evaluations' });
      const t = typeof text === 'string' ? text.trim() : '';
      if (t === '' || t.length > 4000)
        throw invalid(
          { th: 'กรุณาเขียนความเห็น (ไม่เกิน 4000 ตัวอักษร)', en: 'Write the comment (at most 4000 characters)' },
          [{ path: 'text', message: { th: 'กรุณาเขียนความเห็น', en: 'Write the comment' } }],
        );
      const e = await d.store.get(record.id, year);
      if (!e) throw notFound({ th: 'ไม่พบผลการประเมินของปีนี้', en: 'No evaluation of that year' });
      const c: EvaluationComment = {
        at: d.clock.now().toISOString(),
        by: { userId: actor.userId, name: actor.name, role: actor.role },
        text: t,
      };
      await d.store.comment(record.id, year, c);
      return { ...e, comments: [...e.comments, c] };
    },
  };
}
