// My queue: the agreements waiting for my role (and my province), the longest-waiting first, with overdue badges.
import { waitingStates } from '../../../workflows';
import { daysInStep, isOverdue, overdueLimit as limitOf } from '../../domain';
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
        const [rows, total] = await Promise.all([
          s.agreements.list(actor, filter, page),
          s.agreements.count(actor, filter),
        ]);
        const now = s.now?.() ?? new Date();
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
        res.render('queue', {
          pageTitle: l.t('queue.title'),
          items,
          total,
          shown: items.length,
          truncated: total > items.length,
          overdueCount: items.filter((i) => i.overdue).length,
          waitingFor: states.map((st) => l.state(st)).join(', '),
          canCreate: actor.role === 'secretary' || actor.role === 'admin',
        });
      },
    },
  ];
}
