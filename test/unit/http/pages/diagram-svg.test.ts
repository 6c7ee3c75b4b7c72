// The statechart on the agreement page is drawn from the machine definition itself, never from a copy.
import { machineStructure } from '../../../../workflows';
import { diagram } from '../../../../src/http/pages/diagram-svg';

const name = (s: string) => `<${s}>`;
const d = diagram('mfaReview', name, name);
const { states, edges } = machineStructure();

describe('the statechart diagram', () => {
  it('has one box per state, in the machine’s order, starting at drafting, with the current state marked', () => {
    expect(d.nodes.map((n) => n.name)).toEqual(states.map((s) => s.name));
    expect(d.nodes[0]?.name).toBe('drafting');
    expect(d.nodes.filter((n) => n.current).map((n) => n.name)).toEqual(['mfaReview']);
    expect(diagram('nowhere', name, name).nodes.some((n) => n.current)).toBe(false);
    expect(d.nodes.filter((n) => n.final).map((n) => n.name)).toEqual(
      states.filter((s) => s.final).map((s) => s.name),
    );
  });

  it('draws every transition between two states of the machine, and nothing else', () => {
    const between = edges.filter((e) => e.from !== e.to);
    expect(d.edges.map((e) => e.title)).toEqual(between.map((e) => `<${e.from}> → <${e.to}>: <${e.event}>`));
    expect(d.edges.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        '<committeeReview> → <committeeApproved>: <RECORD_RESOLUTION>',
        '<partnerAgreement> → <cabinetApproval>: <AGREE_FINAL_TEXT>',
        '<revision> → <mfaReview>: <RESUBMIT>',
      ]),
    );
  });

  it('draws returns as arcs back, and withdrawals faint', () => {
    const titled = (t: string) => d.edges.find((e) => e.title === t);
    expect(titled('<revision> → <mfaReview>: <RESUBMIT>')?.back).toBe(true);
    expect(titled('<drafting> → <withdrawn>: <WITHDRAW>')?.faint).toBe(true);
    expect(titled('<committeeReview> → <committeeApproved>: <RECORD_RESOLUTION>')).toMatchObject({
      back: false,
      faint: false,
    });
  });
});
