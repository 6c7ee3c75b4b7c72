// Reads an agreement file for `mou render` and `mou check`: a render request, a fixture story, or bare agreement content.
import { z } from 'zod';
import { AgreementContentInput, type AgreementContent } from '../domain/agreement';
import { derivedArticleKey } from '../domain/article-key';
import { keyContent } from '../domain/article-keys';
import { DomainError } from '../domain/errors';
import { storyFromFixture } from '../domain/fixture';
import { storyWithPartnerText, withPartnerText } from '../domain/fixture-partner';
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
  partnerText?: unknown,
): RenderInput {
  if (!json || typeof json !== 'object') throw badFile('the file does not hold a JSON object');
  if (partnerText !== undefined) {
    // A partner text (--partner-text) goes on the story's draft 2, or on the content (keyed, as a render keys it).
    if ('draft1' in json)
      return storyInput(storyWithPartnerText(storyFromFixture(json), partnerText), doc, layout, meta);
    return {
      doc,
      layout,
      content: contentFromFile(json, undefined, partnerText),
      versionNo: versionNo ?? 1,
      meta,
    };
  }
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

/**
 * The text `mou check` reads from the same files: a render request's `content`, a fixture story's draft (the last one,
 * draft 2, unless `draft` says 1), or bare content. Articles without keys get keys derived from their numbers, as a
 * render does; they are never printed.
 */
export function contentFromFile(json: unknown, draft?: string, partnerText?: unknown): AgreementContent {
  const content = contentOnly(json, draft);
  return partnerText === undefined ? content : withPartnerText(content, partnerText);
}

function contentOnly(json: unknown, draft?: string): AgreementContent {
  if (!json || typeof json !== 'object') throw badFile('the file does not hold a JSON object');
  if ('draft1' in json) {
    const story = storyFromFixture(json);
    if (draft === undefined || draft === '2') return story.draft2;
    if (draft === '1') return story.draft1;
    throw badFile('--draft is 1 or 2');
  }
  if (draft !== undefined)
    throw badFile('--draft applies to a fixture story (draft1, comments, draft2) only');
  const content = AgreementContentInput.safeParse('content' in json ? json.content : json);
  if (!content.success)
    throw badFile(content.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return keyContent(content.data, undefined, (a) => derivedArticleKey('current', a.no));
}

function badFile(why: string): DomainError {
  return new DomainError('invalid-input', {
    th: `ไฟล์ข้อตกลงไม่อยู่ในรูปแบบที่รองรับ: ${why}`,
    en: `The agreement file is not in a supported format: ${why}`,
  });
}
