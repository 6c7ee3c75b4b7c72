// Evaluations beside the agreement, one document per agreement and year (src/app/evaluation-service.ts).
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { EvaluationStore } from '../app/evaluation-service';
import type { Evaluation } from '../domain';
import { isDuplicateKeyError } from './errors';

export const EVALUATIONS_COLLECTION = 'evaluations';

type EvaluationDoc = Evaluation & { _id: string };

export function createEvaluationStore(conn: Connection): EvaluationStore {
  const evaluations = (): Collection<EvaluationDoc> => {
    const db = conn.db;
    if (!db) throw new Error('the database connection is not open');
    return db.collection<EvaluationDoc>(EVALUATIONS_COLLECTION) as unknown as Collection<EvaluationDoc>;
  };
  const key = (agreementId: string, year: number) => `${agreementId}:${year}`;
  const out = ({ _id: _unused, ...e }: EvaluationDoc): Evaluation => e;
  return {
    async add(e) {
      try {
        await evaluations().insertOne({ _id: key(e.agreementId, e.year), ...e });
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err)) return false;
        throw err;
      }
    },
    async get(agreementId, year) {
      const d = await evaluations().findOne({ _id: key(agreementId, year) });
      return d ? out(d) : undefined;
    },
    async list(agreementId) {
      const docs = await evaluations().find({ agreementId }).toArray();
      return docs.map(out).sort((a, b) => b.year - a.year);
    },
    async remove(agreementId, year) {
      await evaluations().deleteOne({ _id: key(agreementId, year) });
    },
    async comment(agreementId, year, c) {
      await evaluations().updateOne({ _id: key(agreementId, year) }, { $push: { comments: c } });
    },
  };
}
