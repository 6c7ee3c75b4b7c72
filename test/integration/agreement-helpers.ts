// Shared cast and data for the agreement tests: the people, a clock that moves on, and the signing of Chiang Mai–Sejong.
import type { Actor, Resolution, Signing } from '../../src/domain';
import { chiangMaiSejong } from '../support/fixtures';
import type { AgreementService } from '../../src/app/agreement-service';
import type { AgreementRecord, Clock, IdGenerator } from '../../src/app/ports';
import type { AgreementEvent } from '../../workflows';

export const secretary: Actor = {
  userId: 'u-cm-sec',
  name: 'Chiang Mai secretary',
  role: 'secretary',
  province: 'chiang-mai',
};
export const otherSecretary: Actor = {
  userId: 'u-lp-sec',
  name: 'Lampang secretary',
  role: 'secretary',
  province: 'lampang',
};
export const moiOfficer: Actor = { userId: 'u-moi', name: 'MOI officer', role: 'moi' };
export const mfaReviewer: Actor = { userId: 'u-mfa', name: 'MFA reviewer', role: 'mfa' };
export const admin: Actor = { userId: 'u-admin', name: 'Administrator', role: 'admin' };

/** A clock that advances one minute on every reading, from a fixed start: ordered, reproducible times. */
export function steppingClock(start = '2022-03-01T02:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return {
    now: () => {
      const d = new Date(t);
      t += 60_000;
      return d;
    },
  };
}

export function sequentialIds(prefix = 'a'): IdGenerator {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(4, '0')}`;
}

/** Placeholder people: a vice-governor signs on the governor's behalf, the mayor in person. */
export const sejongSigning: Signing = {
  date: '2022-11-17',
  place: { th: 'จังหวัดเชียงใหม่', en: 'Chiang Mai' },
  signatories: {
    thai: {
      name: { th: 'นายสมชาย ตัวอย่าง', en: 'Mr. Somchai Tuayang' },
      title: { th: 'รองผู้ว่าราชการจังหวัดเชียงใหม่', en: 'Vice Governor of Chiang Mai Province' },
      capacity: 'on-behalf',
      onBehalfOf: { th: 'ผู้ว่าราชการจังหวัดเชียงใหม่', en: 'Governor of Chiang Mai Province' },
    },
    partner: {
      name: { th: 'นายคิม ตัวอย่าง', en: 'Mr. Kim Example' },
      title: { th: 'นายกเทศมนตรีเขตปกครองตนเองพิเศษเซจง', en: 'Mayor of Sejong Special Self-Governing City' },
      capacity: 'principal',
    },
  },
};

export const story = chiangMaiSejong();

/** Chiang Mai's committee approves draft 1 at meeting 1/2565. */
export const approved: Resolution = {
  meeting: '1/2565',
  date: '2022-03-14',
  outcome: 'approved',
  text: story.committee.resolution,
};

/** The cast of the HTTP tests: a Chiang Mai secretary, a Lampang secretary (foreign province), MOI, MFA, admin. */
export const CAST = {
  secretary: { role: 'secretary', province: 'chiang-mai' },
  foreign: { role: 'secretary', province: 'lampang' },
  moi: { role: 'moi' },
  mfa: { role: 'mfa' },
  admin: { role: 'admin' },
} as const;
export type Who = keyof typeof CAST;
export const WHO = Object.keys(CAST) as Who[];

/** Takes the steps in order, each as its actor, at the rev the previous one left. */
export async function walk(
  service: AgreementService,
  a: AgreementRecord,
  steps: readonly (readonly [Actor, AgreementEvent])[],
): Promise<AgreementRecord> {
  for (const [who, e] of steps) a = await service.send(who, a.id, a.rev, e);
  return a;
}

/** From a new draft to MFA review: committee, approval 1/2565, MOI, forwarded to MFA. */
export const TO_MFA: readonly (readonly [Actor, AgreementEvent])[] = [
  [secretary, { type: 'SUBMIT_TO_COMMITTEE' }],
  [secretary, { type: 'RECORD_RESOLUTION', resolution: approved }],
  [secretary, { type: 'SUBMIT_TO_MOI' }],
  [moiOfficer, { type: 'FORWARD_TO_MFA' }],
];

/** From revision to partner agreement: draft 2 saved, every comment accepted, resubmitted, no objection from MFA. */
export async function clearRevision(service: AgreementService, a: AgreementRecord): Promise<AgreementRecord> {
  a = await service.updateContent(secretary, a.id, a.rev, story.draft2);
  for (const c of a.comments) {
    a = await service.answerComment(secretary, a.id, a.rev, c.id, {
      status: 'accepted',
      response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
    });
  }
  return walk(service, a, [
    [secretary, { type: 'RESUBMIT' }],
    [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
  ]);
}

/** Chiang Mai–Sejong cleared by MFA after one comment: in partner agreement, version 2 the cleared text. */
export async function clearedSejong(service: AgreementService): Promise<AgreementRecord> {
  let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  a = await walk(service, a, TO_MFA);
  a = await service.addComment(mfaReviewer, a.id, a.rev, {
    anchor: { kind: 'document' },
    text: story.comments[0]?.text ?? { th: 'ข้อสังเกต', en: 'A comment' },
  });
  a = await walk(service, a, [[mfaReviewer, { type: 'RETURN_WITH_COMMENTS' }]]);
  return clearRevision(service, a);
}

/** Chiang Mai–Sejong through review (five comments), revision, no objection and signing. */
export async function signedSejongJourney(service: AgreementService): Promise<AgreementRecord> {
  let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  a = await walk(service, a, TO_MFA);
  for (const c of story.comments)
    a = await service.addComment(mfaReviewer, a.id, a.rev, { anchor: c.anchor, text: c.text });
  a = await walk(service, a, [[mfaReviewer, { type: 'RETURN_WITH_COMMENTS' }]]);
  a = await clearRevision(service, a);
  return walk(service, a, [
    [secretary, { type: 'AGREE_FINAL_TEXT' }],
    [secretary, { type: 'RECORD_SIGNING', signing: sejongSigning }],
  ]);
}
