// Stores agreements in MongoDB/FerretDB: every change is one findOneAndUpdate guarded by the expected rev.
import { z } from 'zod';
import type { Connection, UpdateQuery } from 'mongoose';
import { conflict, ensureArticleKeys, notFound, UnkeyedAgreement, type AgreementContent } from '../domain';
import type {
  AgreementChange,
  AgreementFilter,
  DistinctField,
  AgreementRecord,
  AgreementRepository,
  AgreementSummary,
  Page,
  SortKey,
} from '../app/ports';
import { AgreementSummarySchema } from '../app/summary';
import { agreementModel, type AgreementDoc } from './agreement-schema';
import type { ScannedSummary } from './agreement-summary';

// Agreements stored before article keys have none: accept them, and key them on the way out (toRecord).
const StoredAgreement = UnkeyedAgreement.extend({
  rev: z.number().int().min(0),
  machineVersion: z.number().int(),
  snapshot: z.record(z.string(), z.unknown()),
});

const StoredSummary = AgreementSummarySchema.omit({ id: true }).extend({ _id: z.string() });

const SUMMARY_FIELDS = Object.keys(StoredSummary.shape).join(' ');
const StoredScan = StoredSummary.extend({ cleared: z.array(z.string()).optional() });

/** Drops undefined and anything JSON cannot carry, so the stored value equals what the domain hashed. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function listFields(content: AgreementContent) {
  return {
    kind: content.kind,
    title: content.title,
    partnerName: content.parties.partner.name,
    partnerCountryEn: content.parties.partner.country.en,
  };
}

const LIST_FIELDS = new Set(['kind', 'title', 'partnerName', 'partnerCountryEn', 'expiresOn']);

/**
 * Every record read from the database passes here, so the app never sees an article or a comment without a key:
 * ensureArticleKeys derives the missing ones deterministically (the same on every read) and keeps stored ones.
 */
function toRecord(doc: unknown): AgreementRecord {
  const { _id, ...rest } = z.looseObject({ _id: z.string() }).parse(doc);
  const stored = Object.fromEntries(Object.entries(rest).filter(([k]) => !LIST_FIELDS.has(k)));
  return ensureArticleKeys(StoredAgreement.parse({ id: _id, ...stored }));
}

/** The user's text as a literal pattern: no regex syntax of theirs reaches the database. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toFilter(f: AgreementFilter): Record<string, unknown> {
  const q: Record<string, unknown> = {};
  if (f.province !== undefined) q.province = f.province;
  if (f.state !== undefined) q.state = f.state;
  if (f.states !== undefined) {
    // Both given: the one state, if it is among the states; else nothing matches.
    q.state =
      f.state === undefined ? { $in: [...f.states] } : f.states.includes(f.state) ? f.state : { $in: [] };
  }
  if (f.kind !== undefined) q.kind = f.kind;
  if (f.partnerCountryEn !== undefined) q.partnerCountryEn = f.partnerCountryEn;
  const text = f.text?.trim();
  if (text) {
    const re = { $regex: escapeRegex(text.slice(0, 200)), $options: 'i' };
    q.$or = ['title.th', 'title.en', 'partnerName.th', 'partnerName.en'].map((k) => ({ [k]: re }));
  }
  return q;
}

const SORT_FIELD: Record<SortKey, (lang: 'th' | 'en') => string> = {
  updatedAt: () => 'updatedAt',
  stateSince: () => 'stateSince',
  title: (l) => `title.${l}`,
  partner: (l) => `partnerName.${l}`,
  province: () => 'province',
  state: () => 'state',
};

function toSort(page: Page): Record<string, 1 | -1> {
  const s = page.sort ?? { key: 'updatedAt', dir: 'desc' };
  return { [SORT_FIELD[s.key](s.lang ?? 'en')]: s.dir === 'asc' ? 1 : -1, _id: 1 };
}

export interface StoredAgreementRepository extends AgreementRepository {
  init(): Promise<void>;
  /**
   * The same update as apply, filtered by _id alone, for a caller that has already checked the rev under a
   * lock of its own (the single-writer cache): FerretDB v1 can use an index only for a filter of _id alone,
   * and decodes every document of the collection for any other (measured: 0.5 ms per stored agreement).
   */
  applyUnguarded(id: string, change: AgreementChange): Promise<AgreementRecord>;
  /** Every agreement's summary and cleared texts, in batches, in one pass: for building an in-memory index. */
  scanSummaries(batchSize: number): AsyncIterable<ScannedSummary[]>;
  /** Every whole agreement, in one pass (verifying a database). */
  scan(batchSize: number): AsyncIterable<AgreementRecord>;
  /** Summaries of the agreements changed at or after `since` (all without), by the updatedAt index (the door). */
  summariesSince(since?: string): Promise<AgreementSummary[]>;
}

function toUpdate(change: AgreementChange): UpdateQuery<AgreementDoc> {
  const set: Record<string, unknown> = plain({ ...change.set });
  if (change.set.workingDraft) Object.assign(set, listFields(change.set.workingDraft));
  if (change.set.term) set.expiresOn = change.set.term.expiresOn;
  const update: UpdateQuery<AgreementDoc> = { $set: set, $inc: { rev: 1 } };
  const push = change.push ? plain(change.push) : undefined;
  if (push && Object.keys(push).length > 0) update.$push = push;
  return update;
}

export function createAgreementRepository(conn: Connection): StoredAgreementRepository {
  const Model = agreementModel(conn);

  return {
    async init() {
      await Model.init();
    },

    async insert(record) {
      const { id, ...rest } = record;
      await Model.create(
        plain({
          _id: id,
          ...rest,
          ...listFields(record.workingDraft),
          ...(record.term ? { expiresOn: record.term.expiresOn } : {}),
        }),
      );
    },

    async get(id) {
      const doc: unknown = await Model.findById(id).lean();
      if (doc === null) throw notFound();
      return toRecord(doc);
    },

    async apply(id, expectedRev, change: AgreementChange) {
      const doc: unknown = await Model.findOneAndUpdate({ _id: id, rev: expectedRev }, toUpdate(change), {
        returnDocument: 'after',
        lean: true,
      });
      if (doc === null) {
        if ((await Model.exists({ _id: id })) === null) throw notFound();
        throw conflict();
      }
      return toRecord(doc);
    },

    async applyUnguarded(id, change) {
      const doc: unknown = await Model.findOneAndUpdate({ _id: id }, toUpdate(change), {
        returnDocument: 'after',
        lean: true,
      });
      if (doc === null) throw notFound();
      return toRecord(doc);
    },

    async list(filter, page: Page = { limit: 50, skip: 0 }) {
      const docs: unknown[] = await Model.find(toFilter(filter), SUMMARY_FIELDS)
        .sort(toSort(page))
        .skip(page.skip)
        .limit(page.limit)
        .lean();
      return docs.map((d): AgreementSummary => {
        const { _id, ...rest } = StoredSummary.parse(d);
        return { id: _id, ...rest };
      });
    },

    async count(filter) {
      return Model.countDocuments(toFilter(filter));
    },

    async *scanSummaries(batchSize) {
      // One pass with a cursor: FerretDB cannot use an index for `_id > x`, so paging would rescan.
      const cursor = Model.find({}, `${SUMMARY_FIELDS} cleared`).lean().cursor({ batchSize });
      let batch: ScannedSummary[] = [];
      for await (const d of cursor) {
        const { _id, cleared, ...rest } = StoredScan.parse(d);
        batch.push({ id: _id, ...rest, ...(cleared?.length ? { cleared } : {}) });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },

    async summariesSince(since) {
      const docs: unknown[] = await Model.find(
        since === undefined ? {} : { updatedAt: { $gte: since } },
        SUMMARY_FIELDS,
      )
        .sort({ updatedAt: 1, _id: 1 })
        .lean();
      return docs.map((d): AgreementSummary => {
        const { _id, ...rest } = StoredSummary.parse(d);
        return { id: _id, ...rest };
      });
    },

    async *scan(batchSize) {
      for await (const d of Model.find({}).lean().cursor({ batchSize })) yield toRecord(d);
    },

    async distinct(field: DistinctField, filter) {
      const values: unknown[] = await Model.distinct(field, toFilter(filter));
      return values.filter((v): v is string => typeof v === 'string').sort();
    },

    async clearedAmong(hashes, exceptId) {
      if (hashes.length === 0) return new Set();
      const docs: { cleared?: unknown }[] = await Model.find(
        { cleared: { $in: [...hashes] }, _id: { $ne: exceptId } },
        { cleared: 1 },
      ).lean();
      const wanted = new Set(hashes);
      const found = new Set<string>();
      for (const d of docs)
        for (const h of Array.isArray(d.cleared) ? d.cleared : [])
          if (typeof h === 'string' && wanted.has(h)) found.add(h);
      return found;
    },
  };
}
