// Loads the sample agreements shipped in fixtures/ for tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { storyFromFixture, type FixtureStory } from '../../src/domain/fixture';

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

export function readFixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, name), 'utf8'));
}

export function chiangMaiSejong(): FixtureStory {
  return storyFromFixture(readFixtureJson('chiang-mai-sejong.json'));
}
