// How a change of an agreement is stored: its history entry, the document it issues, one compare-and-set write, the
// anchor, and a ring of the door out (which delivers the entry later, never in the write's path).
import { chainEntry, type HistoryEntryInput } from '../domain';
import type { IssuedDraft } from './issued-documents';
import type {
  AgreementChange,
  AgreementRecord,
  AgreementRepository,
  HistoryHeadStore,
  IssuedFileStore,
} from './ports';
import { withUpgradedSnapshot } from './workflow-runtime';

/** Told of every write that landed (src/events/door.ts); must return at once and never throw. */
export interface CommitListener {
  committed(record: AgreementRecord): void;
}

export interface RecordWriter {
  /** Anchors the newest history entries of a record outside it and rings the door (after an insert or a write). */
  anchor(record: AgreementRecord): Promise<void>;
  commit(
    record: AgreementRecord,
    expectedRev: number,
    change: AgreementChange,
    input: HistoryEntryInput,
    issued?: IssuedDraft,
  ): Promise<AgreementRecord>;
}

export function createRecordWriter(
  repository: AgreementRepository,
  records: { files: IssuedFileStore; heads: HistoryHeadStore; door?: CommitListener },
): RecordWriter {
  /**
   * Anchors the newest two entries (the second one again heals an anchor a crash between write and anchor missed),
   * after ringing the door: the door only queues the record, and a crash before it delivers is caught up at start.
   */
  const anchor = (r: AgreementRecord): Promise<void> => {
    records.door?.committed(r);
    return records.heads.anchor(
      r.id,
      r.history.slice(-2).map(({ seq, hash }) => ({ seq, hash })),
    );
  };

  /**
   * The one way a change is stored: its history entry (with the hash of the document it issues, whose bytes are
   * stored first), one compare-and-set write, then the entry's anchor. A losing concurrent writer leaves at most
   * an unreferenced file behind (files are keyed by entry and hash), never a wrong one.
   */
  async function commit(
    record: AgreementRecord,
    expectedRev: number,
    change: AgreementChange,
    input: HistoryEntryInput,
    issued?: IssuedDraft,
  ): Promise<AgreementRecord> {
    const entry = chainEntry(
      record.id,
      record.history,
      issued ? { ...input, documentSha256: issued.sha256, doc: issued.doc } : input,
    );
    if (issued) {
      await records.files.put({
        ...issued,
        agreementId: record.id,
        seq: entry.seq,
        event: entry.event,
        issuedAt: entry.at,
      });
    }
    // A record saved by an older machine version is stored upgraded by whatever write comes next.
    const upgraded = withUpgradedSnapshot(record, change);
    const saved = await repository.apply(record.id, expectedRev, {
      ...upgraded,
      push: { ...upgraded.push, history: entry },
    });
    await anchor(saved);
    return saved;
  }

  return { anchor, commit };
}
