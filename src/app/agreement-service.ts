// The application service for agreements: checks who may act, runs the statechart, persists atomically.
import { chainEntry, NO_FLAGS, notAllowed, type Actor, type Agreement } from '../domain';
import {
  AGREEMENT_MACHINE_VERSION,
  availableEvents,
  mayPerform,
  type AgreementAction,
  type AgreementEvent,
  type AgreementEventType,
} from '../../workflows';
import { addComment, answerComment } from './comments';
import type {
  AgreementChange,
  AgreementFilter,
  AgreementRecord,
  AgreementRepository,
  AgreementSummary,
  Clock,
  DistinctField,
  IdGenerator,
  Page,
} from './ports';
import { effectsOf } from './step-effects';
import { validateStep } from './step-rules';
import { initialPersistedSnapshot, restoreSnapshot, stateName, takeStep } from './workflow-runtime';

export interface AgreementServiceDeps {
  repository: AgreementRepository;
  clock: Clock;
  newId: IdGenerator;
  /**
   * The SHA-256 of the document a step issues (cover memo, review copy, redline, signing copy…), given the
   * agreement as it will be after the step; recorded in the step's history entry. Supplied at the edge.
   */
  issuedDocument?: IssuedDocument;
}

export type IssuedDocument = (after: AgreementRecord, event: AgreementEvent) => Promise<string | undefined>;

import { ensureRev, parseContent, parseOptions, refuse, who, type SendOptions } from './service-checks';

export type { SendOptions };

export interface AgreementService {
  createDraft(actor: Actor, input: { province: string; content: unknown }): Promise<AgreementRecord>;
  get(actor: Actor, id: string): Promise<AgreementRecord>;
  list(actor: Actor, filter?: AgreementFilter, page?: Page): Promise<AgreementSummary[]>;
  /** How many agreements the actor may see match the filter. */
  count(actor: Actor, filter?: AgreementFilter): Promise<number>;
  /** Distinct provinces or partner countries among the agreements the actor may see. */
  distinct(actor: Actor, field: DistinctField, filter?: AgreementFilter): Promise<string[]>;
  updateContent(actor: Actor, id: string, expectedRev: number, content: unknown): Promise<AgreementRecord>;
  addComment(actor: Actor, id: string, expectedRev: number, comment: unknown): Promise<AgreementRecord>;
  answerComment(
    actor: Actor,
    id: string,
    expectedRev: number,
    commentId: string,
    answer: unknown,
  ): Promise<AgreementRecord>;
  send(
    actor: Actor,
    id: string,
    expectedRev: number,
    event: AgreementEvent,
    options?: SendOptions,
  ): Promise<AgreementRecord>;
  availableEvents(actor: Actor, record: AgreementRecord): AgreementEventType[];
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
  issuedDocument,
}: AgreementServiceDeps): AgreementService {
  const now = () => clock.now().toISOString();

  async function load(actor: Actor, id: string, action: AgreementAction): Promise<AgreementRecord> {
    const record = await repository.get(id);
    if (!mayPerform(actor, action, record.province)) throw refuse(action);
    return record;
  }

  /** Loads for an edit that the current state must allow (by tag), at the expected rev. */
  async function loadForEdit(
    actor: Actor,
    id: string,
    expectedRev: number,
    action: AgreementAction,
    tag: 'editable' | 'commentable' | 'answerable',
  ) {
    const record = await load(actor, id, action);
    ensureRev(record, expectedRev);
    const snapshot = restoreSnapshot(record);
    if (!snapshot.hasTag(tag)) {
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
      const id = newId();
      const at = now();
      const snapshot = initialPersistedSnapshot();
      const base: Agreement = {
        id,
        province: input.province,
        workingDraft: content,
        versions: [],
        comments: [],
        resolutions: [],
        flags: NO_FLAGS,
        state: 'drafting',
        stateSince: at,
        round: 0,
        history: [],
        createdAt: at,
        updatedAt: at,
      };
      const created = chainEntry(id, [], {
        at,
        actor: who(actor),
        event: 'CREATE',
        from: null,
        to: 'drafting',
      });
      const record: AgreementRecord = {
        ...base,
        history: [created],
        rev: 0,
        machineVersion: AGREEMENT_MACHINE_VERSION,
        snapshot,
      };
      await repository.insert(record);
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

    async updateContent(actor, id, expectedRev, content) {
      const { record } = await loadForEdit(actor, id, expectedRev, 'EDIT_CONTENT', 'editable');
      const workingDraft = parseContent(content, record);
      return repository.apply(id, expectedRev, { set: { workingDraft, updatedAt: now() } });
    },

    async addComment(actor, id, expectedRev, comment) {
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'ADD_COMMENT', 'commentable');
      const at = now();
      const comments = addComment(record, snapshot.context.round, comment, actor, newId(), at);
      return repository.apply(id, expectedRev, { set: { comments, updatedAt: at } });
    },

    async answerComment(actor, id, expectedRev, commentId, answer) {
      const { record, snapshot } = await loadForEdit(actor, id, expectedRev, 'ANSWER_COMMENT', 'answerable');
      const at = now();
      const comments = answerComment(record, snapshot.context.round, commentId, answer, at);
      return repository.apply(id, expectedRev, { set: { comments, updatedAt: at } });
    },

    async send(actor, id, expectedRev, event, rawOptions = {}) {
      const options = parseOptions(rawOptions);
      const record = await load(actor, id, event.type);
      ensureRev(record, expectedRev);
      // The state decides first (not-allowed), then the step's rules (validation-failed).
      const step = takeStep(record, event);
      validateStep(event, record, step.before.context);
      const at = now();
      const to = stateName(step.after);
      const effects = effectsOf(event, record, { userId: actor.userId, name: actor.name }, at);
      const note = [effects.note, options.note].filter((n) => n).join(' — ');
      const { needsCabinetApproval, needsFullPowers, round } = step.after.context;
      const fields = {
        at,
        actor: who(actor),
        event: event.type,
        from: stateName(step.before),
        to,
        ...(effects.versionNo !== undefined ? { versionNo: effects.versionNo } : {}),
        ...(note ? { note } : {}),
      };
      const set: AgreementChange['set'] = {
        snapshot: step.persisted,
        machineVersion: AGREEMENT_MACHINE_VERSION,
        state: to,
        stateSince: at,
        round,
        flags: { needsCabinetApproval, needsFullPowers },
        updatedAt: at,
        ...(effects.signing ? { signing: effects.signing } : {}),
      };
      // The agreement as it will be after the step, for the document the step issues.
      const after: AgreementRecord = {
        ...record,
        ...set,
        versions: effects.version ? [...record.versions, effects.version] : record.versions,
        resolutions: effects.resolution ? [...record.resolutions, effects.resolution] : record.resolutions,
        history: [...record.history, chainEntry(record.id, record.history, fields)],
      };
      const documentSha256 = (await issuedDocument?.(after, event)) ?? options.documentSha256;
      const entry = chainEntry(record.id, record.history, {
        ...fields,
        ...(documentSha256 !== undefined ? { documentSha256 } : {}),
      });
      const change: AgreementChange = {
        set,
        push: {
          history: entry,
          ...(effects.version ? { versions: effects.version } : {}),
          ...(effects.resolution ? { resolutions: effects.resolution } : {}),
        },
      };
      return repository.apply(id, expectedRev, change);
    },

    availableEvents(actor, record) {
      return availableEvents(restoreSnapshot(record), actor, record);
    },
  };
}
