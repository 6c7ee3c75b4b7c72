// Who is told about a door event, and what they are told (pure): the step's next role (a secretary only of her own
// province, never someone who may not see the agreement), the province for comments, the comment's author for answers.
import type { DoorEvent } from '../events/events';
import { mayPerform, waitingStates, isEventType } from '../../workflows';
import type { Person } from './ports';

/** Who a kind of notice goes to. */
export type Audience =
  /** Everyone whose role has a next step in the agreement's state (its queue). */
  | 'waiting'
  /** The province's own people: those who answer comments. */
  | 'province'
  /** The author of the comment the entry concerns. */
  | 'comment-author';

/** What a door event is, for notifications: its kind, audience, and the fields every kind has. */
export interface Occasion {
  kind: string;
  audience: Audience;
  eventId: string;
  agreementId: string;
  province: string;
  state: string;
  event?: string;
  at: string;
  /** Whoever caused it (never told of their own act). */
  actorId?: string;
  commentId?: string;
}

/** History entries that are not steps but still tell someone. */
const ENTRY_KINDS: Readonly<Record<string, { kind: string; audience: Audience }>> = {
  ADD_COMMENT: { kind: 'comment', audience: 'province' },
  IMPORT_REVIEW: { kind: 'comment', audience: 'province' },
  ANSWER_COMMENT: { kind: 'answer', audience: 'comment-author' },
};

/**
 * Time events by kind. A kind not listed here (an expiry or evaluation reminder added later) goes to the province;
 * one entry here gives it another audience. Its words are `notifications.kinds.<kind>`.
 */
export const TIME_AUDIENCES: Readonly<Partial<Record<string, Audience>>> = {
  overdue: 'waiting',
};

interface TimeFields {
  kind: string;
  id: string;
  agreementId: string;
  province: string;
  state?: string;
  dueAt?: string;
  at?: string;
}

/** The notice a door event gives, or undefined when it tells no one (an edit, the creation, a withdrawal). */
export function occasionOf(event: DoorEvent): Occasion | undefined {
  if (event.kind === 'entry') {
    const { entry } = event;
    const base = {
      eventId: event.id,
      agreementId: event.agreementId,
      province: event.province,
      state: event.state,
      event: entry.event,
      at: entry.at,
      actorId: entry.actor.userId,
      ...(entry.commentId ? { commentId: entry.commentId } : {}),
    };
    if (isEventType(entry.event)) return { ...base, kind: 'waiting', audience: 'waiting' };
    const k = ENTRY_KINDS[entry.event];
    return k ? { ...base, ...k } : undefined;
  }
  // Every other kind is a time event: read by its common fields, so a new kind needs no code here.
  const t = event as TimeFields;
  return {
    kind: t.kind,
    audience: TIME_AUDIENCES[t.kind] ?? 'province',
    eventId: t.id,
    agreementId: t.agreementId,
    province: t.province,
    state: t.state ?? '',
    at: t.dueAt ?? t.at ?? '',
  };
}

/** The people an occasion tells: enabled, allowed to see the agreement, not the one who caused it, never admins. */
export function recipients(o: Occasion, people: readonly Person[], commentAuthor?: string): Person[] {
  return people.filter((p) => {
    if (p.disabled || p.role === 'admin' || p.id === o.actorId) return false;
    // The one visibility rule (workflows/permissions.ts): another province's secretary is never told.
    if (!mayPerform(p, 'VIEW', o.province)) return false;
    switch (o.audience) {
      case 'waiting':
        return waitingStates(p.role).includes(o.state);
      case 'province':
        return mayPerform(p, 'ANSWER_COMMENT', o.province);
      case 'comment-author':
        return commentAuthor !== undefined && p.id === commentAuthor;
    }
  });
}
