// The gazetteer page for admins: each province's sister-city committee and governor's title, and the partners added.
import type { Request, Response } from 'express';
import { PROVINCES, type Bilingual } from '../../domain';
import type { Gazetteer } from '../../domain/checks';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field } from '../validate';
import { formError, type FormError } from './render';
import { labelsFor, type PageServices } from './shared';

const bi = (body: unknown, name: string): Bilingual => ({
  th: field(body, `${name}.th`).trim(),
  en: field(body, `${name}.en`).trim(),
});
const filled = (b: Bilingual) => b.th !== '' || b.en !== '';

/** "Kyoto City" → "kyoto-city": the id of a partner added by an admin. */
export function partnerId(en: string): string {
  return en
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export function gazetteerRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  async function page(
    req: Request,
    res: Response,
    o: { status?: number; error?: FormError; province?: string } = {},
  ) {
    const l = labelsFor(req, catalogue);
    const g: Gazetteer = await s.gazetteer.current();
    const chosen = o.province ?? (typeof req.query.province === 'string' ? req.query.province : '');
    const collator = new Intl.Collator(l.locale);
    const provinces = await Promise.all(
      PROVINCES.map(async (p) => ({
        id: p.id,
        name: p.name[l.locale],
        committee: (await s.gazetteer.committee(p.id)) ?? p.committee,
        signatory: g.sides.find((x) => x.id === p.id)?.signatory ?? {
          th: `ผู้ว่าราชการ${p.name.th}`,
          en: `Governor of ${p.name.en}`,
        },
        selected: p.id === chosen,
      })),
    );
    provinces.sort((a, b) => collator.compare(a.name, b.name));
    const country = (id: string) => g.countries.find((c) => c.id === id)?.name[l.locale] ?? id;
    const partners = g.sides
      .filter((x) => x.country !== 'thailand')
      .map((x) => ({
        name: x.name,
        country: country(x.country),
        nativeName: x.nativeName ?? '',
        care: x.care,
      }))
      .sort((a, b) => collator.compare(a.name[l.locale], b.name[l.locale]));
    res.status(o.status ?? 200).render('admin/gazetteer', {
      pageTitle: l.t('agreement.gazetteer.title'),
      provinces,
      editing: provinces.find((p) => p.selected),
      partners,
      countries: g.countries.map((c) => ({ id: c.id, label: c.name[l.locale] })),
      error: o.error,
    });
  }

  const fail = async (req: Request, res: Response, e: unknown, province?: string) => {
    const error = formError(e, req.locale ?? 'th');
    await page(req, res, { status: error.status, error, ...(province ? { province } : {}) });
  };

  return [
    { method: 'get', path: '/admin/gazetteer', access: ['admin'], handler: (req, res) => page(req, res) },
    {
      method: 'post',
      path: '/admin/gazetteer/provinces',
      access: ['admin'],
      handler: async (req, res) => {
        const id = field(req.body, 'province');
        const committee = bi(req.body, 'committee');
        const signatory = bi(req.body, 'signatory');
        try {
          await s.gazetteer.setProvince(actorOf(req), {
            id,
            ...(filled(committee) ? { committee } : {}),
            ...(filled(signatory) ? { signatory } : {}),
          });
          flash(req, { kind: 'success', key: 'agreement.gazetteer.saved' });
          res.redirect(303, `/admin/gazetteer?province=${encodeURIComponent(id)}`);
        } catch (e) {
          await fail(req, res, e, id);
        }
      },
    },
    {
      method: 'post',
      path: '/admin/gazetteer/partners',
      access: ['admin'],
      handler: async (req, res) => {
        const name = bi(req.body, 'name');
        const level = bi(req.body, 'level');
        const signatory = bi(req.body, 'signatory');
        const nativeName = field(req.body, 'nativeName').trim();
        try {
          await s.gazetteer.addPartner(actorOf(req), {
            id: partnerId(name.en),
            name,
            country: field(req.body, 'country'),
            ...(nativeName ? { nativeName } : {}),
            ...(filled(level) ? { level } : {}),
            ...(filled(signatory) ? { signatory } : {}),
          });
          flash(req, { kind: 'success', key: 'agreement.gazetteer.added' });
          res.redirect(303, '/admin/gazetteer#partners');
        } catch (e) {
          await fail(req, res, e);
        }
      },
    },
  ];
}
