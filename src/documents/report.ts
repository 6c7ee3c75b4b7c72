// MOI's annual report as .docx: the annual-report template (fixed markup) → the document model → the sequential
// layout (Thai, then English) → Word, the same pipeline as every other document.
import type { Bilingual } from '../domain/bilingual';
import { layout } from './layout';
import { parseMarkup } from './markup';
import type { DocModel } from './model';
import { renderDocx } from './render-docx';
import { defaultTemplates, type TemplateSet } from './templates';

export interface ReportFigure {
  title: Bilingual;
  head: Bilingual;
  valueHead: Bilingual;
  rows: { label: Bilingual; value: string | number }[];
}

export interface ReportProvince {
  name: Bilingual;
  pairs: { partner: Bilingual; country: Bilingual; state: Bilingual; evaluated: Bilingual }[];
}

export interface ReportContext {
  title: Bilingual;
  /** YYYY-MM-DD: the report's date, written into the file (never the clock inside the renderer). */
  date: string;
  thaiNumerals: boolean;
  total: number;
  provinceCount: number;
  figures: ReportFigure[];
  provinces: ReportProvince[];
}

export async function renderAnnualReport(
  ctx: ReportContext,
  templates: TemplateSet = defaultTemplates(),
): Promise<Buffer> {
  const parsed = parseMarkup(
    templates.fragment('annual-report')({ ...ctx, numerals: ctx.thaiNumerals ? 'thai' : 'arabic' }),
  );
  const model: DocModel = {
    title: parsed.title,
    created: `${ctx.date}T00:00:00Z`,
    thaiNumerals: parsed.thaiNumerals,
    blocks: parsed.blocks,
    notes: [],
    identity: { doc: 'annual-report', layout: 'sequential', versionNo: 1 },
  };
  return renderDocx(layout(model, 'sequential'));
}
