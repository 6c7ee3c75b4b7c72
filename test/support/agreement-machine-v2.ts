// A test-only version 2 of the agreement machine, built from the real one's config and implementations, and its migration.
import { StateMachine } from 'xstate';
import { agreementMachine, type SnapshotMigration, type VersionedMachine } from '../../workflows';

const v1 = agreementMachine.config;
const v1States = v1.states ?? {};
const amendment = v1States.amendment;
if (!amendment) throw new Error('version 1 has no amendment state');

/**
 * Version 2 splits version 1's committeeReview in two: an amendment of a signed agreement now goes to its own
 * amendmentCommitteeReview, so the committee's queue tells a new draft from an amendment. Same events, guards
 * and actions; `createMachine` is `new StateMachine(config, implementations)`, spelled out so the config keeps
 * version 1's types.
 */
const config: typeof v1 = {
  ...v1,
  states: {
    ...v1States,
    amendment: { ...amendment, on: { ...amendment.on, SUBMIT_TO_COMMITTEE: 'amendmentCommitteeReview' } },
    amendmentCommitteeReview: {
      description: 'The provincial committee considers an amendment of the signed agreement.',
      tags: ['beforeSigning'],
      on: {
        ABANDON_AMENDMENT: 'inForce',
        RECORD_RESOLUTION: [
          { guard: 'resolutionApproves', target: 'committeeApproved' },
          { target: 'amendment' },
        ],
      },
    },
  },
};
export const agreementMachineV2 = new StateMachine(config, agreementMachine.implementations);

/** v1 → v2: an amendment that version 1 held in committeeReview is in amendmentCommitteeReview. */
export const splitCommitteeReview: SnapshotMigration = {
  from: 1,
  to: 2,
  migrate: (s) =>
    s.value === 'committeeReview' && s.context.amending === true
      ? { ...s, value: 'amendmentCommitteeReview' }
      : s,
};

export const WORKFLOW_V2: VersionedMachine<typeof agreementMachineV2> = {
  machine: agreementMachineV2,
  version: 2,
  migrations: [splitCommitteeReview],
};
