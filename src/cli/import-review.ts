// `mou import-review <file.docx> --against <agreement.json>`: what a reviewer's annotated Word file holds, each
// comment and suggestion placed on its article of the agreement file's version; one line per item or --json.
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../domain';
import { DomainError } from '../domain/errors';
import { storyFromFixture } from '../domain/fixture';
import { openWordPackage } from '../documents/word-in/package';
import { readReviewImport, withItemIds, type ImportAnchor } from '../documents/word-in/review-import';
import { contentFromFile } from './agreement-file';

export interface ImportReviewOptions {
  against?: string;
  /** The version the file is a copy of; default: the file's own (its custom properties), else 1. */
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

const where = (a: ImportAnchor) => (a.kind === 'article' ? `article ${a.no}` : a.kind);

/** Prints the import; returns 0 (1 when some item could not be placed on the text). */
export async function importReviewCommand(file: string | undefined, o: ImportReviewOptions): Promise<number> {
  if (!file || !o.against) throw usage();
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
  const pkg = await openWordPackage(bytes);
  const asked = o.version !== undefined ? Number(o.version) : undefined;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1)) throw usage();
  // The version: as asked, else as the file names it (the first read tells), else 1.
  const probe = await readReviewImport(pkg, { content: contentFromFile(json), versionNo: asked ?? 1 });
  const versionNo = asked ?? probe.identity.versionNo ?? 1;
  const isStory = typeof json === 'object' && json !== null && 'draft1' in json;
  const content = contentFromFile(json, isStory ? (versionNo === 1 ? '1' : '2') : undefined);
  const recorded = isStory ? storyFromFixture(json).comments.flatMap((c) => [c.text.th, c.text.en]) : [];
  const r = await readReviewImport(pkg, { content, versionNo, recorded });
  const view = { fileSha256: sha256Hex(bytes), versionNo, ...withItemIds(r) };
  if (o.json) {
    o.out(`${JSON.stringify(view, null, 2)}\n`);
  } else {
    o.out(`${file}: version ${versionNo}, placed by ${r.placedBy}, SHA-256 ${view.fileSha256}\n`);
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
    if (r.alreadyRecorded > 0) o.out(`     ${r.alreadyRecorded} comments already on record, left out\n`);
  }
  return view.unplaced.length > 0 ? 1 : 0;
}
