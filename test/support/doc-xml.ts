// Test helpers for generated .docx: unzip parts, list runs and paragraphs, read text — plain regexes over WordprocessingML.
import PizZip from 'pizzip';

export function parts(buffer: Buffer): Map<string, string> {
  const zip = new PizZip(buffer);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    const f = zip.file(name);
    if (f && !f.dir) out.set(name, f.asText());
  }
  return out;
}

export function part(buffer: Buffer, name: string): string {
  const xml = parts(buffer).get(name);
  if (xml === undefined) throw new Error(`no part ${name}`);
  return xml;
}

export function decodeXml(s: string): string {
  return s.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '',
  );
}

/** Every <w:r> element (including those inside w:ins / w:del). */
export function runs(xml: string): string[] {
  return xml.match(/<w:r>[\s\S]*?<\/w:r>|<w:r [^>]*>[\s\S]*?<\/w:r>/g) ?? [];
}

export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [^>]*>[\s\S]*?<\/w:p>/g) ?? [];
}

/** Visible text of an XML fragment: w:t and w:delText contents, decoded. */
export function text(xml: string): string {
  return [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)]
    .map((m) => decodeXml(m[1] ?? ''))
    .join('');
}

/** Tag names in document order: the document's structure with all text removed. */
export function skeleton(xml: string): string[] {
  return [...xml.matchAll(/<(\/?[\w:]+)/g)].map((m) => m[1] ?? '');
}

export const THAI = /[\u0E00-\u0E7F]/;
