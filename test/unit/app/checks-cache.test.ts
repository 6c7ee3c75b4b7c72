// The pre-review checks are run once per saved text and gazetteer version, however often a page shows them.
import { createAgreementService } from '../../../src/app/agreement-service';
import { cachedChecks } from '../../../src/app/checks-cache';
import { createGazetteerService } from '../../../src/app/gazetteer-service';
import type { GazetteerStore } from '../../../src/app/ports';
import { modelDraft, type AgreementContent } from '../../../src/domain';
import { checkContent, GAZETTEER, type GazetteerEdit, type Gazetteer } from '../../../src/domain/checks';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import { admin, secretary, sequentialIds, steppingClock } from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';

/** The admins' edits in memory (the port's test double). */
function memoryGazetteerStore(): GazetteerStore {
  const edits = new Map<string, GazetteerEdit>();
  return {
    list: () => Promise.resolve([...edits.values()]),
    put: (e) => {
      edits.set(`${e.kind}:${e.id}`, e);
      return Promise.resolve();
    },
  };
}

function setup(max?: number) {
  const gazetteer = createGazetteerService(memoryGazetteerStore(), steppingClock());
  const runs: { content: AgreementContent; gazetteer: Gazetteer }[] = [];
  const checks = cachedChecks({
    gazetteer: () => gazetteer.versioned(),
    // The real checks, counted.
    run: (content, g) => {
      runs.push({ content, gazetteer: g });
      return checkContent(content, { gazetteer: g });
    },
    ...(max ? { max } : {}),
  });
  const service = createAgreementService({
    repository: createMemoryAgreementRepository(),
    clock: steppingClock(),
    newId: sequentialIds(),
    records: memoryRecords(),
    drafting: checks,
  });
  return { gazetteer, runs, checks, service };
}

const draft = modelDraft(
  {
    kind: 'sister',
    province: 'chiang-mai',
    partner: 'sejong',
    areas: ['culture', 'education'],
    years: 5,
    noticeMonths: 6,
  },
  GAZETTEER,
);

describe('the checks of a saved draft', () => {
  it('are run once for any number of views of the unchanged draft, and answer as the checks do', async () => {
    const { runs, checks, service } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    const views = await Promise.all([1, 2, 3].map(() => checks.check(a.workingDraft)));
    // Read again from storage: another object holding the same text.
    const again = await checks.check((await service.get(secretary, a.id)).workingDraft);
    expect(runs).toHaveLength(1);
    for (const v of [...views, again]) expect(v).toEqual(checkContent(a.workingDraft));
  });

  it('are run again when the draft is saved with another text, and then find what the new text holds', async () => {
    const { runs, checks, service } = setup();
    let a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    expect((await checks.check(a.workingDraft)).filter((f) => f.severity === 'error')).toEqual([]);
    const changed = structuredClone(a.workingDraft);
    const first = changed.articles[0];
    if (!first) throw new Error('the model draft has no articles');
    first.text.en = `${first.text.en} The Sides shall meet every year.`;
    a = await service.updateContent(secretary, a.id, a.rev, changed);
    const after = await checks.check(a.workingDraft);
    expect(runs).toHaveLength(2);
    expect(after).toEqual(checkContent(a.workingDraft));
    expect(after.some((f) => f.severity === 'error' && f.anchor.kind === 'article')).toBe(true);
    // A view of the saved text runs nothing more.
    await checks.check(a.workingDraft);
    expect(runs).toHaveLength(2);
  });

  it('are run again after an admin changes the gazetteer, with the changed gazetteer', async () => {
    const { gazetteer, runs, checks, service } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await checks.check(a.workingDraft);
    const before = (await gazetteer.versioned()).version;
    await gazetteer.addPartner(admin, {
      id: 'nowhere-city',
      name: { th: 'นครโนแวร์', en: 'Nowhere City' },
      country: 'korea',
    });
    expect((await gazetteer.versioned()).version).not.toBe(before);
    const after = await checks.check(a.workingDraft);
    expect(runs).toHaveLength(2);
    const used = runs[1]?.gazetteer;
    expect(used?.sides.some((s) => s.id === 'nowhere-city')).toBe(true);
    expect(after).toEqual(checkContent(a.workingDraft, { gazetteer: used }));
    await checks.check(a.workingDraft);
    expect(runs).toHaveLength(2);
  });

  it('the gate of a step uses the same findings: sending the viewed draft on runs no checks', async () => {
    const { runs, checks, service } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await checks.check(a.workingDraft);
    await service.send(
      secretary,
      a.id,
      a.rev,
      { type: 'SUBMIT_TO_COMMITTEE' },
      { acknowledgeWarnings: true },
    );
    expect(runs).toHaveLength(1);
  });

  it('keeps a bounded number of texts: the least recently used is checked again', async () => {
    const { runs, checks } = setup(2);
    const texts = [1, 2, 3].map((n) => ({ ...draft, title: { th: `ชื่อ ${n}`, en: `Title ${n}` } }));
    for (const t of texts) await checks.check(t);
    await checks.check(texts[2] as AgreementContent);
    await checks.check(texts[1] as AgreementContent);
    expect(runs).toHaveLength(3);
    await checks.check(texts[0] as AgreementContent);
    expect(runs).toHaveLength(4);
  });

  it('hands out findings no caller can change', async () => {
    const { checks } = setup();
    const withError = structuredClone(draft);
    withError.preamble.en = `${withError.preamble.en} The Contracting Parties shall agree.`;
    const findings = await checks.check(withError);
    expect(findings.length).toBeGreaterThan(0);
    expect(() => findings.push(findings[0] as (typeof findings)[number])).toThrow(TypeError);
    expect((await checks.check(withError)).length).toBe(findings.length);
  });
});
