#!/usr/bin/env node
// `mou` command line: render agreement files to .docx (one file or a folder, with a progress bar), check one, verify a database.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { tmpdir } from 'node:os';
import { createPdfService } from '../app/pdf-service';
import {
  DOC_TYPES,
  LAYOUTS,
  renderDocument,
  type DocType,
  type Layout,
  type RenderedDocument,
  type RenderMeta,
} from '../documents';
import { projectCatalogue } from '../i18n/catalogue';
import { diskPdfCache, findSoffice, libreOfficeConverter } from '../platform/libreoffice';
import { isDomainError } from '../domain/errors';
import { inputFromFile } from './agreement-file';
import { OPTIONS, UsageError, parseArgs, type Args } from './args';
import { checkCommand, readJson } from './check';
import { importReviewCommand } from './import-review';
import { verifyCommand } from './verify';

const USAGE = `usage:
  mou render <agreement.json> --doc <${DOC_TYPES.join('|')}> [--layout ${LAYOUTS.join('|')}] -o <out.docx>
  mou render <folder> --doc <doc|all> [--layout ${LAYOUTS.join('|')}] -o <out-folder>
  mou render … --pdf | --pdfa   write PDF (PDF/A-2b with --pdfa) instead of .docx, by LibreOffice headless
                           (soffice on PATH or MOU_SOFFICE; MOU_PDF_TIMEOUT_SECONDS, default 60)
  mou check <agreement.json> [--json] [--draft 1|2] [--partner-text <file>]
                           pre-review and bilingual checks (exit 1 on an error)
  mou import-review <file.docx> --against <agreement.json> [--version N] [--json]
                           a reviewer's annotated Word file: its comments and suggested wording, each placed on
                           its article (exit 1 when some item could not be placed)
  mou verify [--json]      check every agreement's history, its anchors and issued files (exit 1 on a problem;
                           the database of MONGODB_URI, else the embedded one in MOU_DATA_DIR, with the app stopped)
options: --date YYYY-MM-DD   --numerals thai|arabic   --final   --version N
         --sign-date YYYY-MM-DD --sign-place-th <text> --sign-place-en <text> --sign-place-partner <text>
         --partner-text <file>   the partner's language (a fixture story's draft 2, articles by number)
         --partner-font <name>   its font (default: Noto Serif CJK KR/SC/TC/JP by the language)
The file may be a render request ({content, versionNo, previous?, comments?, meta?}), a fixture story
(fixtures/*.json) or bare agreement content. Prints the SHA-256 of every file written.`;

function str(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
  fallback?: T,
): T {
  const v = value ?? fallback;
  const found = allowed.find((x) => x === v);
  if (!found) throw new Error(`${what} must be one of ${allowed.join(', ')}`);
  return found;
}

function metaFrom(args: Args): RenderMeta {
  const date = str(args, 'date');
  const numerals = str(args, 'numerals');
  const signDate = str(args, 'sign-date');
  const placeTh = str(args, 'sign-place-th');
  const placeEn = str(args, 'sign-place-en');
  const placePartner = str(args, 'sign-place-partner');
  const partnerFont = str(args, 'partner-font');
  return {
    ...(partnerFont ? { partnerFont } : {}),
    ...(date ? { date } : {}),
    ...(numerals ? { numerals: oneOf(numerals, ['thai', 'arabic'] as const, '--numerals') } : {}),
    ...(args.flags.has('final') ? { final: true } : {}),
    ...(signDate || placeTh || placeEn || placePartner
      ? {
          signing: {
            ...(signDate ? { date: signDate } : {}),
            ...(placePartner ? { partnerPlace: placePartner } : {}),
            ...(placeTh && placeEn ? { place: { th: placeTh, en: placeEn } } : {}),
          },
        }
      : {}),
  };
}

async function renderOne(file: string, doc: DocType, layout: Layout, args: Args) {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const version = str(args, 'version');
  const partnerFile = str(args, 'partner-text');
  const partner = partnerFile !== undefined ? readJson(partnerFile) : undefined;
  return renderDocument(
    inputFromFile(json, doc, layout, metaFrom(args), version ? Number(version) : undefined, partner),
  );
}

interface Output {
  buffer: Buffer;
  sha256: string;
  fileName: string;
}

/** The .docx as rendered, or its PDF (--pdf, --pdfa) by LibreOffice, one conversion at a time. */
function outputOf(args: Args): (r: RenderedDocument) => Promise<Output> {
  const variant = args.flags.has('pdfa') ? 'pdfa' : args.flags.has('pdf') ? 'plain' : undefined;
  if (!variant) return (r) => Promise.resolve(r);
  const seconds = Number(process.env.MOU_PDF_TIMEOUT_SECONDS ?? 60);
  const pdf = createPdfService({
    converter: libreOfficeConverter(findSoffice()),
    cache: diskPdfCache(join(tmpdir(), 'mou-cli-pdf'), 200 * 1024 * 1024),
    timeoutMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 60_000,
    catalogue: projectCatalogue(),
  });
  return (r) => pdf.pdfOf({ ...r, contentType: r.mimeType }, variant);
}

/** Renders one file or a folder; the exit code: 0, or 2 when some files of a folder failed. */
async function render(args: Args): Promise<number> {
  const [source] = args.positional.slice(1);
  const out = str(args, 'out');
  if (!source || !out) throw new Error(USAGE);
  const layout = oneOf(str(args, 'layout'), LAYOUTS, '--layout', 'parallel');
  const output = outputOf(args);
  if (!statSync(source).isDirectory()) {
    const doc = oneOf(str(args, 'doc'), DOC_TYPES, '--doc', 'mou');
    const r = await output(await renderOne(source, doc, layout, args));
    writeFileSync(out, r.buffer);
    process.stdout.write(`${r.sha256}  ${out}\n`);
    return 0;
  }
  const docs: readonly DocType[] =
    str(args, 'doc') === 'all' ? DOC_TYPES : [oneOf(str(args, 'doc'), DOC_TYPES, '--doc', 'mou')];
  const files = readdirSync(source)
    .filter((f) => extname(f) === '.json')
    .sort();
  mkdirSync(out, { recursive: true });
  const bar = new SingleBar(
    { format: 'rendering [{bar}] {value}/{total} {file}', hideCursor: true },
    Presets.shades_classic,
  );
  const jobs = files.flatMap((f) => docs.map((doc) => ({ f, doc })));
  const lines: string[] = [];
  const failures: string[] = [];
  bar.start(jobs.length, 0, { file: '' });
  for (const { f, doc } of jobs) {
    bar.update({ file: `${f} (${doc})` });
    try {
      const r = await output(await renderOne(join(source, f), doc, layout, args));
      // Two agreement files between the same parties would collide; the source name keeps them apart.
      const name = `${basename(f, '.json')}__${r.fileName}`;
      writeFileSync(join(out, name), r.buffer);
      lines.push(`${r.sha256}  ${name}`);
    } catch (e) {
      failures.push(`${f} (${doc}): ${describe(e)}`);
    }
    bar.increment();
  }
  bar.stop();
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  if (failures.length > 0) {
    process.stderr.write(failures.map((l) => `failed: ${l}\n`).join(''));
    return 2;
  }
  return 0;
}

function describe(e: unknown): string {
  if (isDomainError(e)) {
    const issues = e.issues.map((i) => `\n  - ${i.path}: ${i.message.en} / ${i.message.th}`).join('');
    return `${e.userMessage.en}\n${e.userMessage.th}${issues}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? '';
  const spec = Object.hasOwn(OPTIONS, command) ? OPTIONS[command] : undefined;
  if (spec === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  let args: Args;
  try {
    args = parseArgs(argv, spec);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${describe(e)}\n${USAGE}\n`);
    return 2;
  }
  try {
    switch (args.positional[0]) {
      case 'render':
        // Returned, never set on process.exitCode: main() also runs inside other programs (and tests).
        return await render(args);
      case 'check':
        return checkCommand(args.positional[1], {
          json: args.flags.has('json'),
          draft: str(args, 'draft'),
          ...(str(args, 'partner-text') !== undefined ? { partnerText: str(args, 'partner-text') } : {}),
          out: (s) => process.stdout.write(s),
        });
      case 'import-review':
        return await importReviewCommand(args.positional[1], {
          against: str(args, 'against'),
          version: str(args, 'version'),
          json: args.flags.has('json'),
          out: (s) => process.stdout.write(s),
        });
      case 'verify':
        return await verifyCommand({
          out: (s) => process.stdout.write(s),
          err: process.stderr,
          json: args.flags.has('json'),
        });
      default:
        process.stderr.write(`${USAGE}\n`);
        return 64;
    }
  } catch (e) {
    process.stderr.write(`${describe(e)}\n`);
    return isDomainError(e) ? 2 : 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
