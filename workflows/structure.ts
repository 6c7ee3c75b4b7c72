// Reads the statechart's structure (states, edges, guards, what each step does) from the machine definition itself.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { agreementMachine } from './agreement-machine';
import { stepEffects, type StepEffect } from './effects';

export interface MachineEdge {
  from: string;
  to: string;
  event: string;
  guard?: string;
  /** What the step does: the effects of the state it leaves, of the transition and of the state it enters. */
  effects: StepEffect[];
}

export interface MachineStructure {
  initial: string;
  states: { name: string; final: boolean; description?: string; tags: string[] }[];
  edges: MachineEdge[];
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  if (typeof guard === 'object' && guard !== null && 'type' in guard && typeof guard.type === 'string') {
    return guard.type;
  }
  return 'guard';
}

/** Top-level states in definition order, with every transition; the machine is flat by design. */
export function machineStructure(machine: AnyStateMachine = agreementMachine): MachineStructure {
  const nodes: AnyStateNode[] = Object.values(machine.root.states);
  const initial = machine.root.initial.target[0]?.key;
  if (initial === undefined) throw new Error('machine has no initial state');
  const edges: MachineEdge[] = [];
  for (const node of nodes) {
    for (const [event, transitions] of node.transitions) {
      for (const t of transitions) {
        for (const target of t.target ?? []) {
          const guard = guardName(t.guard);
          const effects = stepEffects([...node.exit, ...t.actions, ...target.entry]);
          edges.push({ from: node.key, to: target.key, event, ...(guard ? { guard } : {}), effects });
        }
      }
    }
  }
  return {
    initial,
    states: nodes.map((n) => ({
      name: n.key,
      final: n.type === 'final',
      ...(n.description ? { description: n.description } : {}),
      tags: [...n.tags],
    })),
    edges,
  };
}
