// The application service for the partnership after signing: activities (action plan and reports) and attached
// files, kept beside the agreement in their own collections, each change entering the agreement's hash-chained
// history with its SHA-256. One use case for every door (API, pages).
import {
  ActivityInput,
  ATTACHMENT_KINDS,
  fromZod,
  invalid,
  latestVersion,
  notAllowed,
  notFound,
  sha256Hex,
  sniffAttachment,
  DomainError,
  type Activity,
  type Actor,
  type ActionPlanItem,
  type AttachmentKind,
  type HistoryEntryInput,
  type StepDetail,
} from '../domain';
import { mayChange, mayPerform, type ChangeAction } from '../../workflows';
import type { DocumentRenderer, RenderedFile } from './document-renderer';
import type { ActivityStore, AttachmentInfo, AttachmentStore } from './partnership-ports';
import type { AgreementRecord, AgreementRepository, Clock, IdGenerator } from './ports';
import { activitySha256, attachmentsOf, cleanName, period } from './partnership-records';
import { createRecordWriter, type CommitListener } from './record-writer';

export { activitySha256, besideRecords } from './partnership-records';
import type { HistoryHeadStore, IssuedFileStore } from './ports';
import { who } from './service-checks';
import { restoreSnapshot, stateName } from './workflow-runtime';

export interface PartnershipDeps {
  repository: AgreementRepository;
  records: { files: IssuedFileStore; heads: HistoryHeadStore; door?: CommitListener };
  activities: ActivityStore;
  attachments: AttachmentStore;
  renderer: DocumentRenderer;
  clock: Clock;
  newId: IdGenerator;
  /** The largest file accepted (config MOU_ATTACHMENT_MAX_MB). */
  maxAttachmentBytes: number;
}

export interface AttachInput {
  bytes: Buffer;
  name: string;
  kind?: string;
  activityId?: string;
  versionNo?: number;
}

export interface PartnershipService {
  readonly maxAttachmentBytes: number;
  /** The agreement (visible to the actor, else not-found) with its activities, by start date. */
  activities(actor: Actor, agreementId: string): Promise<{ record: AgreementRecord; activities: Activity[] }>;
  activity(
    actor: Actor,
    agreementId: string,
    activityId: string,
  ): Promise<{ record: AgreementRecord; activity: Activity; attachments: AttachmentInfo[] }>;
  recordActivity(actor: Actor, agreementId: string, input: unknown): Promise<Activity>;
  /** Replaces an activity's fields (its status as it is carried out, its report once held). */
  updateActivity(actor: Actor, agreementId: string, activityId: string, input: unknown): Promise<Activity>;
  attach(actor: Actor, agreementId: string, file: AttachInput): Promise<AttachmentInfo>;
  /** The agreement's attached files, oldest first (from its history: no query over the files). */
  attachments(actor: Actor, agreementId: string): Promise<AttachmentInfo[]>;
  /** A file's bytes, checked against the SHA-256 its history entry recorded. */
  download(actor: Actor, attachmentId: string): Promise<{ info: AttachmentInfo; bytes: Buffer }>;
  /** The action plan (.docx, Thai and English) generated from the activities. */
  actionPlan(actor: Actor, agreementId: string): Promise<RenderedFile>;
  /** May the actor record activities and attach files on this agreement now? */
  mayRecord(actor: Actor, record: AgreementRecord): boolean;
  /** Finishes interrupted uploads: kept when the history names them, else removed with their chunks (at start). */
  sweep(before: Date): Promise<{ chunks: number; files: number }>;
}

const MAX_RETRIES = 5;

export function createPartnershipService(deps: PartnershipDeps): PartnershipService {
  const { repository, activities, attachments, clock, newId, renderer } = deps;
  const { commit } = createRecordWriter(repository, deps.records);
  const now = () => clock.now().toISOString();

  /** The one visibility rule of the agreement service: not viewable is not there (404, as an unknown id). */
  async function load(actor: Actor, id: string): Promise<AgreementRecord> {
    const record = await repository.get(id);
    if (!mayPerform(actor, 'VIEW', record.province)) throw notFound();
    return record;
  }

  function ensureMay(actor: Actor, record: AgreementRecord, action: ChangeAction): void {
    if (mayChange(restoreSnapshot(record), actor, record, action)) return;
    if (!mayPerform(actor, action, record.province))
      throw notAllowed({
        th: 'เฉพาะเลขานุการของจังหวัดเจ้าของความตกลงบันทึกกิจกรรมและแนบไฟล์ได้',
        en: 'Only the province’s secretaries record activities and attach files',
      });
    throw notAllowed({
      th: 'บันทึกกิจกรรมและแนบไฟล์ได้เมื่อความตกลงลงนามแล้วและยังมีผลอยู่',
      en: 'Activities and files are recorded while the agreement is signed and in force',
    });
  }

  /** One history entry for a record beside the agreement; a concurrent step is waited out by reading again. */
  async function enter(
    actor: Actor,
    agreementId: string,
    event: string,
    detail: StepDetail,
    action: ChangeAction,
  ) {
    for (let attempt = 0; ; attempt++) {
      const record = await load(actor, agreementId);
      ensureMay(actor, record, action);
      const at = now();
      const state = stateName(restoreSnapshot(record));
      const entry: HistoryEntryInput = { at, actor: who(actor), event, from: state, to: state, detail };
      try {
        return await commit(record, record.rev, { set: { updatedAt: at } }, entry);
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'conflict') || attempt >= MAX_RETRIES) throw e;
      }
    }
  }

  function parseActivity(input: unknown): ActivityInput {
    const r = ActivityInput.safeParse(input);
    if (!r.success)
      throw invalid({ th: 'ข้อมูลกิจกรรมไม่ถูกต้อง', en: 'The activity is not valid' }, fromZod('', r.error));
    return r.data;
  }

  async function store(actor: Actor, record: AgreementRecord, activity: Activity, previous?: Activity) {
    await activities.put(activity);
    try {
      await enter(
        actor,
        record.id,
        'RECORD_ACTIVITY',
        { code: 'activity', id: activity.id, sha256: activitySha256(activity) },
        'RECORD_ACTIVITY',
      );
    } catch (e) {
      // Not entered in the history: the activity is put back as it was (or removed), so nothing unrecorded stays.
      await (previous ? activities.put(previous) : activities.remove(activity.id)).catch(() => undefined);
      throw e;
    }
    return activity;
  }

  async function findActivity(record: AgreementRecord, activityId: string): Promise<Activity> {
    const a = await activities.get(activityId);
    if (!a || a.agreementId !== record.id)
      throw notFound({ th: 'ไม่พบกิจกรรมนี้', en: 'No such activity on this agreement' });
    return a;
  }

  return {
    maxAttachmentBytes: deps.maxAttachmentBytes,

    async activities(actor, agreementId) {
      const record = await load(actor, agreementId);
      return { record, activities: await activities.list(record.id) };
    },

    async activity(actor, agreementId, activityId) {
      const record = await load(actor, agreementId);
      const activity = await findActivity(record, activityId);
      return {
        record,
        activity,
        attachments: attachmentsOf(record).filter((f) => f.activityId === activityId),
      };
    },

    async recordActivity(actor, agreementId, input) {
      const record = await load(actor, agreementId);
      ensureMay(actor, record, 'RECORD_ACTIVITY');
      const data = parseActivity(input);
      if (data.fulfils !== undefined) await findActivity(record, data.fulfils);
      const activity: Activity = {
        ...data,
        id: newId(),
        agreementId: record.id,
        recordedAt: now(),
        recordedBy: { userId: actor.userId, name: actor.name },
      };
      return store(actor, record, activity);
    },

    async updateActivity(actor, agreementId, activityId, input) {
      const record = await load(actor, agreementId);
      ensureMay(actor, record, 'RECORD_ACTIVITY');
      const previous = await findActivity(record, activityId);
      const data = parseActivity(input);
      if (data.fulfils !== undefined && data.fulfils !== activityId) await findActivity(record, data.fulfils);
      const activity: Activity = {
        ...data,
        id: activityId,
        agreementId: record.id,
        recordedAt: now(),
        recordedBy: { userId: actor.userId, name: actor.name },
      };
      return store(actor, record, activity, previous);
    },

    async attach(actor, agreementId, file) {
      const record = await load(actor, agreementId);
      ensureMay(actor, record, 'ATTACH_FILE');
      if (file.bytes.length > deps.maxAttachmentBytes) {
        const mb = Math.round((deps.maxAttachmentBytes / (1024 * 1024)) * 10) / 10;
        throw new DomainError('payload-too-large', {
          th: `ไฟล์ใหญ่เกินกำหนด (ไม่เกิน ${mb} MB)`,
          en: `The file is too large (at most ${mb} MB)`,
        });
      }
      const sniffed = sniffAttachment(file.bytes);
      if (!sniffed.ok) throw invalid(sniffed.why, [{ path: 'file', message: sniffed.why }]);
      const kind = file.kind ?? (sniffed.type === 'jpeg' || sniffed.type === 'png' ? 'photo' : 'other');
      if (!(ATTACHMENT_KINDS as readonly string[]).includes(kind))
        throw invalid({ th: 'ประเภทเอกสารแนบไม่ถูกต้อง', en: 'Unknown kind of attachment' }, [
          {
            path: 'kind',
            message: {
              th: `ใช้ได้: ${ATTACHMENT_KINDS.join(', ')}`,
              en: `One of: ${ATTACHMENT_KINDS.join(', ')}`,
            },
          },
        ]);
      if (file.activityId !== undefined) await findActivity(record, file.activityId);
      const versions = record.versions.map((v) => v.no);
      if (file.versionNo !== undefined && !versions.includes(file.versionNo))
        throw notFound({
          th: `ไม่มีร่างฉบับที่ ${file.versionNo}`,
          en: `This agreement has no version ${file.versionNo}`,
        });
      const info: AttachmentInfo = {
        id: newId(),
        agreementId: record.id,
        name: cleanName(file.name) || `attachment.${sniffed.type}`,
        kind: kind as AttachmentKind,
        contentType: sniffed.contentType,
        size: file.bytes.length,
        sha256: sha256Hex(file.bytes),
        ...(file.activityId !== undefined ? { activityId: file.activityId } : {}),
        ...(file.versionNo !== undefined ? { versionNo: file.versionNo } : {}),
        uploadedAt: now(),
        uploadedBy: { userId: actor.userId, name: actor.name },
      };
      // The bytes first (pending), then the history entry, then the mark that keeps them: a failure at any point
      // leaves a pending file that is removed here or by the sweep, never an entry without its file.
      await attachments.put(info, file.bytes);
      try {
        const { id, sha256, size, contentType, name, activityId, versionNo } = info;
        await enter(
          actor,
          record.id,
          'ATTACH_FILE',
          {
            code: 'attachment',
            id,
            sha256,
            size,
            contentType,
            name,
            kind: info.kind,
            ...(activityId ? { activityId } : {}),
            ...(versionNo !== undefined ? { versionNo } : {}),
          },
          'ATTACH_FILE',
        );
      } catch (e) {
        await attachments.remove(info.id).catch(() => undefined);
        throw e;
      }
      await attachments.commit(info.id);
      return info;
    },

    async attachments(actor, agreementId) {
      return attachmentsOf(await load(actor, agreementId));
    },

    async download(actor, attachmentId) {
      const stored = await attachments.info(attachmentId);
      const missing = notFound({ th: 'ไม่พบไฟล์แนบนี้', en: 'No such attachment' });
      if (!stored) throw missing;
      const record = await load(actor, stored.agreementId);
      // Only a file the history recorded exists (a pending upload is not one yet).
      const info = attachmentsOf(record).find((f) => f.id === attachmentId);
      const bytes = info ? await attachments.bytes(attachmentId) : undefined;
      if (!info || !bytes) throw missing;
      if (sha256Hex(bytes) !== info.sha256)
        throw new DomainError('integrity-failure', {
          th: 'ไฟล์แนบที่เก็บไว้ไม่ตรงกับค่า SHA-256 ที่บันทึกในประวัติ จึงไม่ส่งไฟล์นี้',
          en: 'The stored attachment does not match the SHA-256 recorded in the history; it is not served',
        });
      return { info, bytes };
    },

    async actionPlan(actor, agreementId) {
      const record = await load(actor, agreementId);
      const latest = latestVersion(record.versions);
      if (!latest) throw notFound({ th: 'ยังไม่มีร่างที่บันทึกไว้', en: 'The agreement has no version yet' });
      const list = (await activities.list(record.id)).filter((a) => a.status !== 'cancelled');
      const input = renderer.inputFor(record, latest.no, 'plan', 'parallel');
      const province = latest.content.parties.thai.name;
      const actionPlan: ActionPlanItem[] = list.map((a) => ({
        area: a.area ?? '',
        activity: a.title,
        timeline: period(a),
        responsible: a.responsibleAgency ?? province,
      }));
      return renderer.renderInput({
        ...input,
        content: { ...input.content, actionPlan },
        meta: { ...input.meta, final: record.signing !== undefined },
      });
    },

    mayRecord(actor, record) {
      return mayChange(restoreSnapshot(record), actor, record, 'RECORD_ACTIVITY');
    },

    async sweep(before) {
      // An upload interrupted after its history entry was written is kept (the record names it); any other is removed.
      let chunks = 0;
      let files = 0;
      for (const u of await attachments.unfinished(before)) {
        const record = await repository.get(u.agreementId).catch(() => undefined);
        if (record && attachmentsOf(record).some((f) => f.id === u.id)) {
          await attachments.commit(u.id);
          continue;
        }
        chunks += await attachments.remove(u.id);
        files++;
      }
      return { chunks, files };
    },
  };
}
