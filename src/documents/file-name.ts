// File names for generated documents, e.g. MOU_ChiangMai-Sejong_v2_review.docx (ASCII only, stable).
import type { AgreementContent } from '../domain/agreement';
import type { DocType, Layout } from './input';

/** Words that say what kind of place a party is rather than which place. */
const GENERIC = new Set([
  'province',
  'city',
  'special',
  'self-governing',
  'metropolitan',
  'metropolis',
  'prefecture',
  'state',
  'county',
  'municipality',
  'municipal',
  'district',
  'region',
  'autonomous',
  'government',
  'of',
  'the',
  'and',
  'people',
  'peoples',
]);

/** "Chiang Mai Province" → "ChiangMai"; "Sejong Special Self-Governing City" → "Sejong". */
export function shortPartyName(english: string): string {
  const words = english
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s,]+/)
    .filter((w) => w !== '' && !GENERIC.has(w.toLowerCase()));
  const name = words
    .map((w) => w.replace(/[^A-Za-z0-9]/g, ''))
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join('');
  return name.slice(0, 40) || 'Party';
}

export function documentFileName(
  content: Pick<AgreementContent, 'parties'>,
  versionNo: number,
  doc: DocType,
  layout: Layout = 'parallel',
): string {
  const pair = `${shortPartyName(content.parties.thai.name.en)}-${shortPartyName(content.parties.partner.name.en)}`;
  const suffix = doc === 'mou' ? '' : `_${doc}`;
  return `MOU_${pair}_v${versionNo}${suffix}${layout === 'parallel' ? '' : `_${layout}`}.docx`;
}
