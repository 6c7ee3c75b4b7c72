// My queue: the agreements waiting for my role (and my province), the longest-waiting first, with overdue badges.
import { waitingStates } from '../../../workflows';
import { bangkokDay, daysInStep, isOverdue, overdueLimit as limitOf, termStanding } from '../../domain';
import { englishDate, parseIsoDate, thaiDate } from '../../domain/thai-format';
import type { Config } from '../../config';
import { actorOf } from '../auth/actor';
import type { Route } from '../types';
import { labelsFor, type PageServices } from './shared';
import type { Catalogue } from '../../i18n/catalogue';

const QUEUE_LIMIT = 200;

export function overdueLimit(config: Config, state: string): number {
  return limitOf(config.overdueDays, state);
}

export function queueRoutes(s: PageServices, config: Config, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'get',
      path: '/queue',
      access: 'login',
      handler: async (req, res) => {
        const actor = actorOf(req);
        const l = labelsFor(req, catalogue);
        const states = waitingStates(actor.role);
        const filter = { states };
        const page = { limit: QUEUE_LIMIT, skip: 0, sort: { key: 'stateSince', dir: 'asc' } } as const;
        // Signed agreements whose term ends within six months, or ended without a renewal: the expiry is data on each.
        const signed = { states: ['inForce', 'renewal'] };
        const [rows, total, inForce] = await Promise.all([
          s.agreements.list(actor, filter, page),
          s.agreements.count(actor, filter),
          s.agreements.list(actor, signed, { limit: 5000, skip: 0, sort: { key: 'stateSince', dir: 'asc' } }),
        ]);
        const now = s.now?.() ?? new Date();
        const today = bangkokDay(now);
        const dateOf = (iso: string) => {
          const d = parseIsoDate(iso);
          return d ? (l.locale === 'th' ? thaiDate(d) : englishDate(d)) : iso;
        };
        const expiry = inForce
          .flatMap((r) => {
            if (!r.expiresOn) return [];
            const standing = termStanding(r.expiresOn, today);
            return standing === 'running' ? [] : [{ ...r, standing, expiresOn: r.expiresOn }];
          })
          .sort((x, y) => x.expiresOn.localeCompare(y.expiresOn) || x.id.localeCompare(y.id))
          .map((r) => ({
            ...r,
            provinceLabel: l.province(r.province),
            stateLabel: l.state(r.state),
            expiresLabel: dateOf(r.expiresOn),
            standingLabel: l.t(
              r.standing === 'expired' ? 'partnership.term.expired' : 'partnership.term.expiring',
            ),
            expired: r.standing === 'expired',
          }));
        const items = rows.map((r) => {
          const days = daysInStep(r.stateSince, now);
          const limit = overdueLimit(config, r.state);
          return {
            ...r,
            provinceLabel: l.province(r.province),
            stateLabel: l.state(r.state),
            kindLabel: l.kind(r.kind),
            days,
            overdue: isOverdue(days, limit),
            overdueBy: days - limit,
          };
        });
        const due = s.statistics ? await s.statistics.evaluationsDue(actor) : [];
        res.render('queue', {
          evaluationsDue: due.slice(0, 100).map((e) => ({
            ...e,
            provinceLabel: l.province(e.province),
            partnerLabel: e.partner[l.locale],
          })),
          evaluationsDueTitle: due[0] ? l.t('statistics.evaluation.due', { year: due[0].year }) : '',
          pageTitle: l.t('queue.title'),
          items,
          total,
          shown: items.length,
          truncated: total > items.length,
          overdueCount: items.filter((i) => i.overdue).length,
          waitingFor: states.map((st) => l.state(st)).join(', '),
          canCreate: actor.role === 'secretary' || actor.role === 'admin',
          expiry,
        });
      },
    },
  ];
}
