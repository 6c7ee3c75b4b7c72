// MOI's annual report, per province or for the country: the figures as tables, every province with its pairs (state,
// whether the year is evaluated), the activities per year — composed from the statistics' facts, rendered as .docx.
import { PROVINCES, findProvince, type Actor, type Bilingual } from '../domain';
import { toThaiDigits } from '../domain/thai-format';
import { countryNameIn } from '../domain/checks/gazetteer';
import { renderAnnualReport, type ReportContext, type ReportFigure } from '../documents/report';
import type { Catalogue } from '../i18n/catalogue';
import type { StatisticsService } from '../statistics/service';
import type { Clock } from './ports';

export interface AnnualReports {
  /** The report of `year` (default: the year just ended), for one province or the country. */
  render(actor: Actor, o: { province?: string; year?: number }): Promise<{ bytes: Buffer; fileName: string }>;
}

export function createAnnualReports(d: {
  statistics: StatisticsService;
  catalogue: Catalogue;
  clock: Clock;
}): AnnualReports {
  const both = (key: string, params?: Record<string, string | number>): Bilingual =>
    d.catalogue.bilingual(key, params);
  const state = (s: string) => both(`agreement.states.${s}`);
  /** A Buddhist-era year in the Thai text, the Gregorian one in the English. */
  const byYear = (key: string, year: number): Bilingual => ({
    th: d.catalogue.t('th', key, { year: toThaiDigits(year + 543) }),
    en: d.catalogue.t('en', key, { year }),
  });
  const kind = (k: string) => both(`agreement.kinds.${k}`);
  const province = (id: string): Bilingual => findProvince(id)?.name ?? { th: id, en: id };
  const country = (en: string): Bilingual => ({ th: countryNameIn(en, 'th') || en, en: en || '—' });
  return {
    async render(actor, o) {
      const now = d.clock.now();
      const year = o.year ?? now.getUTCFullYear() - 1;
      const filter = o.province ? { province: o.province } : {};
      const [s, facts] = await Promise.all([
        d.statistics.figures(actor, filter),
        d.statistics.facts(actor, filter),
      ]);
      const count = both('statistics.page.columns.count');
      const fig = (
        id: string,
        head: Bilingual,
        rows: ReportFigure['rows'],
        valueHead = count,
      ): ReportFigure => ({
        title: both(`statistics.page.tables.${id}`),
        head,
        valueHead,
        rows,
      });
      const col = (c: string) => both(`statistics.page.columns.${c}`);
      const figures: ReportFigure[] = [
        fig(
          'byProvince',
          col('province'),
          s.byProvince.map((r) => ({ label: province(r.province), value: r.count })),
        ),
        fig(
          'byCountry',
          col('country'),
          s.byCountry.map((r) => ({ label: country(r.country), value: r.count })),
        ),
        fig(
          'byKind',
          col('kind'),
          s.byKind.map((r) => ({ label: kind(r.kind), value: r.count })),
        ),
        fig(
          'byState',
          col('state'),
          s.byState.map((r) => ({ label: state(r.state), value: r.count })),
        ),
        fig(
          'signedByYear',
          col('year'),
          s.signedByYear.map((r) => ({
            label: { th: String(r.year + 543), en: String(r.year) },
            value: r.count,
          })),
        ),
        fig(
          'stepDays',
          col('state'),
          s.stepDays.map((r) => ({ label: state(r.state), value: `${r.median} / ${r.p90}` })),
          { th: `${col('median').th} / ${col('p90').th}`, en: `${col('median').en} / ${col('p90').en}` },
        ),
        fig(
          'activitiesByYear',
          col('year'),
          s.activitiesByYear.map((r) => ({
            label: { th: String(r.year + 543), en: String(r.year) },
            value: r.activities,
          })),
          col('activities'),
        ),
      ];
      const yes = byYear('statistics.report.evaluated', year);
      const no = both('statistics.report.notEvaluated');
      const byProvince = new Map<string, typeof facts>();
      for (const f of facts) byProvince.set(f.province, [...(byProvince.get(f.province) ?? []), f]);
      const ctx: ReportContext = {
        title: byYear(o.province ? 'statistics.report.titleProvince' : 'statistics.report.title', year),
        date: now.toISOString().slice(0, 10),
        thaiNumerals: true,
        total: s.total,
        provinceCount: byProvince.size,
        figures,
        provinces: PROVINCES.filter((p) => byProvince.has(p.id)).map((p) => ({
          name: p.name,
          pairs: (byProvince.get(p.id) ?? []).map((f) => ({
            partner: f.partner,
            country: country(f.country),
            state: state(f.state),
            evaluated: f.evaluated?.includes(year) ? yes : no,
          })),
        })),
      };
      if (o.province) {
        const name = province(o.province);
        ctx.title = {
          th: `${ctx.title.th}${name.th}`,
          en: `${ctx.title.en}${name.en}`,
        };
      }
      return {
        bytes: await renderAnnualReport(ctx),
        fileName: `MOU_annual-report_${year}${o.province ? `_${o.province}` : ''}.docx`,
      };
    },
  };
}
