// Tokens of the fixed markup templates emit, and a cursor over them. Entities are decoded exactly once, here.

/** A template produced markup outside the fixed subset: a bug in a template, never in user text. */
export class MarkupError extends Error {
  constructor(message: string) {
    super(`template markup: ${message}`);
    this.name = 'MarkupError';
  }
}

export type Token =
  | { t: 'open'; name: string; attrs: Readonly<Record<string, string>>; selfClosing: boolean }
  | { t: 'close'; name: string }
  | { t: 'text'; text: string };

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));|&/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the entities Handlebars' escaping produces (and numeric ones); a bare `&` is a template bug. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, name?: string, dec?: string, hex?: string) => {
    if (name) return NAMED[name] ?? m;
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff) throw new MarkupError(`unescaped "&" near "${m}"`);
    return String.fromCodePoint(code);
  });
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z][a-z-]*(?:="[^"<>]*")?)*)\s*(\/?)>/y;
const ATTR = /([a-z][a-z-]*)(?:="([^"]*)")?/g;

export function tokenize(markup: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    const end = lt === -1 ? markup.length : lt;
    if (end > i) out.push({ t: 'text', text: decodeEntities(markup.slice(i, end)) });
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(markup);
    if (!m) throw new MarkupError(`malformed tag at ${lt}: ${JSON.stringify(markup.slice(lt, lt + 40))}`);
    const [whole, slash, name = '', attrText = '', selfClose] = m;
    if (slash) out.push({ t: 'close', name });
    else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(ATTR)) attrs[a[1] ?? ''] = decodeEntities(a[2] ?? '');
      out.push({ t: 'open', name, attrs, selfClosing: selfClose === '/' });
    }
    i = lt + whole.length;
  }
  return out;
}

/** A cursor over the tokens with the few moves a recursive-descent parser needs. */
export class Cursor {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  /** Skip whitespace-only text; anything else outside an inline context is an error. */
  skipSpace(): void {
    for (let tok = this.tokens[this.i]; tok?.t === 'text'; tok = this.tokens[this.i]) {
      if (tok.text.trim() !== '')
        throw new MarkupError(`text outside a paragraph: ${JSON.stringify(tok.text.slice(0, 40))}`);
      this.i++;
    }
  }
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  /** The next token that is not whitespace-only text, without consuming anything. */
  peekPastSpace(): Token | undefined {
    for (let j = this.i; ; j++) {
      const tok = this.tokens[j];
      if (tok?.t !== 'text' || tok.text.trim() !== '') return tok;
    }
  }
  next(): Token {
    const tok = this.tokens[this.i++];
    if (!tok) throw new MarkupError('unexpected end of markup');
    return tok;
  }
  /** Consume `</name>`. */
  close(name: string): void {
    this.skipSpace();
    const tok = this.next();
    if (tok.t !== 'close' || tok.name !== name)
      throw new MarkupError(`expected </${name}>, got ${describe(tok)}`);
  }
  /** Consume the children of an element until its closing tag, calling `child` on each opening tag. */
  children(name: string, child: (tok: Extract<Token, { t: 'open' }>) => void): void {
    for (;;) {
      this.skipSpace();
      const tok = this.next();
      if (tok.t === 'close' && tok.name === name) return;
      if (tok.t !== 'open') throw new MarkupError(`unexpected ${describe(tok)} inside <${name}>`);
      child(tok);
    }
  }
}

function describe(tok: Token): string {
  return tok.t === 'text'
    ? `text ${JSON.stringify(tok.text.slice(0, 30))}`
    : tok.t === 'open'
      ? `<${tok.name}>`
      : `</${tok.name}>`;
}
