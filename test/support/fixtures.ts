// Loads the sample agreements shipped in fixtures/ for tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storyFromFixture, type FixtureStory } from '../../src/domain/fixture';
import { storyWithPartnerText } from '../../src/domain/fixture-partner';

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

export function readFixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8'));
}

export function chiangMaiSejong(): FixtureStory {
  return storyFromFixture(readFixtureJson('chiang-mai-sejong.json'));
}

/** The sample story with the partner's (Korean) text of its draft 2 (fixtures/chiang-mai-sejong-ko.json). */
export function chiangMaiSejongKo(): FixtureStory {
  return storyWithPartnerText(chiangMaiSejong(), readFixtureJson('chiang-mai-sejong-ko.json'));
}
