// The `mou` command line's options, per command: an unknown option, or an option without its value, is refused
// (with the usage and exit code 2) instead of being ignored.
import { DomainError } from '../domain/errors';

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Each command's options: `value` takes the next argument (or `--name=value`), `flag` takes none. */
export type OptionSpec = Readonly<Record<string, 'value' | 'flag'>>;

export const OPTIONS: Readonly<Record<string, OptionSpec>> = {
  render: {
    doc: 'value',
    layout: 'value',
    out: 'value',
    pdf: 'flag',
    pdfa: 'flag',
    date: 'value',
    numerals: 'value',
    final: 'flag',
    version: 'value',
    'sign-date': 'value',
    'sign-place-th': 'value',
    'sign-place-en': 'value',
    'sign-place-partner': 'value',
    'partner-text': 'value',
    'partner-font': 'value',
  },
  check: { json: 'flag', draft: 'value', 'partner-text': 'value' },
  'import-review': { against: 'value', version: 'value', json: 'flag' },
  verify: { json: 'flag' },
};

/** A command line `mou` cannot take; `main` prints it with the usage and exits 2. */
export class UsageError extends DomainError {
  constructor(th: string, en: string) {
    super('invalid-input', { th, en });
  }
}

/** Reads `argv` for `command`'s options (`-o` is `--out`); refuses what the command does not know. */
export function parseArgs(argv: readonly string[], spec: OptionSpec = {}): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const [rawName = '', inline] = a === '-o' ? ['out', undefined] : splitOption(a);
    const kind = Object.hasOwn(spec, rawName) ? spec[rawName] : undefined;
    if (kind === undefined) throw new UsageError(`ไม่รู้จักตัวเลือก ${a}`, `unknown option ${a}`);
    if (kind === 'flag') {
      if (inline !== undefined)
        throw new UsageError(`ตัวเลือก ${a} ไม่รับค่า`, `option --${rawName} takes no value`);
      flags.set(rawName, true);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('-')))
      throw new UsageError(`ตัวเลือก ${a} ต้องมีค่า`, `option ${a} needs a value`);
    if (inline === undefined) i++;
    flags.set(rawName, value);
  }
  return { positional, flags };
}

/** `--name` or `--name=value`; a single dash is not an option name of ours. */
function splitOption(a: string): [string, string | undefined] {
  if (!a.startsWith('--')) return ['', undefined];
  const eq = a.indexOf('=');
  return eq < 0 ? [a.slice(2), undefined] : [a.slice(2, eq), a.slice(eq + 1)];
}
