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

  it('draws every transition between two states of the machine, and nothing else (withdrawals once, as side steps)', () => {
    const between = edges.filter((e) => e.from !== e.to);
    const side = new Set(['WITHDRAW', 'ABANDON_AMENDMENT']);
    const drawn = between.filter((e) => !side.has(e.event));
    expect(d.edges.map((e) => e.title)).toEqual(drawn.map((e) => `<${e.from}> → <${e.to}>: <${e.event}>`));
    const said = d.sideSteps.flatMap((x) => x.from.map((f) => `${f} → ${x.to}: ${x.label}`));
    expect(said.sort()).toEqual(
      between
        .filter((e) => side.has(e.event))
        .map((e) => `<${e.from}> → <${e.to}>: <${e.event}>`)
        .sort(),
    );
    expect(d.edges.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        '<committeeReview> → <committeeApproved>: <RECORD_RESOLUTION>',
        '<partnerAgreement> → <cabinetApproval>: <AGREE_FINAL_TEXT>',
        '<revision> → <mfaReview>: <RESUBMIT>',
      ]),
    );
  });

  it('draws returns as arcs back, and says withdrawing once instead of an arc from every state', () => {
    const titled = (t: string) => d.edges.find((e) => e.title === t);
    expect(titled('<revision> → <mfaReview>: <RESUBMIT>')?.back).toBe(true);
    expect(d.edges.filter((e) => e.title.includes('<WITHDRAW>'))).toEqual([]);
    const withdraw = d.sideSteps.find((x) => x.event === 'WITHDRAW');
    expect(withdraw).toMatchObject({ label: '<WITHDRAW>', to: '<withdrawn>' });
    expect(withdraw?.from).toEqual(expect.arrayContaining(['<drafting>', '<mfaReview>', '<readyToSign>']));
    expect(titled('<committeeReview> → <committeeApproved>: <RECORD_RESOLUTION>')).toMatchObject({
      back: false,
      faint: false,
    });
  });
});
