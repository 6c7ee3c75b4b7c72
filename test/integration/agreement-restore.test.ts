// A new process (new connection, new service) picks up every agreement where it was, and sees tampering.
import { createAgreementService, type AgreementService } from '../../src/app/agreement-service';
import { connectDatabase } from '../../src/storage/connection';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { hashEntry, verifyHistoryChain, type Resolution } from '../../src/domain';
import type { AgreementEvent } from '../../workflows';
import { chiangMaiSejong } from '../support/fixtures';
import { openTestDb, testDbSettings, type TestDb } from '../support/db';
import type { Connection } from 'mongoose';
import {
  mfaReviewer,
  moiOfficer,
  secretary,
  sejongSigning,
  sequentialIds,
  steppingClock,
} from './agreement-helpers';
import type { Actor } from '../../src/domain';
import { memoryRecords } from '../support/records';

const story = chiangMaiSejong();
let db: TestDb;
let second: Connection | undefined;

beforeAll(async () => {
  db = await openTestDb('restore');
});
afterAll(async () => {
  await second?.close();
  await db.close();
});

async function serviceOn(conn: Connection, idPrefix: string): Promise<AgreementService> {
  const repository = createAgreementRepository(conn);
  await repository.init();
  return createAgreementService({
    repository,
    clock: steppingClock('2022-04-01T00:00:00.000Z'),
    newId: sequentialIds(idPrefix),
    records: memoryRecords(),
  });
}

const approved: Resolution = {
  meeting: '1/2565',
  date: '2022-03-14',
  outcome: 'approved',
  text: story.committee.resolution,
};

/** The whole path as (who, what) steps; an agreement stopped after k steps should resume at step k. */
const PATH: [Actor, AgreementEvent][] = [
  [secretary, { type: 'SUBMIT_TO_COMMITTEE' }],
  [secretary, { type: 'RECORD_RESOLUTION', resolution: approved }],
  [secretary, { type: 'SUBMIT_TO_MOI' }],
  [moiOfficer, { type: 'FORWARD_TO_MFA' }],
  [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: true, needsFullPowers: false }],
  [secretary, { type: 'AGREE_FINAL_TEXT' }],
  [moiOfficer, { type: 'RECORD_CABINET_APPROVAL' }],
  [secretary, { type: 'RECORD_SIGNING', signing: sejongSigning }],
];
const STATES = [
  'drafting',
  'committeeReview',
  'committeeApproved',
  'moiReview',
  'mfaReview',
  'partnerAgreement',
  'cabinetApproval',
  'readyToSign',
  'inForce',
];

describe('restarting the server', () => {
  it('restores every agreement’s state from the database and continues each one to signing', async () => {
    const first = await serviceOn(db.connection, 'p1-');
    const ids: string[] = [];
    for (let k = 0; k < PATH.length; k++) {
      let a = await first.createDraft(secretary, { province: 'chiang-mai', content: story.draft2 });
      for (const [who, event] of PATH.slice(0, k)) a = await first.send(who, a.id, a.rev, event);
      expect(a.state).toBe(STATES[k]);
      ids.push(a.id);
    }

    // A new process: its own connection and service, nothing shared in memory with the first.
    const { uri, maxPoolSize } = testDbSettings();
    second = await connectDatabase({ uri, dbName: db.dbName, maxPoolSize });
    const next = await serviceOn(second, 'p2-');

    for (const [k, id] of ids.entries()) {
      let a = await next.get(secretary, id);
      expect(a.state).toBe(STATES[k]);
      for (const [who, event] of PATH.slice(k)) a = await next.send(who, a.id, a.rev, event);
      expect(a.state).toBe('inForce');
      expect(a.history).toHaveLength(PATH.length + 1);
      expect(verifyHistoryChain(a.id, a.history).ok).toBe(true);
    }
  });

  it('detects a history entry edited directly in the database', async () => {
    const service = await serviceOn(db.connection, 'tamper-');
    let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    for (const [who, event] of PATH.slice(0, 4)) a = await service.send(who, a.id, a.rev, event);
    expect(verifyHistoryChain(a.id, a.history)).toMatchObject({ ok: true, length: 5 });

    // Someone rewrites who forwarded the draft, straight in the collection.
    await db.connection
      .collection('agreements')
      .updateOne({ _id: a.id as never }, { $set: { 'history.4.actor.name': 'Someone else' } });
    const tampered = await service.get(secretary, a.id);
    expect(tampered.history[4]?.actor.name).toBe('Someone else');
    expect(verifyHistoryChain(a.id, tampered.history)).toEqual({
      ok: false,
      brokenAt: 4,
      reason: 'hash-mismatch',
    });

    // A forger who also recomputes the edited entry's hash breaks the next entry's link instead.
    const original = tampered.history[1];
    if (!original) throw new Error('history too short');
    const { hash: _old, ...rest } = { ...original, note: 'forged' };
    void _old;
    const forged = { ...rest, hash: hashEntry(a.id, rest) };
    await db.connection
      .collection('agreements')
      .updateOne({ _id: a.id as never }, { $set: { 'history.1': forged } });
    expect(verifyHistoryChain(a.id, (await service.get(secretary, a.id)).history)).toEqual({
      ok: false,
      brokenAt: 2,
      reason: 'broken-link',
    });
  });
});
