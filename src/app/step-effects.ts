// Interprets the effects the machine names on a step, one case per effect type, into what the step checks and records.
import {
  latestVersion,
  makeVersion,
  sameContent,
  type FieldIssue,
  type Resolution,
  type Signing,
  type StepDetail,
  type TermRecord,
  type Version,
  type VersionAuthor,
} from '../domain';
import {
  noObjectionOf,
  renewalOf,
  resolutionOf,
  signingOf,
  type EffectParams,
  type StepEffect,
} from '../../workflows';
import { renewedTerm, signedTerm } from './term';
import { clearedTexts } from './cleared-texts';
import type { AgreementRecord } from './ports';
import { ruleIssues, type RuleInput } from './step-rules';

export interface EffectInput extends RuleInput {
  record: AgreementRecord;
  author: VersionAuthor;
  at: string;
}

/** What a step's effects add up to. Every field but `issues` comes from at most one effect. */
export interface StepOutcome {
  /** The failed rules (the step is refused when there is any). */
  issues: FieldIssue[];
  /** The drafting gate to run, and how. */
  gate?: EffectParams<'runDraftingGate'>;
  version?: Version;
  resolution?: Resolution;
  signing?: Signing;
  /** Text hashes of the articles the step clears. */
  cleared?: string[];
  /** The version the step concerned (recorded in the history entry); the latest one unless an effect says. */
  versionNo?: number;
  detail?: StepDetail;
  /** The document the step issues. */
  document?: EffectParams<'issueDocument'>;
  /** The term as the step leaves it (signing, renewal). */
  term?: TermRecord;
}

type Contribution = Partial<StepOutcome>;

/** Leaving the province's hands freezes the working draft as a new, immutable version (if it changed). */
function freeze({ record: a, author, at }: EffectInput): Contribution {
  const last = latestVersion(a.versions);
  if (last && sameContent(last.content, a.workingDraft)) return { versionNo: last.no };
  const version = makeVersion(a.versions, a.workingDraft, author, at);
  return { version, versionNo: version.no };
}

function interpret(effect: StepEffect, input: EffectInput): Contribution {
  const current = latestVersion(input.record.versions)?.no;
  switch (effect.type) {
    case 'checkRules':
      return { issues: effect.params.rules.flatMap((rule) => ruleIssues(rule, input)) };
    case 'runDraftingGate':
      return { gate: effect.params };
    case 'freezeVersion':
      return freeze(input);
    case 'recordResolution': {
      const given = resolutionOf(input.event);
      const resolution = { ...given, ...(current === undefined ? {} : { versionNo: current }) };
      return {
        resolution,
        detail: { code: 'resolution', meeting: resolution.meeting, outcome: resolution.outcome },
      };
    }
    case 'recordSigning': {
      const signing = signingOf(input.event);
      return { signing, detail: { code: 'signing', date: signing.date, place: signing.place } };
    }
    case 'recordTerm':
      return { term: signedTerm(input.record, signingOf(input.event)) };
    case 'renewTerm': {
      const { term, renewal } = renewedTerm(input.record, renewalOf(input.event), input.at);
      return { term, detail: { code: 'renewal', ...renewal, expiresOn: term.expiresOn } };
    }
    case 'recordNoObjection':
      return {
        detail: { code: 'no-objection', ...noObjectionOf(input.event) },
        cleared: clearedTexts(input.record),
      };
    case 'issueDocument':
      return { document: effect.params };
  }
}

/** Adds one effect's contribution; two effects setting the same thing on one step is a mistake in the machine. */
function add(outcome: StepOutcome, c: Contribution, effect: StepEffect): StepOutcome {
  const { issues = [], ...rest } = c;
  for (const key of Object.keys(rest)) {
    if (key in outcome) throw new Error(`the machine names two effects that set ${key} (${effect.type})`);
  }
  return { ...outcome, ...rest, issues: [...outcome.issues, ...issues] };
}

/** The step's effects, in the machine's order, interpreted against the agreement before the step. */
export function interpretEffects(effects: readonly StepEffect[], input: EffectInput): StepOutcome {
  const reduced = effects.reduce<StepOutcome>((o, e) => add(o, interpret(e, input), e), { issues: [] });
  // The signing's entry carries the term recorded with it, so the record check covers the expiry date too.
  const { term, detail } = reduced;
  const outcome =
    term && detail?.code === 'signing'
      ? {
          ...reduced,
          detail: {
            ...detail,
            term: { years: term.years, noticeMonths: term.noticeMonths, expiresOn: term.expiresOn },
          },
        }
      : reduced;
  const current = latestVersion(input.record.versions)?.no;
  return outcome.versionNo === undefined && current !== undefined
    ? { ...outcome, versionNo: current }
    : outcome;
}
