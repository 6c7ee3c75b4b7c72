// Test-only variants of the agreement machine with effects placed differently, to show the application follows them.
import { StateMachine } from 'xstate';
import { createWorkflowRuntime } from '../../src/app/workflow-runtime';
import { agreementMachine, AGREEMENT_MACHINE_VERSION } from '../../workflows';

type Config = typeof agreementMachine.config;
type States = NonNullable<Config['states']>;

/** The agreement machine with some states replaced (same implementations, same version: no snapshot changes). */
export function machineWith(edit: (states: States) => States) {
  const states = agreementMachine.config.states ?? {};
  const config: Config = { ...agreementMachine.config, states: { ...states, ...edit(states) } };
  return new StateMachine(config, agreementMachine.implementations);
}

export function runtimeOf(machine: ReturnType<typeof machineWith>) {
  return createWorkflowRuntime({ machine, version: AGREEMENT_MACHINE_VERSION, migrations: [] });
}

const state = (states: States, name: keyof States) => {
  const s = states[name];
  if (!s) throw new Error(`no state ${String(name)}`);
  return s;
};

/**
 * MOI's forwarding issues the cover memo again; withdrawing checks the draft rules; entering readyToSign issues the
 * text to be signed (an entry effect).
 */
export const variantMachine = machineWith((states) => ({
  moiReview: {
    ...state(states, 'moiReview'),
    on: {
      ...state(states, 'moiReview').on,
      FORWARD_TO_MFA: { target: 'mfaReview', actions: [{ type: 'issueDocument', params: { doc: 'memo' } }] },
    },
  },
  drafting: {
    ...state(states, 'drafting'),
    on: {
      ...state(states, 'drafting').on,
      WITHDRAW: {
        guard: 'isNotAmending',
        target: 'withdrawn',
        actions: [{ type: 'checkRules', params: { rules: ['draft'] } }],
      },
    },
  },
  readyToSign: {
    ...state(states, 'readyToSign'),
    entry: [{ type: 'issueDocument', params: { doc: 'mou' } }],
  },
}));

export const variantRuntime = runtimeOf(variantMachine);
