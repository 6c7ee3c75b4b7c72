// A new agreement as first stored: the working draft in drafting, the machine's initial snapshot, one CREATE entry.
import { chainEntry, NO_FLAGS, type Actor, type AgreementContent } from '../domain';
import { AGREEMENT_MACHINE_VERSION } from '../../workflows';
import type { AgreementRecord } from './ports';
import { who } from './service-checks';
import { initialPersistedSnapshot } from './workflow-runtime';

export function newAgreementRecord(
  id: string,
  province: string,
  workingDraft: AgreementContent,
  actor: Actor,
  at: string,
): AgreementRecord {
  const created = chainEntry(id, [], { at, actor: who(actor), event: 'CREATE', from: null, to: 'drafting' });
  return {
    id,
    province,
    workingDraft,
    versions: [],
    comments: [],
    resolutions: [],
    flags: NO_FLAGS,
    state: 'drafting',
    stateSince: at,
    round: 0,
    history: [created],
    createdAt: at,
    updatedAt: at,
    rev: 0,
    machineVersion: AGREEMENT_MACHINE_VERSION,
    snapshot: initialPersistedSnapshot(),
  };
}
