// The hostile run's plumbing: its lanes (each with its own agreements), counted calls and checks.
import type { Actor, AgreementContent } from '../../../src/domain';
import { approved, story, type ApiApp, type ApiResult, type Who } from './support';

export let api: ApiApp;
/** The app the probes talk to (set once, in beforeAll). */
export function useApi(a: ApiApp): void {
  api = a;
}

/** What the run did, for its closing line. */
export const stats = { requests: 0, rendered: 0, statuses: new Map<number, number>() };
/** Requests run in a few concurrent lanes (each with its own agreements), so HTTP work overlaps database waits. */
export const LANES = 4;
export interface Lane {
  drafting: { id: string; rev: number };
  review: { id: string; rev: number; comments: number };
  lastContent: AgreementContent;
}
export const accepted: { agreement: string; id: string; text: unknown }[] = [];

export async function call(
  who: Who | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<ApiResult> {
  stats.requests++;
  const r = await api.call(who, method, path, body, headers);
  stats.statuses.set(r.status, (stats.statuses.get(r.status) ?? 0) + 1);
  if (r.status >= 500) throw new Error(`${r.status} for ${method} ${path}: ${r.text.slice(0, 300)}`);
  if (r.status >= 400 && !/^application\/problem\+json/.test(r.headers.get('content-type') ?? '')) {
    throw new Error(`${r.status} without problem+json for ${method} ${path}`);
  }
  return r;
}
export const expectIn = (r: ApiResult, allowed: number[], what: string) => {
  if (!allowed.includes(r.status))
    throw new Error(`${what}: ${r.status} not in ${allowed.join('/')}: ${r.text.slice(0, 300)}`);
};
export const rev = (r: ApiResult) => Number((r.body as { rev: number }).rev);

export const actor = (who: 'secretary' | 'moi'): Actor => ({
  userId: api.userId[who],
  name: who,
  role: who,
  ...(who === 'secretary' ? { province: 'chiang-mai' } : {}),
});

/** A fresh agreement under MFA review, so that comments do not pile up on one document. */
export async function freshReview({ review }: Lane): Promise<void> {
  const svc = api.services.agreements;
  let a = await svc.createDraft(actor('secretary'), { province: 'chiang-mai', content: story.draft1 });
  for (const e of [
    { type: 'SUBMIT_TO_COMMITTEE' },
    { type: 'RECORD_RESOLUTION', resolution: approved },
    { type: 'SUBMIT_TO_MOI' },
  ] as const) {
    a = await svc.send(actor('secretary'), a.id, a.rev, e);
  }
  a = await svc.send(actor('moi'), a.id, a.rev, { type: 'FORWARD_TO_MFA' });
  Object.assign(review, { id: a.id, rev: a.rev, comments: 0 });
}
