// GET /api/v1/statistics: MOI's figures (pairs by province, country, kind and state; signings per year; days per
// step; activities; pairs gone quiet), kept current by the door, filtered by year and province.
import { z } from 'zod';
import type { StatisticsService } from '../../statistics/service';
import { apiModule, apiRoute, problem } from './define';
import { API_V1 } from './views';

export const StatisticsQuery = z
  .object({
    year: z.coerce.number().int().min(1900).max(2600).optional(),
    province: z.string().min(1).max(64).optional(),
  })
  .strict();

const Bi = z.object({ th: z.string(), en: z.string() });
export const StatisticsView = z.object({
  total: z.number().int(),
  byProvince: z.array(z.object({ province: z.string(), count: z.number().int() })),
  byCountry: z.array(z.object({ country: z.string(), count: z.number().int() })),
  byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  byState: z.array(z.object({ state: z.string(), count: z.number().int() })),
  signedByYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  stepDays: z.array(
    z.object({ state: z.string(), median: z.number(), p90: z.number(), count: z.number().int() }),
  ),
  activitiesByYear: z.array(
    z.object({
      year: z.number().int(),
      activities: z.number().int(),
      pairs: z.number().int(),
      perPair: z.number(),
    }),
  ),
  dormant: z.array(
    z.object({ id: z.string(), province: z.string(), partner: Bi, lastActiveAt: z.string().nullable() }),
  ),
  missingEvaluations: z.array(
    z.object({ id: z.string(), province: z.string(), partner: Bi, year: z.number().int() }),
  ),
});

export function statisticsApi({ statistics }: { statistics: StatisticsService }) {
  return apiModule('api-statistics', API_V1, [
    apiRoute({
      method: 'get',
      path: `${API_V1}/statistics`,
      access: ['moi', 'mfa', 'admin'],
      summary: 'MOI’s figures of the country’s pairs, filtered by year and province',
      description:
        'Counts of agreements by province, partner country (in English, as the agreement list filters it), kind and ' +
        'state — the same counts as `GET /api/v1/agreements` gives on the same data; agreements signed per year; ' +
        'median and 90th-percentile days spent in each step, from the histories; activities per pair per year; ' +
        'pairs in force with no activity (nor signing) in two years. `year` keeps agreements signed in that year ' +
        'and steps finished in it; `province` keeps one province. Kept current as entries land (the door ' +
        'out), so a request does not read every agreement: figures follow a step within moments.',
      query: StatisticsQuery,
      responses: {
        200: { description: 'The figures', schema: StatisticsView },
        401: problem('Not signed in, or the token is unknown or revoked'),
        403: problem('Statistics are for MOI, MFA and administrators'),
        422: problem('A filter is invalid'),
      },
      handle: async ({ actor, query, res }) => {
        const filter = {
          ...(query.year !== undefined ? { year: query.year } : {}),
          ...(query.province !== undefined ? { province: query.province } : {}),
        };
        res.json(StatisticsView.parse(await statistics.figures(actor, filter)));
      },
    }),
  ]);
}
