// Seeds the API benchmark's database: an admin with an API token and N agreements across the provinces.
import { identityStores } from '../../src/storage/users';
import { randomUUID } from 'node:crypto';
import { createDocumentRenderer } from '../../src/app/document-renderer';
import { recordKeeping } from '../../src/composition-root';
import { createAgreementService } from '../../src/app/agreement-service';
import { systemClock } from '../../src/app/ports';
import { PROVINCES, type Actor } from '../../src/domain';
import { standardContent } from '../../src/seed/standard-mou';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { connectDatabase } from '../../src/storage/connection';
import { createTokenService } from '../../src/users/tokens';
import { createUserService } from '../../src/users/service';

export interface BenchSeed {
  token: string;
  sampleId: string;
  transitionTargets: string[];
  filter: { province: string };
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
  const user = await users.createUser({
    username,
    displayName: 'Bench',
    role: 'admin',
    locale: 'en',
    password: 'bench-password',
  });
  const token = (await tokens.create(user.id, 'bench')).token;
  const repository = createAgreementRepository(conn);
  await repository.init();
  const records = recordKeeping(conn, createDocumentRenderer());
  const service = createAgreementService({ repository, clock: systemClock, newId: randomUUID, records });
  const actor: Actor = { userId: user.id, name: 'Bench', role: 'admin' };
  const contentFor = (i: number) => {
    const p = PROVINCES[i % PROVINCES.length] ?? PROVINCES[0];
    if (!p) throw new Error('no provinces');
    return {
      province: p.id,
      content: standardContent({
        kind: (['sister', 'friendship', 'partnership'] as const)[i % 3] ?? 'sister',
        thai: {
          name: p.name,
          country: { th: 'ราชอาณาจักรไทย', en: 'the Kingdom of Thailand' },
          signatory: { title: { th: `ผู้ว่าราชการ${p.name.th}`, en: `Governor of ${p.name.en}` } },
        },
        partner: {
          name: { th: `เมืองคู่ร่วมมือ ${i}`, en: `Partner City ${i}` },
          country: { th: 'สาธารณรัฐเกาหลี', en: 'Republic of Korea' },
          signatory: { title: { th: 'นายกเทศมนตรี', en: 'Mayor' } },
        },
        areas: ['tourism', 'education'],
        areaText: {
          th: 'ทั้งสองฝ่ายจะร่วมมือกันในสาขา (ก) การท่องเที่ยว (ข) การศึกษา',
          en: 'The Sides will cooperate in (a) tourism; (b) education.',
        },
      }),
    };
  };
  let sample = await service.createDraft(actor, contentFor(0));
  sample = await service.send(actor, sample.id, sample.rev, { type: 'SUBMIT_TO_COMMITTEE' });
  const ids: string[] = [];
  const started = Date.now();
  const chunk = 50;
  for (let i = 1; i < n; i += chunk) {
    const made = await Promise.all(
      Array.from({ length: Math.min(chunk, n - i) }, (_, k) => service.createDraft(actor, contentFor(i + k))),
    );
    ids.push(...made.map((m) => m.id));
    if (ids.length % 1000 < chunk)
      process.stdout.write(
        `  seeded ${ids.length + 1}/${n} agreements, ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
  }
  await conn.close();
  return {
    token,
    sampleId: sample.id,
    transitionTargets: ids.slice(0, 5000),
    filter: { province: PROVINCES[5]?.id ?? 'bangkok' },
  };
}
