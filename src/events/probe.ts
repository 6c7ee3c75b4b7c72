// A test-only subscriber (MOU_DOOR_PROBE, off by default): records each delivery attempt and, keyed by event id,
// its effect; it can hold forever before or after the effect, so a fault test kills the app at a known point.
import type { Subscriber } from './events';

export interface ProbeStore {
  /** One record per call of the subscriber. */
  attempted(eventId: string, at: string): Promise<void>;
  /** The effect: one record per event id, whatever the number of calls. */
  effect(eventId: string, at: string): Promise<void>;
}

/** Where the probe stops and waits to be killed: before its effect, after it (before the position moves), nowhere. */
export type ProbeHold = 'none' | 'before' | 'after';

const forever = () => new Promise<never>(() => undefined);

export function probeSubscriber(store: ProbeStore, hold: ProbeHold, now: () => Date): Subscriber {
  return {
    name: 'probe',
    async handle(event) {
      await store.attempted(event.id, now().toISOString());
      if (hold === 'before') await forever();
      await store.effect(event.id, now().toISOString());
      if (hold === 'after') await forever();
    },
  };
}
