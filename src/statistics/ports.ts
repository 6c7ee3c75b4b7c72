// Where the statistics keep their facts (src/storage/statistics-store.ts; their own collection).
import type { AgreementFact } from './facts';

export interface FactStore {
  /** Every fact, in one pass (at start, and when another instance may have moved them). */
  all(): Promise<AgreementFact[]>;
  /** Stores the fact unless a fact of a later entry is already there (a late writer never moves it back). */
  put(fact: AgreementFact): Promise<void>;
}
