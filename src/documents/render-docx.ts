// The Word writer: sheet (laid-out model) → deterministic .docx bytes. The only module that imports `docx`.
//
// `docx` builds the package skeleton once per shape of document (orientation, page-number digits, with or without
// comments): styles, settings, numbering, font table, theme, section properties, relationships, content types. Its
// parts are cached, the static ones already deflated. Per document only the body, the two headers, the comments and
// the core properties are written (sheet-xml.ts, word-xml.ts) into the skeleton's placeholders and zipped.
import { Document, Header, NumberFormat, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import type { Sheet } from './layout';
import { A4, MARGIN, sheetXml, type SheetXml } from './sheet-xml';
import { IDENTITY_PROPERTIES } from './word-anchors';
import { FONT, SIZE, escapeXml } from './word-xml';
import { readZip, writeZip, zipEntry, type ZipEntry } from './zip';

export { FONT, SIZE };

type Slot = keyof SheetXml;

interface Shape {
  readonly landscape: boolean;
  readonly thaiNumerals: boolean;
  readonly comments: boolean;
}

/** A part of the skeleton: zipped once, filled per document around a placeholder, or the core properties. */
type Part =
  | { readonly kind: 'static'; readonly entry: ZipEntry }
  | {
      readonly kind: 'slot';
      readonly name: string;
      readonly slot: Slot;
      readonly before: string;
      readonly after: string;
    }
  | { readonly kind: 'core' }
  | { readonly kind: 'custom' };

const CORE = 'docProps/core.xml';
/** The custom properties naming the document (word-anchors.ts): written per document like core.xml. */
const CUSTOM = 'docProps/custom.xml';
const marker = (slot: Slot) => `MOU-ENGINE-SLOT-${slot}`;
const SLOTS: readonly Slot[] = ['body', 'firstHeader', 'defaultHeader', 'comments'];
/** The element the placeholder paragraph's text sits in, which the slot's XML replaces whole. */
const ENCLOSING: Readonly<Record<Slot, readonly [string, string]>> = {
  body: ['<w:p>', '</w:p>'],
  firstHeader: ['<w:p>', '</w:p>'],
  defaultHeader: ['<w:p>', '</w:p>'],
  comments: ['<w:comment ', '</w:comment>'],
};

function placeholder(slot: Slot): Paragraph {
  return new Paragraph({ children: [new TextRun(marker(slot))] });
}

function skeletonDocument(shape: Shape): Document {
  const fonts = { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT };
  return new Document({
    creator: 'MOU Engine',
    // A placeholder so that docx declares the part (content type, relationship); its XML is written per document.
    customProperties: [{ name: 'MOU Engine', value: 'slot' }],
    styles: {
      default: {
        document: { run: { font: fonts, size: SIZE, language: { value: 'th-TH', bidirectional: 'th-TH' } } },
      },
    },
    comments: {
      children: shape.comments
        ? [
            {
              id: 0,
              author: 'slot',
              initials: 'slot',
              date: new Date(0),
              children: [placeholder('comments')],
            },
          ]
        : [],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: A4.short,
              height: A4.long,
              ...(shape.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}),
            },
            margin: MARGIN,
            pageNumbers: {
              start: 1,
              // Word honours thaiNumbers; LibreOffice shows Arabic digits instead (see pageNumberRuns in word-xml.ts).
              formatType: shape.thaiNumerals ? NumberFormat.THAI_NUMBERS : NumberFormat.DECIMAL,
            },
          },
        },
        headers: {
          // Thai official style: no number on the first page; "- ๒ -" centred at the top from page 2.
          first: new Header({ children: [placeholder('firstHeader')] }),
          default: new Header({ children: [placeholder('defaultHeader')] }),
        },
        children: [placeholder('body')],
      },
    ],
  });
}

/** Splits a part around its placeholder's enclosing element, or returns undefined when it holds none. */
function cut(name: string, xml: string): Part | undefined {
  for (const slot of SLOTS) {
    const at = xml.indexOf(marker(slot));
    if (at < 0) continue;
    const [open, close] = ENCLOSING[slot];
    const start = xml.lastIndexOf(open, at);
    const end = xml.indexOf(close, at);
    if (start < 0 || end < 0)
      throw new Error(`docx skeleton: placeholder ${slot} in ${name} is not inside ${open}`);
    if (xml.indexOf(marker(slot), at + 1) >= 0)
      throw new Error(`docx skeleton: placeholder ${slot} twice in ${name}`);
    return { kind: 'slot', name, slot, before: xml.slice(0, start), after: xml.slice(end + close.length) };
  }
  return undefined;
}

async function buildSkeleton(shape: Shape): Promise<readonly Part[]> {
  const files = readZip(await Packer.toBuffer(skeletonDocument(shape)));
  const parts: Part[] = [];
  for (const [name, data] of files) {
    if (name === CORE || name === CUSTOM) {
      parts.push({ kind: name === CORE ? 'core' : 'custom' });
      continue;
    }
    const slotted = name.endsWith('.xml') ? cut(name, data.toString('utf8')) : undefined;
    parts.push(slotted ?? { kind: 'static', entry: zipEntry(name, data) });
  }
  const found = new Set(parts.flatMap((p) => (p.kind === 'slot' ? [p.slot] : [])));
  for (const slot of SLOTS) {
    if (found.has(slot) !== (slot !== 'comments' || shape.comments))
      throw new Error(`docx skeleton: placeholder ${slot} not where expected`);
  }
  if (!parts.some((p) => p.kind === 'core')) throw new Error(`docx skeleton: no ${CORE}`);
  if (!parts.some((p) => p.kind === 'custom')) throw new Error(`docx skeleton: no ${CUSTOM}`);
  return parts;
}

/** At most 2 × 2 × 2 shapes, so the cache stays small. */
const skeletons = new Map<string, Promise<readonly Part[]>>();

function skeleton(shape: Shape): Promise<readonly Part[]> {
  const key = `${shape.landscape}|${shape.thaiNumerals}|${shape.comments}`;
  let cached = skeletons.get(key);
  if (!cached) {
    cached = buildSkeleton(shape);
    skeletons.set(key, cached);
    cached.catch(() => skeletons.delete(key));
  }
  return cached;
}

/** docx stamps core.xml with the clock; ours carries the document's own date instead. */
function coreXml(sheet: Sheet): string {
  const when = new Date(sheet.created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(sheet.title)}</dc:title><dc:creator>MOU Engine</dc:creator>` +
    '<cp:lastModifiedBy>MOU Engine</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(when)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(when)}</dcterms:modified></cp:coreProperties>`
  );
}

/** The document's identity as custom properties (text values, in a fixed order), so an import can tell what it is. */
export function customXml(sheet: Sheet): string {
  const id = sheet.identity;
  const values: [string, string][] = id
    ? [
        ...(id.agreement !== undefined
          ? [[IDENTITY_PROPERTIES.agreement, id.agreement] as [string, string]]
          : []),
        [IDENTITY_PROPERTIES.versionNo, String(id.versionNo)],
        [IDENTITY_PROPERTIES.doc, id.doc],
        [IDENTITY_PROPERTIES.layout, id.layout],
      ]
    : [[IDENTITY_PROPERTIES.doc, 'document']];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    values
      .map(
        ([name, value], i) =>
          `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}">` +
          `<vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
      )
      .join('') +
    '</Properties>'
  );
}

/** Word bytes for a laid-out sheet; the same sheet always gives the same bytes. */
export async function renderDocx(sheet: Sheet): Promise<Buffer> {
  const parts = await skeleton({
    landscape: sheet.landscape === true,
    thaiNumerals: sheet.thaiNumerals,
    comments: sheet.notes.length > 0,
  });
  const xml = sheetXml(sheet);
  const entries = parts.map((p): ZipEntry => {
    switch (p.kind) {
      case 'static':
        return p.entry;
      case 'slot':
        return zipEntry(p.name, p.before + xml[p.slot] + p.after);
      case 'core':
        return zipEntry(CORE, coreXml(sheet));
      case 'custom':
        return zipEntry(CUSTOM, customXml(sheet));
    }
  });
  return writeZip(entries);
}
