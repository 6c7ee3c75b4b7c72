// GET /api/v1/agreements/{id}/checks: the pre-review and bilingual checks of the working draft, as { findings }.
import type { ApiServices } from './agreements';
import { apiModule, apiRoute, problem } from './define';
import { AgreementParams, CheckList, NoQuery } from './schemas';
import { API_V1 } from './views';

export function checksApi({ agreements, drafting }: ApiServices) {
  return apiModule('api-checks', API_V1, [
    apiRoute({
      method: 'get',
      path: `${API_V1}/agreements/:id/checks`,
      access: 'login',
      actions: ['VIEW'],
      summary:
        'Pre-review and bilingual checks of the working draft: MFA wording, missing clauses, Thai/English parity, text hygiene, official names',
      description:
        'Findings in a fixed order (document, title, preamble, articles by number, closing; then rule id). ' +
        'severity error: MFA returns such a text; warning: MFA often comments; info: worth a look. ' +
        'A suggestion replaces the excerpt at its anchor, or is the text to add when something is missing.',
      params: AgreementParams,
      query: NoQuery,
      responses: {
        200: { description: 'The findings (an empty list when the draft is clean)', schema: CheckList },
        401: problem('Not signed in, or the token is unknown or revoked'),
        404: problem('No such agreement, or not visible to you'),
      },
      handle: async ({ actor, params, res }) => {
        const record = await agreements.get(actor, params.id);
        // The same checks as the gate's, with the gazetteer as the admins keep it.
        res.json({ findings: await drafting.check(record.workingDraft) });
      },
    }),
  ]);
}
