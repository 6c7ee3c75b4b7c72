// The drafting gate and parity locks, through the agreement service (the one way through a step).
import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import { draftingChecks, fingerprint } from '../../../src/app/drafting-gate';
import type { AgreementRecord } from '../../../src/app/ports';
import { modelDraft, verifyHistoryChain, type AgreementContent } from '../../../src/domain';
import { checkContent, GAZETTEER } from '../../../src/domain/checks';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import {
  approved,
  secretary,
  sequentialIds,
  steppingClock,
  story,
} from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';

let service: AgreementService;
beforeEach(() => {
  service = createAgreementService({
    repository: createMemoryAgreementRepository(),
    clock: steppingClock(),
    newId: sequentialIds(),
    records: memoryRecords(),
    drafting: draftingChecks(() => GAZETTEER),
  });
});

const wizard = (): AgreementContent =>
  modelDraft(
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
const create = (content: unknown) => service.createDraft(secretary, { province: 'chiang-mai', content });
const caught = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const step = (a: AgreementRecord, type: 'SUBMIT_TO_COMMITTEE' | 'SUBMIT_TO_MOI', ack = false) =>
  service.send(secretary, a.id, a.rev, { type }, ack ? { acknowledgeWarnings: true } : {});
const withText = (c: AgreementContent, i: number, lang: 'th' | 'en', text: string): AgreementContent => {
  const d = structuredClone(c);
  const a = d.articles[i];
  if (!a) throw new Error(`no article ${i}`);
  a.text[lang] = text;
  return d;
};

describe('errors block the steps that send a draft on', () => {
  it('draft 1 of the fixture cannot go to the committee: every error is listed, at its field, in both languages', async () => {
    const a = await create(story.draft1);
    const e = await caught(step(a, 'SUBMIT_TO_COMMITTEE'));
    const errors = checkContent(a.workingDraft).filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(4);
    expect(e).toMatchObject({ code: 'validation-failed' });
    const issues = (e as { issues: { path: string; message: { th: string; en: string } }[] }).issues;
    expect(issues).toHaveLength(errors.length);
    expect(issues.map((i) => i.path)).toContain('articles.0');
    expect(issues.find((i) => /shall/.test(i.message.en))?.message.th).toMatch(/shall.*will/);
    expect((await service.get(secretary, a.id)).state).toBe('drafting');
  });

  it('a wizard draft goes to the committee with nothing to acknowledge; "shall" typed in is an error until it is taken out', async () => {
    let a = await create(wizard());
    const withShall = withText(
      a.workingDraft,
      0,
      'en',
      'The Sides shall promote cooperation in accordance with the laws and regulations in force in their respective countries.',
    );
    a = await service.updateContent(secretary, a.id, a.rev, withShall);
    expect(await caught(step(a, 'SUBMIT_TO_COMMITTEE'))).toMatchObject({
      code: 'validation-failed',
      issues: [expect.objectContaining({ path: 'articles.0' })],
    });
    a = await service.updateContent(secretary, a.id, a.rev, wizard());
    a = await step(a, 'SUBMIT_TO_COMMITTEE');
    expect(a.state).toBe('committeeReview');
    expect(a.history.at(-1)?.acknowledged).toBeUndefined();
  });
});

describe('warnings are acknowledged once, and the acknowledgement is on record', () => {
  it('draft 2 (the cleared text) waits for its "Parties" warnings to be acknowledged, records them, and does not ask again for the same ones', async () => {
    let a = await create(story.draft2);
    const warnings = checkContent(story.draft2).filter((f) => f.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    const refused = await caught(step(a, 'SUBMIT_TO_COMMITTEE'));
    expect(refused).toMatchObject({ code: 'warnings-unacknowledged' });
    expect((refused as { issues: unknown[] }).issues).toHaveLength(warnings.length);
    a = await step(a, 'SUBMIT_TO_COMMITTEE', true);
    const entry = a.history.at(-1);
    expect(entry?.event).toBe('SUBMIT_TO_COMMITTEE');
    expect(entry?.acknowledged).toEqual([...new Set(warnings.map(fingerprint))]);
    expect(verifyHistoryChain(a.id, a.history)).toMatchObject({ ok: true });
    a = await service.send(secretary, a.id, a.rev, { type: 'RECORD_RESOLUTION', resolution: approved });
    // The same warnings: no second acknowledgement asked.
    a = await step(a, 'SUBMIT_TO_MOI');
    expect(a.state).toBe('moiReview');
    expect(a.history.at(-1)?.acknowledged).toBeUndefined();
  });

  it('a new warning after an acknowledgement is asked about, and only it', async () => {
    let a = await create(story.draft2);
    a = await step(a, 'SUBMIT_TO_COMMITTEE', true);
    const first = a.history.at(-1)?.acknowledged ?? [];
    a = await service.send(secretary, a.id, a.rev, { type: 'RECORD_RESOLUTION', resolution: approved });
    const more = structuredClone(a.workingDraft);
    more.articles.push({
      no: more.articles.length + 1,
      key: 'a-newarticle1',
      heading: { th: 'การประชุม', en: 'Meetings' },
      text: { th: 'ภาคีจะประชุมร่วมกันปีละหนึ่งครั้ง', en: 'The Parties will meet once a year.' },
    });
    a = await service.updateContent(secretary, a.id, a.rev, more);
    const e = await caught(step(a, 'SUBMIT_TO_MOI'));
    expect(e).toMatchObject({ code: 'warnings-unacknowledged' });
    const issues = (e as { issues: { path: string }[] }).issues;
    // "ภาคี" in the Thai and "Parties" in the English of the new article; nothing else.
    const at = `articles.${more.articles.length - 1}`;
    expect(issues.map((i) => i.path)).toEqual([at, at]);
    a = await step(a, 'SUBMIT_TO_MOI', true);
    const second = a.history.at(-1)?.acknowledged ?? [];
    expect(second).toHaveLength(2);
    for (const f of second) expect(first).not.toContain(f);
    expect(second.map((f) => f.replace(/#.*/, '')).sort()).toEqual([
      'wording.parties@article:a-newarticle1/en',
      'wording.parties@article:a-newarticle1/th',
    ]);
  });
});

describe('parity locks', () => {
  it('a change to the Thai alone marks the English stale; SUBMIT_TO_MOI is refused naming the article; confirming lifts it and is recorded', async () => {
    let a = await create(wizard());
    a = await step(a, 'SUBMIT_TO_COMMITTEE');
    a = await service.send(secretary, a.id, a.rev, { type: 'RECORD_RESOLUTION', resolution: approved });
    // committeeApproved: the secretary may still edit before sending to MOI.
    const key = a.workingDraft.articles[2]?.key ?? '';
    const edited = withText(
      a.workingDraft,
      2,
      'th',
      `${a.workingDraft.articles[2]?.text.th ?? ''} และเยาวชน`,
    );
    a = await service.updateContent(secretary, a.id, a.rev, edited);
    expect(a.stale).toEqual([{ key, lang: 'en' }]);
    const e = await caught(step(a, 'SUBMIT_TO_MOI'));
    expect(e).toMatchObject({
      code: 'validation-failed',
      issues: [
        expect.objectContaining({
          path: 'articles.2.text.en',
          message: expect.objectContaining({
            en: expect.stringMatching(/^Article 3: the Thai text changed but the English did not/),
          }),
        }),
      ],
    });
    // Saving again without touching the article keeps the mark; confirming the English lifts it.
    a = await service.updateContent(secretary, a.id, a.rev, a.workingDraft);
    expect(a.stale).toEqual([{ key, lang: 'en' }]);
    a = await service.updateContent(secretary, a.id, a.rev, a.workingDraft, { confirm: [`${key}:en`] });
    expect(a.stale).toEqual([]);
    expect(a.history.at(-1)?.confirmed).toEqual([`${key}:en`]);
    a = await step(a, 'SUBMIT_TO_MOI');
    expect(a.state).toBe('moiReview');
  });

  it('changing both languages, or the other language afterwards, leaves nothing stale; a new article is never stale', async () => {
    let a = await create(wizard());
    const both = withText(
      withText(a.workingDraft, 1, 'th', 'ทั้งสองฝ่ายจะร่วมมือกันในสาขา (ก) วัฒนธรรม'),
      1,
      'en',
      'The Sides will cooperate in (a) culture.',
    );
    a = await service.updateContent(secretary, a.id, a.rev, both);
    expect(a.stale).toEqual([]);
    a = await service.updateContent(
      secretary,
      a.id,
      a.rev,
      withText(a.workingDraft, 1, 'en', 'The Sides will cooperate in (a) culture and the arts.'),
    );
    expect(a.stale).toEqual([{ key: a.workingDraft.articles[1]?.key, lang: 'th' }]);
    a = await service.updateContent(
      secretary,
      a.id,
      a.rev,
      withText(a.workingDraft, 1, 'th', 'ทั้งสองฝ่ายจะร่วมมือกันในสาขา (ก) วัฒนธรรมและศิลปะ'),
    );
    expect(a.stale).toEqual([]);
    const added = structuredClone(a.workingDraft);
    added.articles.push({
      no: added.articles.length + 1,
      heading: { th: 'อื่น ๆ', en: 'Other' },
      text: { th: 'ก', en: '' },
    } as never);
    a = await service.updateContent(secretary, a.id, a.rev, added);
    expect(a.stale).toEqual([]);
  });

  it('refuses a malformed confirmation, in both languages, and changes nothing', async () => {
    const a = await create(wizard());
    const e = await caught(
      service.updateContent(secretary, a.id, a.rev, a.workingDraft, { confirm: ['article-1'] }),
    );
    expect(e).toMatchObject({
      code: 'validation-failed',
      userMessage: { th: expect.any(String), en: 'Invalid edit options' },
    });
    expect((await service.get(secretary, a.id)).rev).toBe(a.rev);
  });
});
