// How the door reads agreements: by id, and the summaries changed since a moment — from the read cache's index in
// memory (the embedded database), or by an indexed query on updatedAt (MongoDB).
import type { AgreementRepository, AgreementSummary } from '../app/ports';
import type { AgreementFeed } from './ports';

export type SummariesSince = (since?: string) => Promise<AgreementSummary[]>;

/** Every summary from the repository's list, filtered here: for the read cache, which answers lists from memory. */
export function listedSince(repository: AgreementRepository): SummariesSince {
  return async (since) => {
    const all = await repository.list(
      {},
      { limit: Number.MAX_SAFE_INTEGER, skip: 0, sort: { key: 'updatedAt', dir: 'asc' } },
    );
    return since === undefined ? all : all.filter((a) => a.updatedAt >= since);
  };
}

export function agreementFeed(repository: AgreementRepository, summaries: SummariesSince): AgreementFeed {
  return { summaries, get: (id) => repository.get(id) };
}
