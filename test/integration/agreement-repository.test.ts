// The agreements collection on the real embedded database: one document per agreement, CAS on rev, list indexes.
import { createAgreementService, type AgreementService } from '../../src/app/agreement-service';
import type { AgreementRepository } from '../../src/app/ports';
import { derivedArticleKey, isDomainError } from '../../src/domain';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { chiangMaiSejong } from '../support/fixtures';
import { openTestDb, type TestDb } from '../support/db';
import {
  approved,
  mfaReviewer,
  moiOfficer,
  otherSecretary,
  secretary,
  sequentialIds,
  steppingClock,
} from './agreement-helpers';
import { databaseRecords } from '../support/records';

/** A stored document as it was before article keys: every `key` of an article or a comment anchor removed. */
function withoutKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutKeys);
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const isAnchorOrArticle = o.kind === 'article' || ('heading' in o && 'text' in o && 'no' in o);
  return Object.fromEntries(
    Object.entries(o)
      .filter(([k]) => !(isAnchorOrArticle && k === 'key'))
      .map(([k, v]) => [k, withoutKeys(v)]),
  );
}

const story = chiangMaiSejong();
let db: TestDb;
let repository: AgreementRepository & { init(): Promise<void> };
let service: AgreementService;

beforeAll(async () => {
  db = await openTestDb('repo');
  repository = createAgreementRepository(db.connection);
  await repository.init();
  service = createAgreementService({
    repository,
    clock: steppingClock(),
    newId: sequentialIds('r-'),
    records: databaseRecords(db.connection),
  });
});
afterAll(async () => db.close());

describe('the agreement repository', () => {
  it('keeps one document per agreement with the snapshot, machine version and list fields', async () => {
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    const raw = await db.connection.collection('agreements').findOne({ _id: a.id as never });
    expect(raw).toMatchObject({
      province: 'chiang-mai',
      state: 'drafting',
      rev: 0,
      machineVersion: 1,
      kind: 'partnership',
      partnerCountryEn: 'Republic of Korea',
      title: story.draft1.title,
      snapshot: { status: 'active', value: 'drafting', historyValue: {}, children: {} },
    });
    expect(await db.connection.collection('agreements').countDocuments({ _id: a.id as never })).toBe(1);
  });

  it('refuses a change at a stale rev with conflict, and a change to a missing agreement with not-found', async () => {
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    const change = { set: { updatedAt: '2030-01-01T00:00:00.000Z' } };
    await expect(repository.apply(a.id, a.rev + 1, change)).rejects.toMatchObject({ code: 'conflict' });
    await expect(repository.apply('no-such-id', 0, change)).rejects.toMatchObject({ code: 'not-found' });
    await expect(repository.get('no-such-id')).rejects.toMatchObject({ code: 'not-found' });
    expect((await repository.apply(a.id, a.rev, change)).rev).toBe(a.rev + 1);
  });

  it('lets exactly one of fifty raw compare-and-set updates at the same rev through', async () => {
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        repository.apply(a.id, a.rev, {
          set: { updatedAt: `2030-01-01T00:00:${String(i).padStart(2, '0')}.000Z` },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) =>
      r.status === 'rejected' && isDomainError(r.reason) ? [r.reason.code] : [],
    );
    expect(codes).toEqual(Array(49).fill('conflict'));
    expect((await repository.get(a.id)).rev).toBe(a.rev + 1);
  });

  it('lists by province, state, kind and partner country, newest first', async () => {
    const lampangDraft = {
      ...story.draft1,
      parties: {
        ...story.draft1.parties,
        partner: { ...story.draft1.parties.partner, country: { th: 'ญี่ปุ่น', en: 'Japan' } },
      },
    };
    const lp = await service.createDraft(otherSecretary, {
      province: 'lampang',
      content: { ...lampangDraft, kind: 'friendship' },
    });
    expect(await repository.list({ province: 'lampang' })).toEqual([
      expect.objectContaining({ id: lp.id, kind: 'friendship', partnerCountryEn: 'Japan' }),
    ]);
    expect((await repository.list({ kind: 'friendship' })).map((s) => s.id)).toEqual([lp.id]);
    expect((await repository.list({ partnerCountryEn: 'Japan' })).map((s) => s.id)).toEqual([lp.id]);
    const all = await repository.list({});
    expect(all.map((s) => s.updatedAt)).toEqual([...all.map((s) => s.updatedAt)].sort().reverse());
    expect(await repository.count({ state: 'drafting' })).toBe(all.length);
  });

  it('keeps list fields in step with the working draft', async () => {
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    await service.updateContent(secretary, a.id, a.rev, story.draft2);
    const [summary] = (await repository.list({ province: 'chiang-mai' })).filter((s) => s.id === a.id);
    expect(summary?.title).toEqual(story.draft2.title);
    expect(summary?.partnerName.en).toBe('Sejong Special Self-Governing City');
  });

  it('shows a secretary only their own province in lists, and MFA every province', async () => {
    expect((await service.list(otherSecretary)).every((s) => s.province === 'lampang')).toBe(true);
    expect(new Set((await service.list(mfaReviewer)).map((s) => s.province))).toEqual(
      new Set(['chiang-mai', 'lampang']),
    );
  });

  it('reads an agreement stored before article keys with keys derived from it, the same on every read', async () => {
    let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    for (const [who, event] of [
      [secretary, { type: 'SUBMIT_TO_COMMITTEE' }],
      [secretary, { type: 'RECORD_RESOLUTION', resolution: approved }],
      [secretary, { type: 'SUBMIT_TO_MOI' }],
      [moiOfficer, { type: 'FORWARD_TO_MFA' }],
    ] as const)
      a = await service.send(who, a.id, a.rev, event);
    a = await service.addComment(mfaReviewer, a.id, a.rev, {
      anchor: { kind: 'article', no: 2 },
      text: { th: 'ข้อสังเกต', en: 'A comment' },
    });
    const collection = db.connection.collection('agreements');
    const raw = await collection.findOne({ _id: a.id as never });
    await collection.replaceOne({ _id: a.id as never }, withoutKeys(raw) as never);

    const read = await repository.get(a.id);
    expect(read.versions[0]?.content.articles.map((x) => x.key)).toEqual(
      story.draft1.articles.map((x) => derivedArticleKey(a.id, x.no)),
    );
    expect(read.workingDraft.articles.map((x) => x.key)).toEqual(
      read.versions[0]?.content.articles.map((x) => x.key),
    );
    expect(read.comments[0]?.anchor).toEqual({ kind: 'article', no: 2, key: derivedArticleKey(a.id, 2) });
    expect(await repository.get(a.id)).toEqual(read);
    // Reading writes nothing: the derived keys are stored only with the next change.
    expect(JSON.stringify(await collection.findOne({ _id: a.id as never }))).not.toContain('"key"');
  });

  it('has indexes for province, state, kind, partner country and updatedAt', async () => {
    const keys = (await db.connection.collection('agreements').indexes()).map((i) =>
      Object.keys(i.key).join(','),
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'province,updatedAt',
        'state,updatedAt',
        'kind',
        'partnerCountryEn',
        'updatedAt,_id',
      ]),
    );
  });
});

describe('"cleared before" on the real database', () => {
  it('MFA’s no objection records the reviewed version’s article texts; another agreement with the same texts finds them, word for word', async () => {
    let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft2 });
    for (const [who, e] of [
      [secretary, { type: 'SUBMIT_TO_COMMITTEE' }],
      [secretary, { type: 'RECORD_RESOLUTION', resolution: approved }],
      [secretary, { type: 'SUBMIT_TO_MOI' }],
      [moiOfficer, { type: 'FORWARD_TO_MFA' }],
      [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
    ] as const)
      a = await service.send(who, a.id, a.rev, e);
    const raw = await db.connection.collection('agreements').findOne({ _id: a.id as never });
    expect((raw?.cleared as string[]).length).toBe(story.draft2.articles.length);

    const other = structuredClone(story.draft2);
    const changed = other.articles[1];
    if (!changed) throw new Error('draft 2 has no article 2');
    changed.text.en = `${changed.text.en} And more.`;
    // Whitespace does not count; renumbering and headings do not either.
    const first = other.articles[0];
    if (first) first.text.th = `  ${first.text.th.replace(/ /g, '  ')} `;
    const b = await service.createDraft(secretary, { province: 'chiang-mai', content: other });
    const found = await service.clearedBefore(mfaReviewer, b, b.workingDraft);
    const expected = b.workingDraft.articles.filter((x) => x.no !== 2).map((x) => x.key);
    expect([...found].sort()).toEqual(expected.sort());
    // An agreement is never "cleared before" by itself, and a secretary of another province is not told.
    expect((await service.clearedBefore(mfaReviewer, a, a.workingDraft)).size).toBe(0);
    await expect(service.clearedBefore(otherSecretary, b, b.workingDraft)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
