// Loads demo users and agreements into an empty database, so `npm start` shows a working system.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgreementService, type RecordKeeping, type AgreementService } from '../app/agreement-service';
import type { DraftingChecks } from '../app/drafting-gate';
import type { AgreementRecord, AgreementRepository, Clock } from '../app/ports';
import { addMonths, bangkokDay, storyFromFixture, type Actor, type Resolution } from '../domain';
import type { AgreementEvent } from '../../workflows';
import { createDemoUsers, type DemoUserLogin } from '../users/demo';
import type { UserService } from '../users/service';
import { demoPairContent, Pairs } from './standard-mou';
import { demoPairListCsv, existingPair } from './demo-pair-list';
import type { RegistryImports } from '../app/registry-import';
import { randomUUID } from 'node:crypto';

export type DemoLogin = DemoUserLogin;

export interface SeedOptions {
  projectRoot: string;
  repository: AgreementRepository;
  /** The same record keeping as the app's: demo steps issue and store their documents like real ones. */
  records: RecordKeeping;
  /** The app's pre-review gate: the demo pairs pass it like any new draft (their warnings acknowledged). */
  drafting: DraftingChecks;
  progress: (line: string) => void;
  now?: Date;
  /**
   * The registry import (npm start): the pairs the sources name as existing come in through it, as an MOI officer
   * brings MOI's list, and only the others walk the path as drafts. Without it every pair walks the path.
   */
  imports?: RegistryImports;
}

/** Where each walked pair is left when the existing ones are imported: a spread over the path. */
const WALKED_TARGETS = [
  'revision',
  'inForce',
  'readyToSign',
  'drafting',
  'committeeReview',
  'moiReview',
] as const;

/** Where each demo pair is left on the path, in turn. */
const TARGETS = [
  'drafting',
  'committeeReview',
  'moiReview',
  'mfaReview',
  'revision',
  'readyToSign',
  'inForce',
] as const;
type Target = (typeof TARGETS)[number];

const DAY = 86_400_000;

/** A clock for one agreement: starts `daysAgo` days back and moves 9 days on at each step, never past now. Each step
 * falls in office hours in Bangkok (09:00–16:00, UTC+7) at a minute that varies from step to step. */
function backdatedClock(now: Date, daysAgo: number): Clock {
  let t = now.getTime() - daysAgo * DAY;
  let steps = 0;
  return {
    now: () => {
      const bangkokDay = Math.floor((t + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000;
      const minutes = 9 * 60 + ((daysAgo * 37 + steps * 113) % 420);
      const d = new Date(Math.min(bangkokDay + minutes * 60_000, now.getTime() - 3_600_000));
      t += 9 * DAY;
      steps += 1;
      return d;
    },
  };
}

interface Cast {
  secretaryOf(province: string): Actor;
  moi: Actor;
  mfa: Actor;
}

async function castFrom(users: UserService): Promise<Cast> {
  const actor = async (username: string): Promise<Actor> => {
    const u = await users.findByUsername(username);
    if (!u) throw new Error(`demo user ${username} is missing`);
    return {
      userId: u.id,
      name: u.displayName,
      role: u.role,
      ...(u.province ? { province: u.province } : {}),
    };
  };
  const secretaries = new Map<string, Actor>();
  for (const name of ['cm-secretary', 'bkk-secretary']) {
    const a = await actor(name);
    if (a.province) secretaries.set(a.province, a);
  }
  const admin = await actor('admin');
  return {
    secretaryOf: (p) => secretaries.get(p) ?? admin,
    moi: await actor('moi-officer'),
    mfa: await actor('mfa-reviewer'),
  };
}

function resolution(at: Date): Resolution {
  const be = at.getUTCFullYear() + 543;
  return {
    meeting: `1/${be}`,
    date: at.toISOString().slice(0, 10),
    outcome: 'approved',
    text: {
      th: 'ที่ประชุมมีมติเห็นชอบร่างบันทึกความเข้าใจ และให้เสนอกระทรวงมหาดไทยต่อไป',
      en: 'The meeting approved the draft memorandum and resolved to submit it to the Ministry of Interior.',
    },
  };
}

/** Drives one agreement along the path until it reaches `target`. */
async function advance(
  s: AgreementService,
  cast: Cast,
  rec: AgreementRecord,
  target: Target,
  clock: Clock,
  /** The date the signing records (default: the step's day). */
  signedOn?: string,
): Promise<AgreementRecord> {
  const sec = cast.secretaryOf(rec.province);
  const steps: [Actor, AgreementEvent | 'COMMENT' | 'ANSWER'][] = [
    [sec, { type: 'SUBMIT_TO_COMMITTEE' }],
    [sec, { type: 'RECORD_RESOLUTION', resolution: resolution(clock.now()) }],
    [sec, { type: 'SUBMIT_TO_MOI' }],
    [cast.moi, { type: 'FORWARD_TO_MFA' }],
    [cast.mfa, 'COMMENT'],
    [cast.mfa, { type: 'RETURN_WITH_COMMENTS' }],
    [sec, 'ANSWER'],
    [sec, { type: 'RESUBMIT' }],
    [cast.mfa, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
    [sec, { type: 'AGREE_FINAL_TEXT' }],
    [sec, { type: 'RECORD_SIGNING', signing: signingFor(rec, clock.now(), signedOn) }],
  ];
  let r = rec;
  for (const [who, step] of steps) {
    if (r.state === target) return r;
    if (step === 'COMMENT') {
      if (target === 'mfaReview') return r;
      r = await s.addComment(who, r.id, r.rev, {
        anchor: { kind: 'document' },
        text: {
          th: 'ขอให้ใช้คำว่า "ทั้งสองฝ่าย" แทน "ภาคี" ตลอดทั้งฉบับ',
          en: 'Say "the Sides" rather than "the Parties" throughout.',
        },
      });
    } else if (step === 'ANSWER') {
      if (target === 'revision') return r;
      for (const c of r.comments.filter((x) => x.status === 'open')) {
        r = await s.answerComment(who, r.id, r.rev, c.id, {
          status: 'accepted',
          response: { th: 'แก้ไขแล้ว', en: 'Revised as advised.' },
        });
      }
    } else {
      r = await s.send(who, r.id, r.rev, step, { acknowledgeWarnings: true });
    }
  }
  return r;
}

function signingFor(rec: AgreementRecord, at: Date, signedOn?: string) {
  const c = rec.workingDraft ?? rec.versions.at(-1)?.content;
  const thai = c?.parties.thai.signatory.title ?? { th: 'ผู้ว่าราชการจังหวัด', en: 'Governor' };
  const partner = c?.parties.partner.signatory.title ?? { th: 'นายกเทศมนตรี', en: 'Mayor' };
  return {
    date: signedOn ?? at.toISOString().slice(0, 10),
    place: c?.parties.thai.name ?? { th: 'กรุงเทพมหานคร', en: 'Bangkok' },
    signatories: {
      thai: {
        name: { th: 'นายตัวอย่าง สาธิต', en: 'Mr. Tuayang Sathit' },
        title: thai,
        capacity: 'principal' as const,
      },
      partner: {
        name: { th: 'ผู้แทนเมืองคู่ร่วมมือ', en: 'Partner representative' },
        title: partner,
        capacity: 'principal' as const,
      },
    },
  };
}

export async function seedDemoData(
  users: UserService,
  o: SeedOptions,
): Promise<{ logins: DemoLogin[]; agreements: number }> {
  const logins = await createDemoUsers(users);
  if ((await o.repository.count({})) > 0) return { logins, agreements: 0 };
  const now = o.now ?? new Date();
  const cast = await castFrom(users);
  const read = (f: string): unknown => JSON.parse(readFileSync(join(o.projectRoot, 'fixtures', f), 'utf8'));
  const pairs = Pairs.parse(read('pairs.json')).pairs;
  const story = storyFromFixture(read('chiang-mai-sejong.json'));
  const total = pairs.length;
  let made = 0;
  const tick = () => o.progress(`  demo agreements ${++made}/${total}`);
  o.progress('Loading demo agreements…');

  // Chiang Mai–Sejong waits at MFA with the five comments of the fixture, not yet returned. Its draft 1 is the real
  // one, sent to MFA before MOU Engine existed, errors and all (they are what MFA commented): replayed ungated.
  const svc0 = createAgreementService({
    repository: o.repository,
    clock: backdatedClock(now, 200),
    newId: randomUUID,
    records: o.records,
  });
  let cm = await svc0.createDraft(cast.secretaryOf('chiang-mai'), {
    province: 'chiang-mai',
    content: story.draft1,
  });
  cm = await advance(svc0, cast, cm, 'mfaReview', backdatedClock(now, 150));
  for (const c of story.comments)
    cm = await svc0.addComment(cast.mfa, cm.id, cm.rev, { anchor: c.anchor, text: c.text });
  tick();

  const existing = o.imports ? pairs.slice(1).filter(existingPair) : [];
  const walked = pairs.slice(1).filter((p) => !existing.includes(p));
  for (const [i, p] of walked.entries()) {
    const demo = demoPairContent(p, i);
    if (!demo) continue;
    const { province, content } = demo;
    const clock = backdatedClock(now, 40 + i * 17);
    const svc = createAgreementService({
      repository: o.repository,
      clock,
      newId: randomUUID,
      records: o.records,
      drafting: o.drafting,
    });
    const rec = await svc.createDraft(cast.secretaryOf(province.id), { province: province.id, content });
    // Bangkok–Seoul is in force (the after-signing story starts there), signed four months short of five years
    // ago: its five-year term shows as "expires within 6 months" in the queue.
    const seoul = p.partner.en === 'Seoul';
    const targets = o.imports ? WALKED_TARGETS : TARGETS;
    const target = seoul ? 'inForce' : (targets[i % targets.length] ?? 'drafting');
    await advance(svc, cast, rec, target, clock, seoul ? addMonths(bangkokDay(now), -56) : undefined);
    tick();
  }
  if (o.imports && existing.length > 0) {
    o.progress('Importing MOI’s list of existing pairs…');
    const r = await o.imports.run(
      cast.moi,
      { bytes: demoPairListCsv(existing), name: 'moi-existing-pairs.csv' },
      { dryRun: false },
    );
    for (let n = 0; n < r.imported; n++) tick();
  }
  return { logins, agreements: made };
}
