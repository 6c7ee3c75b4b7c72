// The fast lane's tripwire: finds a command line that starts LibreOffice or Chromium, and wraps child_process so that
// such a launch is refused (the fast lane installs it; see test/support/fast-lane.ts).
import type * as ChildProcess from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';

/** The programs the fast lane leaves out, by the name of what is started. */
const PROGRAMS: readonly (readonly [RegExp, string])[] = [
  [/^(soffice|soffice\.bin|libreoffice|lowriter)$/, 'LibreOffice'],
  [/^(chromium|chromium-browser|chrome|google-chrome|headless_shell)$/, 'Chromium'],
];
/** Scripts that drive LibreOffice through UNO (test/support/annotate). */
const UNO_SCRIPT = /lo_annotate\.py$/;

/** 'LibreOffice' or 'Chromium' when this program and these arguments start one, else undefined. */
export function heavyProgram(file: string, args: readonly string[] = []): string | undefined {
  for (const word of [file, ...args]) {
    if (UNO_SCRIPT.test(word)) return 'LibreOffice';
  }
  const name = basename(file);
  return PROGRAMS.find(([re]) => re.test(name))?.[1];
}

/** The same for a shell command line (exec, execSync): any word of it. */
export function heavyCommand(command: string): string | undefined {
  const words = command.split(/[\s;&|()<>'"`]+/).filter(Boolean);
  for (const w of words) {
    const found = heavyProgram(w);
    if (found) return found;
  }
  return undefined;
}

type Launch = (...a: unknown[]) => unknown;
type Patchable = Record<string, Launch & { [promisify.custom]?: Launch }>;
/** Launchers whose first argument is a program and second, optionally, its arguments. */
const BY_FILE = ['spawn', 'spawnSync', 'execFile', 'execFileSync'] as const;
/** Launchers whose first argument is a shell command line. */
const BY_SHELL = ['exec', 'execSync'] as const;

function whatStarts(kind: 'file' | 'shell', a: readonly unknown[]): string | undefined {
  const [first, second] = a;
  if (typeof first !== 'string') return undefined;
  if (kind === 'shell') return heavyCommand(first);
  const args = Array.isArray(second) ? second.filter((x): x is string => typeof x === 'string') : [];
  return heavyProgram(first, args);
}

/**
 * Wraps the launchers of `cp` (the real child_process module) so that starting LibreOffice or Chromium calls
 * `refuse(program, commandLine)` first (which throws to refuse). Returns a function that puts the originals back.
 */
export function guardLaunches(
  cp: typeof ChildProcess,
  refuse: (program: string, commandLine: string) => void,
): () => void {
  const target = cp as unknown as Patchable;
  const originals = new Map<string, Launch>();
  const wrap = (name: string, kind: 'file' | 'shell') => {
    const original = target[name];
    if (!original) return;
    const check = (a: unknown[]) => {
      const program = whatStarts(kind, a);
      if (program) refuse(program, a.filter((x) => typeof x === 'string' || Array.isArray(x)).join(' '));
    };
    const wrapped: Launch & { [promisify.custom]?: Launch } = function (this: unknown, ...a: unknown[]) {
      check(a);
      return original.apply(this, a);
    };
    // execFile and exec promisify to { stdout, stderr } through their own custom form; keep it, guarded too.
    const custom = original[promisify.custom];
    if (custom) {
      wrapped[promisify.custom] = function (this: unknown, ...a: unknown[]) {
        try {
          check(a);
        } catch (e) {
          return Promise.reject(e);
        }
        return custom.apply(this, a);
      };
    }
    originals.set(name, original);
    target[name] = wrapped;
  };
  for (const name of BY_FILE) wrap(name, 'file');
  for (const name of BY_SHELL) wrap(name, 'shell');
  return () => {
    for (const [name, original] of originals) target[name] = original;
  };
}
