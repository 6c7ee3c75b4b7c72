// MOI's statistics page: each figure as a server-rendered SVG chart with its table beside it, filters by year and
// province, and every table as CSV or all of them as one .xlsx.
import type { Request } from 'express';
import { z } from 'zod';
import { DomainError } from '../../domain';
import { writeWorkbook } from '../../documents/sheets/write-workbook';
import type { Catalogue } from '../../i18n/catalogue';
import type { StatisticsFilter } from '../../statistics/figures';
import type { StatisticsService } from '../../statistics/service';
import type { AnnualReports } from '../../app/annual-report';
import { actorOf } from '../auth/actor';
import type { Route } from '../types';
import { barChartSvg } from './bar-chart-svg';
import { toCsv } from '../../documents/sheets/csv';
import { figureTables, TABLE_IDS } from './statistics-tables';
import { labelsFor } from './shared';

const Query = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  province: z
    .string()
    .max(64)
    .optional()
    .transform((p) => p || undefined),
  table: z.enum(TABLE_IDS).optional(),
});

const READERS = ['moi', 'mfa', 'admin'] as const;

function filterOf(req: Request): {
  filter: StatisticsFilter;
  qs: string;
  table?: (typeof TABLE_IDS)[number];
} {
  const r = Query.safeParse(req.query);
  if (!r.success)
    throw new DomainError('invalid-input', {
      th: 'ตัวกรองไม่ถูกต้อง: ปีต้องเป็นตัวเลข 4 หลัก (ค.ศ.)',
      en: 'Invalid filter: the year must be four digits (Gregorian)',
    });
  const { year, province, table } = r.data;
  const filter = { ...(year !== undefined ? { year } : {}), ...(province ? { province } : {}) };
  const qs = new URLSearchParams({
    ...(year !== undefined ? { year: String(year) } : {}),
    ...(province ? { province } : {}),
  }).toString();
  return { filter, qs, ...(table ? { table } : {}) };
}

export function statisticsRoutes(
  s: { statistics?: StatisticsService; annualReports?: AnnualReports },
  catalogue: Catalogue,
): Route[] {
  const service = () => {
    if (!s.statistics) throw new Error('statistics are not wired');
    return s.statistics;
  };
  return [
    {
      method: 'get',
      path: '/statistics',
      access: READERS,
      handler: async (req, res) => {
        const actor = actorOf(req);
        const l = labelsFor(req, catalogue);
        const { filter, qs } = filterOf(req);
        const [figures, everything] = await Promise.all([
          service().figures(actor, filter),
          service().figures(actor, {}),
        ]);
        const sep = qs ? `&${qs}` : '';
        const tables = figureTables(figures, l).map((t) => ({
          ...t,
          svg: t.bars && t.bars.length > 0 ? barChartSvg(t.id, t.title, t.bars) : '',
          csvHref: `/statistics/export.csv?table=${t.id}${sep}`,
        }));
        res.render('statistics', {
          pageTitle: l.t('statistics.page.title'),
          total: l.t('statistics.page.total', { total: figures.total }),
          tables,
          years: everything.signedByYear
            .map((y) => ({
              id: String(y.year),
              label: l.locale === 'th' ? String(y.year + 543) : String(y.year),
            }))
            .map((o) => ({ ...o, selected: o.id === String(filter.year ?? '') })),
          provinces: everything.byProvince
            .map((p) => ({
              id: p.province,
              label: l.province(p.province),
              selected: p.province === filter.province,
            }))
            .sort((a, b) => a.label.localeCompare(b.label, l.locale)),
          xlsxHref: `/statistics/export.xlsx${qs ? `?${qs}` : ''}`,
          reportHref: `/statistics/report.docx${qs ? `?${qs}` : ''}`,
        });
      },
    },
    {
      method: 'get',
      path: '/statistics/export.csv',
      access: READERS,
      handler: async (req, res) => {
        const l = labelsFor(req, catalogue);
        const { filter, table } = filterOf(req);
        const id = table ?? 'byProvince';
        const t = figureTables(await service().figures(actorOf(req), filter), l).find((x) => x.id === id);
        res
          .type('text/csv; charset=utf-8')
          .attachment(`statistics-${id}.csv`)
          .send(toCsv(t?.columns ?? [], t?.rows ?? []));
      },
    },
    {
      method: 'get',
      path: '/statistics/report.docx',
      access: READERS,
      handler: async (req, res) => {
        if (!s.annualReports) throw new Error('annual reports are not wired');
        const { filter } = filterOf(req);
        const r = await s.annualReports.render(actorOf(req), filter);
        res
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .attachment(r.fileName)
          .send(r.bytes);
      },
    },
    {
      method: 'get',
      path: '/statistics/export.xlsx',
      access: READERS,
      handler: async (req, res) => {
        const l = labelsFor(req, catalogue);
        const { filter } = filterOf(req);
        const tables = figureTables(await service().figures(actorOf(req), filter), l);
        const bytes = await writeWorkbook(
          tables.map((t) => ({ name: t.title, columns: t.columns, rows: t.rows })),
        );
        res
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .attachment('statistics.xlsx')
          .send(bytes);
      },
    },
  ];
}
