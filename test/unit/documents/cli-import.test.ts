// `mou import-review`: the LibreOffice-annotated review copy against the fixture story, as lines and as JSON.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { importReviewCommand } from '../../../src/cli/import-review';
import { main } from '../../../src/cli/main';
import { FIXTURES_DIR } from '../../support/fixtures';
import { requireBuild, ROOT } from '../../support/processes';

const ANNOTATED = join(__dirname, '..', '..', 'fixtures', 'word-in', 'annotated');
const STORY = join(FIXTURES_DIR, 'chiang-mai-sejong.json');

async function run(file: string, json: boolean, version?: string) {
  let out = '';
  const code = await importReviewCommand(join(ANNOTATED, file), {
    against: STORY,
    json,
    ...(version ? { version } : {}),
    out: (s) => (out += s),
  });
  return { code, out };
}

it('gives the comments and suggestions with ids, anchors and languages (--json), the copy’s own comments left out', async () => {
  const { code, out } = await run('review-parallel.lo.docx', true);
  expect(code).toBe(0);
  const r = JSON.parse(out) as {
    versionNo: number;
    fileSha256: string;
    placedBy: string;
    alreadyRecorded: number;
    comments: { id: string; anchor: { kind: string; no?: number } }[];
    suggestions: { id: string; kind: string; lang: string; anchor: { no?: number } }[];
  };
  expect(r).toMatchObject({ versionNo: 1, placedBy: 'bookmarks', alreadyRecorded: 5 });
  expect(r.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  expect(r.comments.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  expect(r.suggestions.map((s) => `${s.kind}:${s.lang}:${s.anchor.no}`).sort()).toEqual(
    ['replace:th:1', 'insert:th:2', 'delete:th:4', 'delete:en:1', 'insert:en:2', 'replace:en:3'].sort(),
  );
});

it('prints one line per item, replies under their comment', async () => {
  const { code, out } = await run('mou-parallel.lo.docx', false);
  expect(code).toBe(0);
  expect(out).toMatch(/^.*mou-parallel\.lo\.docx: version 2, placed by bookmarks, SHA-256 [0-9a-f]{64}\n/);
  expect(out).toMatch(/c\d +comment +article 1 +\[th\] Ministry of Foreign Affairs: /);
  expect(out).toContain('↳ Chiang Mai Province: ');
  expect(out).toMatch(/s\d +replace +article 5 +\[en\] «expenses» → «costs»/);
});

it('refuses a file that is not a Word document (exit 2) and asks for --against', async () => {
  expect(await main(['import-review', STORY, '--against', STORY])).toBe(2);
  expect(await main(['import-review', join(ANNOTATED, 'mou-parallel.lo.docx')])).toBe(2);
});

it('the built CLI places every item of a draft-2 file without our anchors, on version 2, with no --version', () => {
  requireBuild();
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'dist', 'src', 'cli', 'main.js'),
      'import-review',
      join(ANNOTATED, 'mou-parallel.no-anchors.lo.docx'),
      '--against',
      STORY,
      '--json',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const view = JSON.parse(r.stdout) as {
    versionNo: number;
    placedBy: string;
    comments: unknown[];
    suggestions: unknown[];
    unplaced: unknown[];
    match: { best: { versionNo: number; share: number }; runnerUp: { versionNo: number } };
  };
  expect(view).toMatchObject({ versionNo: 2, placedBy: 'text', unplaced: [] });
  expect(view.comments).toHaveLength(6);
  expect(view.suggestions).toHaveLength(6);
  expect(view.match.best).toMatchObject({ versionNo: 2, share: 1 });
  expect(view.match.runnerUp.versionNo).toBe(1);
});

it('refuses --version naming another version than the file’s own (the same foreign-file check as the API)', async () => {
  let err = '';
  jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    const file = join(ANNOTATED, 'mou-parallel.lo.docx');
    expect(await main(['import-review', file, '--against', STORY, '--version', '1'])).toBe(2);
  } finally {
    jest.restoreAllMocks();
  }
  expect(err).toContain('This file is version 2, not version 1');
});
