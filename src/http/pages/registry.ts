// The registry: every agreement the user may see, with search, filters, sorting, pages, counts and a CSV export.
import { countryNameIn } from '../../domain/checks/gazetteer';
import type { Request } from 'express';
import { AGREEMENT_KINDS, PROVINCES } from '../../domain';
import { machineStructure } from '../../../workflows';
import { SORT_KEYS, type AgreementSummary } from '../../app/ports';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import type { Route } from '../types';
import { toCsv } from '../../documents/sheets/csv';
import type { Labels } from './labels';
import {
  filterOf,
  PAGE_SIZE,
  parseRegistryQuery,
  queryString,
  sortOf,
  type RegistryQuery,
} from './registry-query';
import { labelsFor, type PageServices } from './shared';

const CSV_BATCH = 500;
const CSV_MAX_ROWS = 20_000;

function options(values: readonly { id: string; label: string }[], selected: string) {
  return values.map((v) => ({ ...v, selected: v.id === selected }));
}

function rowView(r: AgreementSummary, l: Labels) {
  return {
    ...r,
    provinceLabel: l.province(r.province),
    stateLabel: l.state(r.state),
    kindLabel: l.kind(r.kind),
  };
}

async function filterChoices(s: PageServices, req: Request, l: Labels, q: RegistryQuery) {
  const actor = actorOf(req);
  const [provinces, countries] = await Promise.all([
    s.agreements.distinct(actor, 'province'),
    s.agreements.distinct(actor, 'partnerCountryEn'),
  ]);
  const collator = new Intl.Collator(l.locale);
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  return {
    provinces: options(
      PROVINCES.filter((p) => provinces.includes(p.id))
        .map((p) => ({ id: p.id, label: p.name[l.locale] }))
        .sort(byLabel),
      q.province,
    ),
    countries: options(
      countries.map((c) => ({ id: c, label: countryNameIn(c, l.locale) })).sort(byLabel),
      q.country,
    ),
    kinds: options(
      AGREEMENT_KINDS.map((k) => ({ id: k, label: l.kind(k) })),
      q.kind,
    ),
    states: options(
      machineStructure().states.map((st) => ({ id: st.name, label: l.state(st.name) })),
      q.state,
    ),
    showProvince: actor.role !== 'secretary',
  };
}

export function registryRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'get',
      path: '/registry',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const l = labelsFor(req, catalogue);
        const q = parseRegistryQuery(req.query);
        const filter = filterOf(q);
        const [total, provinces] = await Promise.all([
          s.agreements.count(actor, filter),
          s.agreements.distinct(actor, 'province', filter),
        ]);
        const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
        const page = Math.min(q.page, pages);
        const rows = await s.agreements.list(actor, filter, {
          limit: PAGE_SIZE,
          skip: (page - 1) * PAGE_SIZE,
          sort: sortOf(q, l.locale),
        });
        const sortLinks = Object.fromEntries(
          SORT_KEYS.map((key) => {
            const active = q.sort === key;
            const dir = active && q.dir === 'asc' ? 'desc' : 'asc';
            return [
              key,
              {
                href: `/registry${queryString(q, { sort: key, dir, page: 1 })}`,
                active,
                ariaSort: active ? (q.dir === 'asc' ? 'ascending' : 'descending') : 'none',
                arrow: active ? (q.dir === 'asc' ? '▲' : '▼') : '',
              },
            ];
          }),
        );
        res.render('registry', {
          pageTitle: l.t('registry.title'),
          q,
          rows: rows.map((r) => rowView(r, l)),
          counts: l.t('registry.counts', { pairs: total, provinces: provinces.length }),
          total,
          sortLinks,
          pager: {
            page,
            pages,
            prev: page > 1 ? `/registry${queryString(q, { page: page - 1 })}` : '',
            next: page < pages ? `/registry${queryString(q, { page: page + 1 })}` : '',
            showing: l.t('registry.showing', {
              from: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
              to: (page - 1) * PAGE_SIZE + rows.length,
              total,
            }),
          },
          csvHref: `/registry.csv${queryString(q, { page: 1 })}`,
          ...(await filterChoices(s, req, l, q)),
        });
      },
    },
    {
      method: 'get',
      path: '/registry.csv',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const l = labelsFor(req, catalogue);
        const q = parseRegistryQuery(req.query);
        const rows: AgreementSummary[] = [];
        for (let skip = 0; skip < CSV_MAX_ROWS; skip += CSV_BATCH) {
          const batch = await s.agreements.list(actor, filterOf(q), {
            limit: CSV_BATCH,
            skip,
            sort: sortOf(q, l.locale),
          });
          rows.push(...batch);
          if (batch.length < CSV_BATCH) break;
        }
        const header = [
          'id',
          'province',
          'kind',
          'titleTh',
          'titleEn',
          'partnerTh',
          'partnerEn',
          'partnerCountry',
          'state',
          'stateSince',
          'updatedAt',
        ].map((k) => l.t(`registry.csv.${k}`));
        const body = rows.map((r) => [
          r.id,
          l.province(r.province),
          l.kind(r.kind),
          r.title.th,
          r.title.en,
          r.partnerName.th,
          r.partnerName.en,
          r.partnerCountryEn,
          l.state(r.state),
          r.stateSince,
          r.updatedAt,
        ]);
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', 'attachment; filename="mou-registry.csv"');
        res.setHeader('Cache-Control', 'no-store');
        res.send(toCsv(header, body));
      },
    },
  ];
}
