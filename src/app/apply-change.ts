// One change applied to a record in memory, exactly as the repositories apply it in the database: the agreement
// as it will be after a step (to issue its document from), and the in-memory repository's update.
import type { AgreementChange, AgreementRecord } from './ports';

export function applyChange(record: AgreementRecord, change: AgreementChange): AgreementRecord {
  const push = change.push ?? {};
  return {
    ...record,
    ...change.set,
    rev: record.rev + 1,
    versions: push.versions ? [...record.versions, push.versions] : record.versions,
    resolutions: push.resolutions ? [...record.resolutions, push.resolutions] : record.resolutions,
    history: push.history ? [...record.history, push.history] : record.history,
  };
}
