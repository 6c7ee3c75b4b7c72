// The documents API: render any document of the approval path to .docx from templates.
import { createHash } from 'node:crypto';
import { compose } from './compose';
import { documentFileName } from './file-name';
import type { RenderInput } from './input';
import { layout } from './layout';
import type { DocModel } from './model';
import { renderDocx } from './render-docx';
import { defaultTemplates, type TemplateSet } from './templates';
import { validateRenderInput } from './validate';

export { DOC_TYPES, LAYOUTS, RenderMeta } from './input';
export type { DocType, Layout, RenderInput } from './input';
export { documentFileName, shortPartyName } from './file-name';
export { fillClosing } from './compose';
export { loadTemplates, type TemplateSet } from './templates';
export type { DocModel } from './model';

export interface RenderedDocument {
  readonly buffer: Buffer;
  /** Hex SHA-256 of `buffer`; the same input always gives the same bytes and so the same hash. */
  readonly sha256: string;
  /** e.g. MOU_ChiangMai-Sejong_v2_review.docx */
  readonly fileName: string;
  readonly mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
}

/** Validate (DomainError 'validation-failed' on bad input) and compose the document model. */
export function composeDocument(input: unknown, templates: TemplateSet = defaultTemplates()): DocModel {
  return compose(validateRenderInput(input), templates);
}

/** Render one document of the approval path as .docx. Throws DomainError for input a user can fix. */
export async function renderDocument(
  input: RenderInput,
  templates: TemplateSet = defaultTemplates(),
): Promise<RenderedDocument> {
  const valid = validateRenderInput(input);
  const buffer = await renderDocx(layout(compose(valid, templates), valid.layout));
  return {
    buffer,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    fileName: documentFileName(valid.content, valid.versionNo, valid.doc, valid.layout),
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
