// The application service for agreements: decides who sees and may do what, runs the statechart, persists atomically.
import {
  invalid,
  markId,
  notAllowed,
  notFound,
  sha256Hex,
  staleAfterEdit,
  stableStringify,
  type Actor,
  type AgreementContent,
  type HistoryEntryInput,
} from '../domain';
import {
  availableEvents,
  capabilities,
  CHANGE_TAGS,
  mayPerform,
  type AgreementAction,
  type Capabilities,
  type ChangeAction,
  type AgreementEvent,
  type AgreementEventType,
  type AgreementSnapshot,
} from '../../workflows';
import { clearedElsewhere } from './cleared-texts';
import { addComment, answerComment, withdrawComment } from './comments';
import { comparePartnerText, type PartnerTextResult } from './partner-text';
import { commentsToAdd, previewImport, readReviewUpload, type ImportPreview } from './review-import';
import { runGate, withAcknowledged, type DraftingChecks } from './drafting-gate';
import type { Issuer } from './issued-documents';
import { newAgreementRecord } from './new-agreement';
import { planStep } from './plan-step';
import { offeredWhenDue } from './term';
import { createRecordWriter, type CommitListener } from './record-writer';
import type {
  AgreementFilter,
  AgreementRecord,
  AgreementRepository,
  AgreementSummary,
  Clock,
  DistinctField,
  HistoryHeadStore,
  IdGenerator,
  IssuedFileStore,
  Page,
} from './ports';
import {
  ensureRev,
  parseContent,
  parseEditOptions,
  parseOptions,
  refuse,
  who,
  type EditOptions,
  type SendOptions,
} from './service-checks';
import { agreementRuntime, restoreSnapshot, stateName, type StepRuntime } from './workflow-runtime';

/** What keeps the record true over time: issued files stored as issued, the history anchored outside it. */
export interface RecordKeeping {
  /** Renders the document a step issues (committee draft, memo, review copy, redline, signing copy). */
  issuer: Issuer;
  files: IssuedFileStore;
  heads: HistoryHeadStore;
  /** The door out, told of every write that landed (src/events/door.ts); none in tools that only read or replay. */
  door?: CommitListener;
}

export interface AgreementServiceDeps {
  repository: AgreementRepository;
  clock: Clock;
  newId: IdGenerator;
  records: RecordKeeping;
  /**
   * The pre-review checks that gate the steps sending a draft on (errors and stale articles block them; warnings are
   * acknowledged once). The app always has them; without them (replaying agreements drafted before MOU Engine, as
   * the demo's Chiang Mai–Sejong story does) steps are not gated.
   */
  drafting?: DraftingChecks;
  /** The statechart the steps run on, and so what each step does (default: the agreement machine's runtime). */
  workflow?: StepRuntime;
}

export type { EditOptions, SendOptions };

export interface AgreementService {
  createDraft(actor: Actor, input: { province: string; content: unknown }): Promise<AgreementRecord>;
  get(actor: Actor, id: string): Promise<AgreementRecord>;
  list(actor: Actor, filter?: AgreementFilter, page?: Page): Promise<AgreementSummary[]>;
  /** How many agreements the actor may see match the filter. */
  count(actor: Actor, filter?: AgreementFilter): Promise<number>;
  /** Distinct provinces or partner countries among the agreements the actor may see. */
  distinct(actor: Actor, field: DistinctField, filter?: AgreementFilter): Promise<string[]>;
  /** Saves the working draft; one language of an article changed alone marks the other stale until confirmed. */
  updateContent(
    actor: Actor,
    id: string,
    expectedRev: number,
    content: unknown,
    options?: EditOptions,
  ): Promise<AgreementRecord>;
  addComment(actor: Actor, id: string, expectedRev: number, comment: unknown): Promise<AgreementRecord>;
  answerComment(
    actor: Actor,
    id: string,
    expectedRev: number,
    commentId: string,
    answer: unknown,
  ): Promise<AgreementRecord>;
  /** What an annotated Word file holds, placed on version `versionNo` (nothing is stored). */
  previewImport(actor: Actor, id: string, versionNo: number, file: Buffer): Promise<ImportPreview>;
  /**
   * Adds the items taken from an annotated Word file (`take`: item ids of the preview; default its proposal) as
   * comments of the round, in one write whose history entry records the file's SHA-256. `file` is the file itself
   * (read here, once) or the preview already made of it for this agreement and version.
   */
  importReview(
    actor: Actor,
    id: string,
    expectedRev: number,
    versionNo: number,
    file: Buffer | ImportPreview,
    take?: readonly string[],
  ): Promise<{ record: AgreementRecord; preview: ImportPreview; added: readonly string[] }>;
  /**
   * The partner's returned text compared with the cleared version (partner agreement only; stores nothing): the
   * changes classed substantive or editorial, the proposed step, and the text as content.
   */
  partnerText(
    actor: Actor,
    id: string,
    file: Buffer,
  ): Promise<{ record: AgreementRecord; result: PartnerTextResult }>;
  /** MFA takes back its own open comment of the current round (kept on record as withdrawn). */
  withdrawComment(actor: Actor, id: string, expectedRev: number, commentId: string): Promise<AgreementRecord>;
  send(
    actor: Actor,
    id: string,
    expectedRev: number,
    event: AgreementEvent,
    options?: SendOptions,
  ): Promise<AgreementRecord>;
  availableEvents(actor: Actor, record: AgreementRecord): AgreementEventType[];
  /** Keys of the articles of `content` whose text MFA has already cleared, word for word, in another agreement. */
  clearedBefore(actor: Actor, record: AgreementRecord, content: AgreementContent): Promise<Set<string>>;
  /** What the actor may do on this agreement now: the changes the state and their role allow, and the steps. */
  capabilities(actor: Actor, record: AgreementRecord): Capabilities;
}

/** A secretary sees only their own province (none at all without one); everyone else sees every agreement. */
function scope(actor: Actor, filter: AgreementFilter): AgreementFilter | undefined {
  if (actor.role !== 'secretary') return filter;
  return actor.province ? { ...filter, province: actor.province } : undefined;
}

export function createAgreementService({
  repository,
  clock,
  newId,
  records,
  drafting,
  workflow = agreementRuntime,
}: AgreementServiceDeps): AgreementService {
  const now = () => clock.now().toISOString();

  const { commit, anchor } = createRecordWriter(repository, records);

  /** A history entry for a change that is not a workflow step (the state stays as it is). */
  const note = (
    snapshot: AgreementSnapshot,
    actor: Actor,
    event: string,
    at: string,
    extra: Partial<HistoryEntryInput>,
  ): HistoryEntryInput => {
    // The state as the machine reads it (loadForEdit's snapshot: a migrated one may name it differently from the
    // stored field).
    const state = stateName(snapshot);
    return { at, actor: who(actor), event, from: state, to: state, ...extra };
  };

  /**
   * The one visibility rule: an agreement the actor may not view is, to them, not there (not-found, the same answer
   * as an unknown id, so a secretary of another province does not learn it exists); one they may view but not act
   * on is refused (not-allowed). Every operation on an existing agreement loads it here, so routes need no pre-read.
   */
  async function load(actor: Actor, id: string, action: AgreementAction): Promise<AgreementRecord> {
    const record = await repository.get(id);
    if (!mayPerform(actor, 'VIEW', record.province)) throw notFound();
    if (!mayPerform(actor, action, record.province)) throw refuse(action);
    return record;
  }

  /** Loads for a change that the current state must allow (by its tag, the one capabilities() reads), at the expected rev. */
  async function loadForEdit(actor: Actor, id: string, expectedRev: number, action: ChangeAction) {
    const record = await load(actor, id, action);
    ensureRev(record, expectedRev);
    const snapshot = restoreSnapshot(record);
    if (!snapshot.hasTag(CHANGE_TAGS[action])) {
      throw notAllowed({
        th: `ทำรายการนี้ไม่ได้ในสถานะ ${stateName(snapshot)}`,
        en: `${action} is not possible while the agreement is in ${stateName(snapshot)}`,
      });
    }
    return { record, snapshot };
  }

  return {
    async createDraft(actor, input) {
      if (!mayPerform(actor, 'CREATE_DRAFT', input.province)) throw refuse('CREATE_DRAFT');
      const content = parseContent(input.content);
      const record = newAgreementRecord(newId(), input.province, content, actor, now());
      await repository.insert(record);
      await anchor(record);
      return record;
    },

    get: (actor, id) => load(actor, id, 'VIEW'),

    async list(actor, filter = {}, page) {
      const scoped = scope(actor, filter);
      return scoped ? repository.list(scoped, page) : [];
    },

    async count(actor, filter = {}) {
      const scoped = scope(actor, filter);
      return scoped ? repository.count(scoped) : 0;
    },

    async distinct(actor, field, filter = {}) {
      const scoped = scope(actor, filter);
      return scoped ? repository.distinct(field, scoped) : [];
    },

    async updateContent(actor, id, expectedRev, content, options = {}) {
      const confirm = parseEditOptions(options);
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'EDIT_CONTENT');
      const workingDraft = parseContent(content, record);
      const at = now();
      const contentSha256 = sha256Hex(stableStringify(workingDraft));
      const previous = record.stale ?? [];
      const unconfirmed = staleAfterEdit(record.workingDraft, workingDraft, previous);
      const stale = staleAfterEdit(record.workingDraft, workingDraft, previous, confirm);
      // Only a confirmation that lifted a mark is recorded (confirming an article that was not stale says nothing).
      const kept = new Set(stale.map(markId));
      const confirmed = unconfirmed.map(markId).filter((m) => !kept.has(m));
      return commit(
        record,
        expectedRev,
        { set: { workingDraft, stale, updatedAt: at } },
        note(snapshot, actor, 'EDIT_CONTENT', at, {
          contentSha256,
          ...(confirmed.length > 0 ? { confirmed } : {}),
        }),
      );
    },

    async addComment(actor, id, expectedRev, comment) {
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'ADD_COMMENT');
      const at = now();
      const comments = addComment(record, snapshot.context.round, comment, actor, newId(), at);
      const added = comments.at(-1);
      return commit(
        record,
        expectedRev,
        { set: { comments, updatedAt: at } },
        note(snapshot, actor, 'ADD_COMMENT', at, {
          ...(added ? { commentId: added.id, versionNo: added.versionNo } : {}),
        }),
      );
    },

    async answerComment(actor, id, expectedRev, commentId, answer) {
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'ANSWER_COMMENT');
      const at = now();
      const comments = answerComment(record, snapshot.context.round, commentId, answer, at);
      const status = comments.find((c) => c.id === commentId)?.status;
      return commit(
        record,
        expectedRev,
        { set: { comments, updatedAt: at } },
        note(snapshot, actor, 'ANSWER_COMMENT', at, {
          commentId,
          ...(status ? { detail: { code: 'answer', status } } : {}),
        }),
      );
    },

    async previewImport(actor, id, versionNo, file) {
      const record = await load(actor, id, 'ADD_COMMENT');
      return previewImport(record, versionNo, await readReviewUpload(file));
    },

    async importReview(actor, id, expectedRev, versionNo, file, take) {
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'ADD_COMMENT');
      const preview = Buffer.isBuffer(file)
        ? previewImport(record, versionNo, await readReviewUpload(file))
        : file;
      if (preview.agreementId !== record.id || preview.versionNo !== versionNo)
        throw invalid({
          th: 'ผลการอ่านไฟล์นี้ไม่ใช่ของบันทึกความเข้าใจหรือร่างฉบับนี้',
          en: 'This file was read for another agreement or version',
        });
      const under = record.versions.at(-1)?.no;
      if (under !== versionNo)
        throw notAllowed({
          th: `ร่างที่อยู่ระหว่างพิจารณาคือร่างฉบับที่ ${under ?? '-'} ไม่ใช่ร่างฉบับที่ ${versionNo}`,
          en: `The version under review is version ${under ?? '-'}, not version ${versionNo}`,
        });
      const inputs = commentsToAdd(preview, take);
      if (inputs.length === 0)
        throw invalid({ th: 'ไม่ได้เลือกรายการใดจากไฟล์', en: 'No item of the file was chosen' });
      const at = now();
      let comments = record.comments;
      for (const input of inputs)
        comments = addComment({ ...record, comments }, snapshot.context.round, input, actor, newId(), at);
      const added = comments.slice(record.comments.length).map((c) => c.id);
      const saved = await commit(
        record,
        expectedRev,
        { set: { comments, updatedAt: at } },
        note(snapshot, actor, 'IMPORT_REVIEW', at, {
          versionNo,
          detail: { code: 'import', fileSha256: preview.fileSha256, comments: added },
        }),
      );
      return { record: saved, preview, added };
    },

    async partnerText(actor, id, file) {
      const record = await load(actor, id, 'SUBMIT_PARTNER_CHANGES');
      const state = stateName(restoreSnapshot(record));
      if (state !== 'partnerAgreement')
        throw notAllowed({
          th: 'เทียบข้อความที่เมืองคู่ภาคีส่งกลับได้เมื่อร่างผ่านการพิจารณาของกระทรวงการต่างประเทศแล้วเท่านั้น',
          en: 'The partner’s returned text is compared once MFA has cleared the text (partner agreement)',
        });
      return { record, result: await comparePartnerText(record, file) };
    },

    async withdrawComment(actor, id, expectedRev, commentId) {
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'WITHDRAW_COMMENT');
      const at = now();
      const comments = withdrawComment(record, snapshot.context.round, commentId, actor, at);
      return commit(
        record,
        expectedRev,
        { set: { comments, updatedAt: at } },
        note(snapshot, actor, 'WITHDRAW_COMMENT', at, { commentId }),
      );
    },

    async send(actor, id, expectedRev, event, rawOptions = {}) {
      const options = parseOptions(rawOptions);
      const record = await load(actor, id, event.type);
      ensureRev(record, expectedRev);
      // The step as the machine names it: its transition, rules and effects (pure), then its drafting gate, the
      // document it issues, one history entry and one write.
      const plan = planStep(record, actor, event, options, now(), workflow);
      const gate = await runGate(plan.gate, record, drafting, options.acknowledgeWarnings === true);
      const issued = await records.issuer(plan.after, plan.document);
      return commit(record, expectedRev, plan.change, withAcknowledged(plan.entry, gate), issued);
    },

    async clearedBefore(actor, record, content) {
      if (!mayPerform(actor, 'VIEW', record.province)) throw notFound();
      return clearedElsewhere(repository, record, content);
    },

    availableEvents(actor, record) {
      return offeredWhenDue(availableEvents(restoreSnapshot(record), actor, record), record, clock.now());
    },

    capabilities(actor, record) {
      const may = capabilities(restoreSnapshot(record), actor, record);
      return { ...may, events: offeredWhenDue(may.events, record, clock.now()) };
    },
  };
}
