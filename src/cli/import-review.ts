// `mou import-review <file.docx> --against <agreement.json>`: what a reviewer's annotated Word file holds, each
// comment and suggestion placed on its article of the agreement file's version; one line per item or --json.
import { readFileSync } from 'node:fs';
import { previewImport, readReviewUpload, type ImportPreview, type ImportTarget } from '../app/review-import';
import { DomainError } from '../domain/errors';
import { storyFromFixture } from '../domain/fixture';
import type { ImportAnchor } from '../documents/word-in/review-import';
import { namedVersion } from '../documents/word-in/review-file';
import { contentFromFile } from './agreement-file';

export interface ImportReviewOptions {
  against?: string;
  /** The version the file is a copy of; default: the file's own (properties, anchors), else the best match. */
  version?: string;
  json: boolean;
  out: (s: string) => void;
}

const usage = () =>
  new DomainError('invalid-input', {
    th: 'ใช้: mou import-review <file.docx> --against <agreement.json> [--version N] [--json]',
    en: 'usage: mou import-review <file.docx> --against <agreement.json> [--version N] [--json]',
  });

function read(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new DomainError('invalid-input', {
      th: `อ่านไฟล์ ${file} ไม่ได้: ${why}`,
      en: `Cannot read ${file}: ${why}`,
    });
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "matched version 2: 100% of its article texts found (version 1: 17%)". */
function matchLine(m: NonNullable<ImportPreview['match']>): string {
  const runnerUp = m.runnerUp ? ` (version ${m.runnerUp.versionNo}: ${pct(m.runnerUp.share)})` : '';
  return `  no anchors of ours: the wording matches version ${m.best.versionNo} best, ${pct(m.best.share)} of the file's article texts${runnerUp}`;
}

const where = (a: ImportAnchor) => (a.kind === 'article' ? `article ${a.no}` : a.kind);

/**
 * The agreement file as the import's target: a fixture story has versions 1 and 2 (its drafts) and its comments on
 * record; other files hold one text, numbered as asked, else as the Word file names itself, else 1.
 */
function targetOf(json: unknown, versionNo: number | undefined): ImportTarget {
  if (typeof json === 'object' && json !== null && 'draft1' in json) {
    const story = storyFromFixture(json);
    return {
      versions: [
        { no: 1, content: story.draft1 },
        { no: 2, content: story.draft2 },
      ],
      comments: story.comments,
    };
  }
  return { versions: [{ no: versionNo ?? 1, content: contentFromFile(json) }], comments: [] };
}

/** Prints the import; returns 0 (1 when some item could not be placed on the text). */
export async function importReviewCommand(file: string | undefined, o: ImportReviewOptions): Promise<number> {
  if (!file || !o.against) throw usage();
  const asked = o.version !== undefined ? Number(o.version) : undefined;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1)) throw usage();
  const bytes = read(file);
  let json: unknown;
  try {
    json = JSON.parse(read(o.against).toString('utf8'));
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('invalid-input', {
      th: `ไฟล์ ${o.against} ไม่ใช่ JSON`,
      en: `${o.against} is not JSON`,
    });
  }
  // The same use case as the page and the API: read once, the foreign-file check, the version by its wording.
  const upload = await readReviewUpload(bytes);
  const view = previewImport(targetOf(json, asked ?? namedVersion(upload.file.identity)), asked, upload);
  const { versionNo } = view;
  if (o.json) {
    o.out(`${JSON.stringify(view, null, 2)}\n`);
  } else {
    o.out(`${file}: version ${versionNo}, placed by ${view.placedBy}, SHA-256 ${view.fileSha256}\n`);
    if (view.match) o.out(`${matchLine(view.match)}\n`);
    for (const c of view.comments)
      o.out(
        `${c.id.padEnd(4)} comment    ${where(c.anchor).padEnd(11)} [${c.lang ?? '-'}] ${c.author}: ${c.text}` +
          `${c.quote ? ` «${c.quote}»` : ''}${c.resolved ? ' (resolved)' : ''}` +
          `${(c.replies ?? []).map((x) => `\n     ↳ ${x.author}: ${x.text}`).join('')}\n`,
      );
    for (const s of view.suggestions)
      o.out(
        `${s.id.padEnd(4)} ${s.kind.padEnd(10)} ${where(s.anchor).padEnd(11)} [${s.lang}] ` +
          `${s.before !== undefined ? `«${s.before}»` : ''}${s.before !== undefined && s.after !== undefined ? ' → ' : ''}` +
          `${s.after !== undefined ? `«${s.after}»` : ''}\n`,
      );
    for (const u of view.unplaced) o.out(`     unplaced ${u.item}: ${u.text}\n`);
    if (view.alreadyRecorded > 0)
      o.out(`     ${view.alreadyRecorded} comments already on record, left out\n`);
  }
  return view.unplaced.length > 0 ? 1 : 0;
}
