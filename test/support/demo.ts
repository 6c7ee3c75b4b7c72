// The demo data seeded into a test's database through the app's own services, as `npm start` seeds it.
import type { Services } from '../../src/composition-root';
import { seedDemoData } from '../../src/seed/demo';
import type { Database } from '../../src/storage/connection';
import { identityStores } from '../../src/storage/users';
import { createUserService } from '../../src/users/service';
import { ROOT } from './processes';

/**
 * `imports`: the pairs named as existing come in through the registry import, as `npm start` brings them (else every
 * pair walks the path). `now`: the seeding's clock.
 */
export function seedDemo(
  connection: Database,
  services: Pick<Services, 'repository' | 'records' | 'drafting' | 'registryImports'>,
  o: { imports?: boolean; now?: Date } = {},
): ReturnType<typeof seedDemoData> {
  return seedDemoData(createUserService(identityStores(connection)), {
    projectRoot: ROOT,
    repository: services.repository,
    records: services.records,
    drafting: services.drafting,
    ...(o.imports ? { imports: services.registryImports } : {}),
    progress: () => undefined,
    ...(o.now ? { now: o.now } : {}),
  });
}
