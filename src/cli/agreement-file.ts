// Reads an agreement file for `mou render`: a render request, a fixture story, or bare agreement content.
import { z } from 'zod';
import { AgreementContentInput } from '../domain/agreement';
import { DomainError } from '../domain/errors';
import { storyFromFixture } from '../domain/fixture';
import type { DocType, Layout, RenderInput, RenderMeta } from '../documents';
import { storyInput } from '../documents/story';

/**
 * Accepted JSON shapes (detected in this order):
 * 1. a render request: `{ content, versionNo, previous?, comments?, meta?, doc?, layout? }` (src/documents/input.ts);
 *    --doc / --layout override its own doc and layout;
 * 2. a fixture story (fixtures/*.json: `draft1`, `comments`, `draft2`, `committee`) — each document picks its draft;
 * 3. bare agreement content (`kind`, `parties`, `title`, `preamble`, `articles`…) with --version (default 1).
 */
export function inputFromFile(
  json: unknown,
  doc: DocType,
  layout: Layout,
  meta: RenderMeta,
  versionNo?: number,
): RenderInput {
  if (!json || typeof json !== 'object') throw badFile('the file does not hold a JSON object');
  if ('content' in json) {
    const req = z
      .object({
        content: z.unknown(),
        versionNo: z.number().optional(),
        meta: z.object({}).passthrough().optional(),
      })
      .passthrough()
      .parse(json);
    const { doc: _d, layout: _l, ...rest } = req as Record<string, unknown>;
    return {
      ...(rest as Omit<RenderInput, 'doc' | 'layout'>),
      doc,
      layout,
      meta: { ...(req.meta ?? {}), ...meta },
    };
  }
  if ('draft1' in json) return storyInput(storyFromFixture(json), doc, layout, meta);
  const content = AgreementContentInput.safeParse(json);
  if (!content.success)
    throw badFile(content.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return { doc, layout, content: content.data, versionNo: versionNo ?? 1, meta };
}

function badFile(why: string): DomainError {
  return new DomainError('invalid-input', {
    th: `ไฟล์ข้อตกลงไม่อยู่ในรูปแบบที่รองรับ: ${why}`,
    en: `The agreement file is not in a supported format: ${why}`,
  });
}
