// What a workflow step does besides changing state: the effect vocabulary the machine names on its transitions.
import { z } from 'zod';
import type { Renewal, Resolution, Signing } from '../src/domain';
import type { AgreementEvent, AgreementEventType } from './events';

/** The domain rules a step can be guarded by (each a function of the agreement, and of the event's data). */
export const STEP_RULES = [
  'draft',
  'resolution',
  'moiSubmission',
  'returnWithComments',
  'noObjection',
  'resubmit',
  'finalText',
  'partnerChanges',
  'signing',
  /** The term has run out (the step's day is after the expiry). */
  'expiry',
] as const;
export type StepRule = (typeof STEP_RULES)[number];

/** The documents a step can issue (a subset of the document types the renderer knows). */
export const ISSUED_DOCS = ['mou', 'memo', 'review', 'redline', 'signing', 'renewal'] as const;
export type IssuedDoc = (typeof ISSUED_DOCS)[number];

/**
 * The step's effects, as xstate actions with params. The machine places them on its transitions (or on a state's
 * entry); the runtime reads them from `transition()`'s actions; the application interprets each type once.
 */
export const StepEffect = z.discriminatedUnion('type', [
  /** The listed domain rules must hold, or the step is refused (validation-failed, every issue listed). */
  z.object({ type: z.literal('checkRules'), params: z.object({ rules: z.array(z.enum(STEP_RULES)) }) }),
  /** The pre-review checks: errors block; stale articles block when `staleBlocks`; warnings need acknowledging. */
  z.object({ type: z.literal('runDraftingGate'), params: z.object({ staleBlocks: z.boolean() }) }),
  /** The working draft becomes a new immutable version (unless it equals the latest one). */
  z.object({ type: z.literal('freezeVersion') }),
  /** The committee's resolution (the event's) is recorded against the latest version. */
  z.object({ type: z.literal('recordResolution') }),
  /** The signing (the event's) is recorded. */
  z.object({ type: z.literal('recordSigning') }),
  /** The term from signing: confirmed in the event's signing, else proposed from the duration clause. */
  z.object({ type: z.literal('recordTerm') }),
  /** The renewal (the event's, or the term's own years from the step's day) extends the term. */
  z.object({ type: z.literal('renewTerm') }),
  /** MFA's no objection: its flags go in the history entry, the reviewed version's article texts become cleared. */
  z.object({ type: z.literal('recordNoObjection') }),
  /** The step issues `doc` of the latest version (`firstVersionDoc` instead when that is version 1). */
  z.object({
    type: z.literal('issueDocument'),
    params: z.object({ doc: z.enum(ISSUED_DOCS), firstVersionDoc: z.enum(ISSUED_DOCS).optional() }),
  }),
]);
export type StepEffect = z.infer<typeof StepEffect>;
export type StepEffectType = StepEffect['type'];
export type EffectParams<T extends StepEffectType> =
  Extract<StepEffect, { type: T }> extends { params: infer P } ? P : undefined;

export const STEP_EFFECT_TYPES = StepEffect.options.map((o) => o.shape.type.value);

const isEffectType = (type: string): type is StepEffectType =>
  (STEP_EFFECT_TYPES as readonly string[]).includes(type);

/**
 * The step effects among actions (as `transition()` returns them, or as a transition declares them), in order.
 * Other actions (context assignments, anything outside the vocabulary) are not effects; an effect with params
 * that do not fit its type is a mistake in the machine and throws.
 */
export function stepEffects(actions: readonly unknown[]): StepEffect[] {
  return actions.flatMap((action): StepEffect[] => {
    const { type, params } =
      typeof action === 'string'
        ? { type: action, params: undefined }
        : typeof action === 'object' && action !== null && 'type' in action && typeof action.type === 'string'
          ? { type: action.type, params: 'params' in action ? action.params : undefined }
          : { type: undefined, params: undefined };
    if (type === undefined || !isEffectType(type)) return [];
    const parsed = StepEffect.safeParse(params === undefined ? { type } : { type, params });
    if (!parsed.success) throw new Error(`the machine names ${type} with params that do not fit it`);
    return [parsed.data];
  });
}

// The event data some effects read. Named on an event that does not carry it, the machine is wrong: that is a
// programming error (a test walks every transition), not something a user can cause.
const misplaced = (what: string, type: AgreementEventType) =>
  new Error(`the machine reads ${what} on ${type}, which does not carry it`);

export function resolutionOf(event: AgreementEvent): Resolution {
  if (event.type === 'RECORD_RESOLUTION') return event.resolution;
  throw misplaced('a resolution', event.type);
}

export function signingOf(event: AgreementEvent): Signing {
  if (event.type === 'RECORD_SIGNING') return event.signing;
  throw misplaced('a signing', event.type);
}

export function noObjectionOf(event: AgreementEvent): {
  needsCabinetApproval: boolean;
  needsFullPowers: boolean;
} {
  if (event.type === 'GIVE_NO_OBJECTION')
    return { needsCabinetApproval: event.needsCabinetApproval, needsFullPowers: event.needsFullPowers };
  throw misplaced('a no objection', event.type);
}

export function renewalOf(event: AgreementEvent): Renewal | undefined {
  if (event.type === 'RECORD_RENEWAL') return event.renewal;
  throw misplaced('a renewal', event.type);
}
