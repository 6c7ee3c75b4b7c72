// MOI's figures as tables in the page's language: what the page shows beside each chart, and what CSV and .xlsx
// export (the same rows, so a download says what the page says).
import { countryNameIn } from '../../domain/checks/gazetteer';
import type { Statistics } from '../../statistics/figures';
import type { Labels } from './labels';

export const TABLE_IDS = [
  'byProvince',
  'byCountry',
  'byKind',
  'byState',
  'signedByYear',
  'stepDays',
  'activitiesByYear',
  'dormant',
  'missingEvaluations',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface FigureTable {
  id: TableId;
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** The bars of its chart: a label and a value per row (none for the dormant list). */
  bars?: { label: string; value: number }[];
}

const w = (l: Labels, key: string) => l.t(`statistics.page.${key}`);

export function figureTables(s: Statistics, l: Labels): FigureTable[] {
  const counted = (id: TableId, head: string, rows: { label: string; count: number }[]): FigureTable => ({
    id,
    title: w(l, `tables.${id}`),
    columns: [head, w(l, 'columns.count')],
    rows: rows.map((r) => [r.label, r.count]),
    bars: rows.map((r) => ({ label: r.label, value: r.count })),
  });
  return [
    counted(
      'byProvince',
      w(l, 'columns.province'),
      s.byProvince.map((r) => ({ label: l.province(r.province), count: r.count })),
    ),
    counted(
      'byCountry',
      w(l, 'columns.country'),
      s.byCountry.map((r) => ({
        label: r.country ? countryNameIn(r.country, l.locale) : '—',
        count: r.count,
      })),
    ),
    counted(
      'byKind',
      w(l, 'columns.kind'),
      s.byKind.map((r) => ({ label: l.kind(r.kind), count: r.count })),
    ),
    counted(
      'byState',
      w(l, 'columns.state'),
      s.byState.map((r) => ({ label: l.state(r.state), count: r.count })),
    ),
    counted(
      'signedByYear',
      w(l, 'columns.year'),
      s.signedByYear.map((r) => ({
        label: l.locale === 'th' ? `${r.year + 543} (${r.year})` : String(r.year),
        count: r.count,
      })),
    ),
    {
      id: 'stepDays',
      title: w(l, 'tables.stepDays'),
      columns: [w(l, 'columns.state'), w(l, 'columns.median'), w(l, 'columns.p90'), w(l, 'columns.steps')],
      rows: s.stepDays.map((r) => [l.state(r.state), r.median, r.p90, r.count]),
      bars: s.stepDays.map((r) => ({ label: l.state(r.state), value: r.median })),
    },
    {
      id: 'activitiesByYear',
      title: w(l, 'tables.activitiesByYear'),
      columns: [
        w(l, 'columns.year'),
        w(l, 'columns.activities'),
        w(l, 'columns.pairs'),
        w(l, 'columns.perPair'),
      ],
      rows: s.activitiesByYear.map((r) => [r.year, r.activities, r.pairs, r.perPair]),
      bars: s.activitiesByYear.map((r) => ({ label: String(r.year), value: r.activities })),
    },
    {
      id: 'dormant',
      title: w(l, 'tables.dormant'),
      columns: [w(l, 'columns.province'), w(l, 'columns.partner'), w(l, 'columns.lastActive')],
      rows: s.dormant.map((r) => [
        l.province(r.province),
        r.partner[l.locale],
        r.lastActiveAt?.slice(0, 10) ?? '—',
      ]),
    },
    {
      id: 'missingEvaluations',
      title: w(l, 'tables.missingEvaluations'),
      columns: [w(l, 'columns.province'), w(l, 'columns.partner'), w(l, 'columns.year')],
      rows: s.missingEvaluations.map((r) => [l.province(r.province), r.partner[l.locale], r.year]),
    },
  ];
}
