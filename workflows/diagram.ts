// Mermaid stateDiagram-v2 source drawn from the machine definition (never a hand-kept copy).
import type { AnyStateMachine } from 'xstate';
import { agreementMachine } from './agreement-machine';
import { machineStructure } from './structure';

export interface DiagramOptions {
  /** State to highlight, e.g. the agreement's current state. */
  current?: string;
  /** Show guard names on edges ("RECORD_RESOLUTION [resolutionApproves]"). Default true. */
  guards?: boolean;
}

export function toMermaid(options: DiagramOptions = {}, machine: AnyStateMachine = agreementMachine): string {
  const { initial, states, edges } = machineStructure(machine);
  const showGuards = options.guards ?? true;
  const lines = ['stateDiagram-v2', `  [*] --> ${initial}`];
  for (const e of edges) {
    const label = showGuards && e.guard ? `${e.event} [${e.guard}]` : e.event;
    lines.push(`  ${e.from} --> ${e.to} : ${label}`);
  }
  for (const s of states) if (s.final) lines.push(`  ${s.name} --> [*]`);
  if (options.current !== undefined && states.some((s) => s.name === options.current)) {
    lines.push('  classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px');
    lines.push(`  class ${options.current} current`);
  }
  return `${lines.join('\n')}\n`;
}
