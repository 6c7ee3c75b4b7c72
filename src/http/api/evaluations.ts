// The yearly evaluations of a pair in force: GET/POST /api/v1/agreements/{id}/evaluations (the province records),
// POST …/evaluations/{year}/comments (MOI comments).
import { z } from 'zod';
import type { EvaluationService } from '../../app/evaluation-service';
import { EvaluationInput } from '../../domain';
import { apiModule, apiRoute, problem } from './define';
import { AgreementParams, EvaluationCommentBody, NoQuery } from './schemas';
import { API_V1 } from './views';

const Bi = z.object({ th: z.string(), en: z.string() });
export const EvaluationView = z.object({
  agreementId: z.string(),
  province: z.string(),
  year: z.number().int(),
  activitiesPlanned: z.number().int(),
  activitiesHeld: z.number().int(),
  rating: z.number().int(),
  notes: Bi,
  recordedAt: z.string(),
  recordedBy: z.object({ userId: z.string(), name: z.string() }),
  comments: z.array(
    z.object({
      at: z.string(),
      by: z.object({ userId: z.string(), name: z.string(), role: z.string() }),
      text: z.string(),
    }),
  ),
});
const YearParams = AgreementParams.extend({ year: z.coerce.number().int().min(1900).max(2600) }).strict();

const common = {
  401: problem('Not signed in, or the token is unknown or revoked'),
  404: problem('No such agreement (or not yours to see)'),
};

export function evaluationApi({ evaluations }: { evaluations: EvaluationService }) {
  return apiModule('api-evaluations', API_V1, [
    apiRoute({
      method: 'get',
      path: `${API_V1}/agreements/:id/evaluations`,
      access: 'login',
      summary: 'The yearly evaluations of an agreement, newest year first, with MOI’s comments',
      params: AgreementParams,
      query: NoQuery,
      responses: { 200: { description: 'The evaluations', schema: z.array(EvaluationView) }, ...common },
      handle: async ({ actor, params, res }) => {
        res.json((await evaluations.list(actor, params.id)).evaluations);
      },
    }),
    apiRoute({
      method: 'post',
      path: `${API_V1}/agreements/:id/evaluations`,
      access: ['secretary', 'admin'],
      summary: 'Record the year’s evaluation of a pair in force (the province’s secretaries)',
      description:
        'One per agreement and year: activities held against the plan, a rating from 1 to 5, notes in Thai and ' +
        'English. Its SHA-256 is entered in the agreement’s history. A second one for the same year is refused (409).',
      params: AgreementParams,
      query: NoQuery,
      body: EvaluationInput,
      responses: {
        201: { description: 'Recorded', schema: EvaluationView },
        ...common,
        403: problem('Not the province’s secretary, or the agreement is not in force'),
        409: problem('That year is evaluated already'),
        422: problem('A field is missing or invalid'),
      },
      handle: async ({ actor, params, body, res }) => {
        res.status(201).json(await evaluations.record(actor, params.id, body));
      },
    }),
    apiRoute({
      method: 'post',
      path: `${API_V1}/agreements/:id/evaluations/:year/comments`,
      access: ['moi', 'admin'],
      summary: 'MOI’s comment on a year’s evaluation',
      params: YearParams,
      query: NoQuery,
      body: EvaluationCommentBody,
      responses: {
        201: { description: 'The evaluation with the comment', schema: EvaluationView },
        ...common,
        403: problem('Only MOI comments'),
        422: problem('The comment is empty or too long'),
      },
      handle: async ({ actor, params, body, res }) => {
        res.status(201).json(await evaluations.comment(actor, params.id, params.year, body.text));
      },
    }),
  ]);
}
