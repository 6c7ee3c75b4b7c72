// Seeds the API benchmark's database: an admin with an API token and N agreements across the provinces, drafted
// with the model form (so each passes the drafting gate, as a draft made with the wizard does); one agreement under
// MFA review with comments (the pages measured) and one whose text MFA cleared (so "cleared before" finds some).
import { randomUUID } from 'node:crypto';
import { identityStores } from '../../src/storage/users';
import { createDocumentRenderer } from '../../src/app/document-renderer';
import { recordKeeping } from '../../src/composition-root';
import { createAgreementService, type AgreementService } from '../../src/app/agreement-service';
import { systemClock, type AgreementRecord } from '../../src/app/ports';
import { modelDraft, PROVINCES, type Actor } from '../../src/domain';
import { GAZETTEER } from '../../src/domain/checks';
import type { AgreementEvent } from '../../workflows';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { connectDatabase } from '../../src/storage/connection';
import { createTokenService } from '../../src/users/tokens';
import { createUserService } from '../../src/users/service';

export interface BenchSeed {
  token: string;
  /** The admin's sign-in, for the pages (a session cookie). */
  login: { username: string; password: string };
  /** An agreement under MFA review, with comments: the JSON read, the agreement page and the review page. */
  sampleId: string;
  transitionTargets: string[];
  filter: { province: string };
}

const PARTNERS = GAZETTEER.sides.filter((s) => s.country !== 'thailand');

/** Agreement i's draft: the model form's, for a province and a foreign partner taken in turn. */
function contentFor(i: number) {
  const province = PROVINCES[i % PROVINCES.length] ?? PROVINCES[0];
  const partner = PARTNERS[i % PARTNERS.length] ?? PARTNERS[0];
  if (!province || !partner) throw new Error('no provinces or partners');
  const choices = {
    kind: (['sister', 'friendship', 'partnership'] as const)[i % 3] ?? 'sister',
    province: province.id,
    partner: partner.id,
    areas: ['tourism', 'education'],
    years: 5,
    noticeMonths: 6,
  };
  return { province: province.id, content: modelDraft(choices, GAZETTEER) };
}

const TO_MFA: AgreementEvent[] = [
  { type: 'SUBMIT_TO_COMMITTEE' },
  {
    type: 'RECORD_RESOLUTION',
    resolution: {
      meeting: '1/2569',
      date: '2026-03-14',
      outcome: 'approved',
      text: { th: 'ที่ประชุมเห็นชอบร่างบันทึกความเข้าใจ', en: 'The committee approved the draft MOU.' },
    },
  },
  { type: 'SUBMIT_TO_MOI' },
  { type: 'FORWARD_TO_MFA' },
];

async function steps(
  service: AgreementService,
  actor: Actor,
  record: AgreementRecord,
  events: AgreementEvent[],
): Promise<AgreementRecord> {
  let r = record;
  for (const e of events) r = await service.send(actor, r.id, r.rev, e, { acknowledgeWarnings: true });
  return r;
}

export async function seedBench(
  uri: string,
  dbName: string,
  pool: number | undefined,
  n: number,
  username = 'bench-admin',
): Promise<BenchSeed> {
  const conn = await connectDatabase({ uri, dbName, maxPoolSize: pool });
  const users = createUserService(identityStores(conn));
  const tokens = createTokenService(identityStores(conn), users);
  const password = 'bench-password';
  const user = await users.createUser({
    username,
    displayName: 'Bench',
    role: 'admin',
    locale: 'en',
    password,
  });
  const token = (await tokens.create(user.id, 'bench')).token;
  const repository = createAgreementRepository(conn);
  await repository.init();
  const records = recordKeeping(conn, createDocumentRenderer());
  const service = createAgreementService({ repository, clock: systemClock, newId: randomUUID, records });
  const actor: Actor = { userId: user.id, name: 'Bench', role: 'admin' };

  // The same text cleared in another agreement: the review page marks its articles "cleared before".
  const cleared = await service.createDraft(actor, contentFor(0));
  await steps(service, actor, cleared, [
    ...TO_MFA,
    { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false },
  ]);
  let sample = await steps(service, actor, await service.createDraft(actor, contentFor(0)), TO_MFA);
  for (const anchor of [{ kind: 'document' }, { kind: 'article', no: 1 }] as const) {
    sample = await service.addComment(actor, sample.id, sample.rev, {
      anchor,
      text: { th: 'ขอให้ทบทวนถ้อยคำ', en: 'Please review the wording.' },
    });
  }

  const ids: string[] = [];
  const started = Date.now();
  const chunk = 50;
  for (let i = 2; i < n; i += chunk) {
    const made = await Promise.all(
      Array.from({ length: Math.min(chunk, n - i) }, (_, k) => service.createDraft(actor, contentFor(i + k))),
    );
    ids.push(...made.map((m) => m.id));
    if (ids.length % 1000 < chunk)
      process.stdout.write(
        `  seeded ${ids.length + 2}/${n} agreements, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
  }
  await conn.close();
  return {
    token,
    login: { username, password },
    sampleId: sample.id,
    transitionTargets: ids.slice(0, 5000),
    filter: { province: PROVINCES[5]?.id ?? 'bangkok' },
  };
}
