// Render requests built from the Chiang Mai–Sejong fixture, for document tests and benchmarks.
import { DOC_TYPES, type DocType, type Layout, type RenderInput } from '../../src/documents';
import { storyInput } from '../../src/documents/story';
import { chiangMaiSejong } from './fixtures';

export const SIGNING = { place: { th: 'จังหวัดเชียงใหม่', en: 'Chiang Mai' }, date: '2022-08-24' } as const;

export function fixtureInput(doc: DocType, layout: Layout = 'parallel'): RenderInput {
  return storyInput(chiangMaiSejong(), doc, layout, { date: '2022-05-20', signing: SIGNING });
}

export { DOC_TYPES };
