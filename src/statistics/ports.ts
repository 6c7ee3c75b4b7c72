// Where the statistics keep their facts (src/storage/statistics-store.ts; their own collection).
import type { AgreementFact } from './facts';

export interface FactStore {
  /** Every fact, in one pass (at start, and when another instance may have moved them). */
  all(): Promise<AgreementFact[]>;
  /** Stores the fact (replacing the agreement's; the subscriber only ever moves it forward). */
  put(fact: AgreementFact): Promise<void>;
}
