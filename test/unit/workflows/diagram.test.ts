import { machineStructure, toMermaid } from '../../../workflows';

describe('the statechart diagram', () => {
  const source = toMermaid();
  const lines = source.trim().split('\n');

  it('is Mermaid stateDiagram-v2 starting at drafting', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  [*] --> drafting');
  });

  it('draws every transition of the machine, with guards, and nothing else', () => {
    const { edges } = machineStructure();
    const drawn = lines.filter((l) => / --> /.test(l) && !l.includes('[*]'));
    expect(drawn).toHaveLength(edges.length);
    expect(lines).toContain(
      '  committeeReview --> committeeApproved : RECORD_RESOLUTION [resolutionApproves]',
    );
    expect(lines).toContain(
      '  partnerAgreement --> cabinetApproval : AGREE_FINAL_TEXT [needsCabinetApproval]',
    );
    expect(lines).toContain('  revision --> mfaReview : RESUBMIT');
  });

  it('ends each final state', () => {
    for (const s of ['withdrawn', 'terminated', 'expired']) expect(lines).toContain(`  ${s} --> [*]`);
  });

  it('highlights the current state when asked, and ignores unknown names', () => {
    expect(toMermaid({ current: 'mfaReview' })).toContain('  class mfaReview current');
    expect(toMermaid({ current: 'nowhere' })).not.toContain('class ');
    expect(toMermaid({ guards: false })).toContain(
      '  committeeReview --> committeeApproved : RECORD_RESOLUTION\n',
    );
  });
});
