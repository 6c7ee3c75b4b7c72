// The XML reader of imported parts: a small element tree on saxes (a maintained, conforming streaming parser).
// A DOCTYPE is refused before anything in it is read, so no entity can ever be declared, let alone expanded.
import { SaxesParser } from 'saxes';
import { DomainError } from '../../domain/errors';

export interface XmlElement {
  /** The qualified name as written, e.g. `w:p`. */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}
export type XmlNode = XmlElement | string;

const unsafe = () =>
  new DomainError('invalid-input', {
    th: 'ไฟล์นี้มีส่วนประกอบ XML ที่ไม่ปลอดภัยหรืออ่านไม่ได้ (DOCTYPE หรือ entity) จึงไม่รับ',
    en: 'This file contains XML that is unsafe or unreadable (a DOCTYPE or entities), so it is refused.',
  });

interface Open {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** Parses `xml` into a tree, or refuses it (malformed, a DOCTYPE, an undeclared entity) with a DomainError. */
export function parseXml(xml: Buffer | string, part = ''): XmlElement {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const stack: Open[] = [];
  let root: Open | undefined;
  let failed: DomainError | undefined;
  parser.on('doctype', () => {
    failed = unsafe();
    throw failed;
  });
  parser.on('error', (e) => {
    failed ??= new DomainError('invalid-input', {
      th: `ไฟล์นี้มีส่วนประกอบที่อ่านไม่ได้ (${part})`,
      en: `A part of this file cannot be read (${part}): ${e.message.split('\n')[0]}`,
    });
    throw failed;
  });
  parser.on('opentag', (tag) => {
    const el: Open = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(text);
  });
  try {
    parser.write(typeof xml === 'string' ? xml : xml.toString('utf8')).close();
  } catch (e) {
    throw failed ?? (e instanceof DomainError ? e : unsafe());
  }
  if (!root) throw failed ?? unsafe();
  return root;
}

/** Child elements of `el` named `name` (qualified). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
