// Validates a render request at the edge: schema first, then every string for characters XML cannot carry.
import { z } from 'zod';
import { hasXmlIllegalChars } from '../domain/bilingual';
import { DomainError, type FieldIssue } from '../domain/errors';
import { RenderInput, type DocType, type ValidRenderInput } from './input';

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Every string in a value with its path, for the character check. */
function* strings(v: unknown, path: PropertyKey[] = []): Generator<[string, string]> {
  if (typeof v === 'string') yield [pathOf(path), v];
  else if (Array.isArray(v)) for (const [i, x] of v.entries()) yield* strings(x, [...path, i]);
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) yield* strings(x, [...path, k]);
}

const ILLEGAL: FieldIssue['message'] = {
  th: 'มีอักขระควบคุมหรืออักขระที่ไม่สมบูรณ์ซึ่งเอกสารไม่สามารถบรรจุได้ กรุณาลบออกแล้วลองใหม่',
  en: 'contains control characters or broken (unpaired surrogate) characters that a Word document cannot hold; remove them and try again',
};

export function validateRenderInput(input: unknown): ValidRenderInput {
  const bad: FieldIssue[] = [...strings(input)]
    .filter(([, s]) => hasXmlIllegalChars(s))
    .map(([path]) => ({ path, message: ILLEGAL }));
  if (bad.length > 0) {
    throw new DomainError(
      'validation-failed',
      {
        th: `ข้อความบางช่องมีอักขระที่ใช้ในเอกสารไม่ได้: ${bad.map((b) => b.path).join(', ')}`,
        en: `Some fields contain characters a document cannot hold: ${bad.map((b) => b.path).join(', ')}`,
      },
      bad,
    );
  }
  const parsed = RenderInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i: z.core.$ZodIssue) => ({
      path: pathOf(i.path),
      message: { th: `ข้อมูลไม่ถูกต้อง: ${i.message}`, en: i.message },
    }));
    throw new DomainError(
      'validation-failed',
      {
        th: `ข้อมูลสำหรับจัดทำเอกสารไม่ถูกต้อง (${issues.map((i) => i.path || '(ทั้งหมด)').join(', ')})`,
        en: `The document request is not valid (${issues.map((i) => i.path || '(root)').join(', ')})`,
      },
      issues,
    );
  }
  const v = parsed.data;
  if ((v.doc === 'redline' || v.doc === 'comparison') && !v.previous) {
    throw new DomainError('validation-failed', {
      th: 'การจัดทำเอกสารเปรียบเทียบต้องมีร่างฉบับก่อนหน้า',
      en: `A ${v.doc} needs the previous version of the text ("previous").`,
    });
  }
  if (v.layout === 'separate' && !SEPARATE_DOCS.has(v.doc)) throw separateRefused(v.doc);
  return v;
}

/** The documents signed as two originals, and so the only ones with a `separate` layout (DOMAIN.md §8). */
export const SEPARATE_DOCS: ReadonlySet<DocType> = new Set<DocType>(['mou', 'signing']);

export function separateRefused(doc: DocType): DomainError {
  return new DomainError('validation-failed', {
    th: 'รูปแบบแยกฉบับภาษาไทยและภาษาอังกฤษใช้ได้เฉพาะตัวบันทึกความเข้าใจและฉบับสำหรับลงนาม กรุณาเลือกแบบสองคอลัมน์หรือแบบเรียงภาษา',
    en: `The separate layout (a Thai and an English original) is only for the MOU and the signing copy, not the ${doc}; choose parallel or sequential.`,
  });
}
