// `mou check <file.json>`: the pre-review and bilingual checks of an agreement file, one line per finding or JSON.
import { readFileSync } from 'node:fs';
import { checkContent, countBySeverity, hasErrors, type Finding } from '../domain/checks';
import { DomainError } from '../domain/errors';
import { contentFromFile } from './agreement-file';

export interface CheckOptions {
  json: boolean;
  /** For a fixture story: 1 or 2 (the last draft, 2, by default). */
  draft?: string;
  /** A partner-text file (fixtures/*-<lang>.json): checked with the text, its articles by number. */
  partnerText?: string;
  out: (s: string) => void;
}

function where(f: Finding): string {
  return f.anchor.kind === 'article' ? `article ${f.anchor.no}` : f.anchor.kind;
}

/** One line: severity, where, rule, language, the English then the Thai message, and a short replacement if any. */
export function findingLine(f: Finding): string {
  const instead = f.lang === 'both' || f.lang === 'partner' ? undefined : f.suggestion?.[f.lang];
  // A whole clause to add is too long for one line: --json carries it.
  const hint = instead !== undefined && instead.length <= 60 ? ` → "${instead}"` : '';
  return `${f.severity.padEnd(7)} ${where(f).padEnd(11)} ${f.rule} [${f.lang}] ${f.message.en} | ${f.message.th}${hint}`;
}

export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    // Exit 1 means "the text has an error": a file that cannot be read is a usage problem (2), like a bad format.
    const why = e instanceof Error ? e.message : String(e);
    throw new DomainError('invalid-input', {
      th: `อ่านไฟล์ ${file} ไม่ได้: ${why}`,
      en: `Cannot read ${file}: ${why}`,
    });
  }
}

/** Prints the findings; returns 1 when any is an error, else 0. */
export function checkCommand(file: string | undefined, o: CheckOptions): number {
  if (!file) {
    throw new DomainError('invalid-input', {
      th: 'ระบุไฟล์ข้อตกลง: mou check <file.json> [--json] [--draft 1|2]',
      en: 'Name the agreement file: mou check <file.json> [--json] [--draft 1|2]',
    });
  }
  const partner = o.partnerText !== undefined ? readJson(o.partnerText) : undefined;
  const findings = checkContent(contentFromFile(readJson(file), o.draft, partner));
  if (o.json) {
    o.out(`${JSON.stringify({ findings }, null, 2)}\n`);
  } else {
    const n = countBySeverity(findings);
    o.out(findings.map((f) => `${findingLine(f)}\n`).join(''));
    o.out(
      `${n.error} errors, ${n.warning} warnings, ${n.info} notes | ข้อผิดพลาด ${n.error} คำเตือน ${n.warning} ข้อสังเกต ${n.info}\n`,
    );
  }
  return hasErrors(findings) ? 1 : 0;
}
