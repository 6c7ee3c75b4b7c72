// Upgrades a stored statechart snapshot, step by step, from the machine version it was saved with to the current one.
import type { AnyStateMachine } from 'xstate';
import { z } from 'zod';
import { DomainError } from '../src/domain/errors';
import { AGREEMENT_MACHINE_VERSION, agreementMachine, type AgreementMachine } from './agreement-machine';

type StateValueJson = string | { [region: string]: StateValueJson };
const StateValueJson: z.ZodType<StateValueJson> = z.lazy(() =>
  z.union([z.string(), z.record(z.string(), StateValueJson)]),
);

/**
 * A persisted XState machine snapshot as JSON (what `getPersistedSnapshot` gives, through JSON). Loose, so keys
 * a later xstate adds survive a migration untouched.
 */
export const PersistedSnapshotJson = z.looseObject({
  status: z.enum(['active', 'done', 'error', 'stopped']),
  value: StateValueJson,
  context: z.record(z.string(), z.unknown()),
  // xstate always writes these two; a store that drops empty objects would lose them, so absent reads as empty.
  historyValue: z.record(z.string(), z.unknown()).default({}),
  children: z.record(z.string(), z.unknown()).default({}),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type PersistedSnapshotJson = z.infer<typeof PersistedSnapshotJson>;

/** One step of the table: rewrites a snapshot of machine version `from` into one of `to` = from + 1. Pure. */
export interface SnapshotMigration {
  from: number;
  to: number;
  migrate(snapshot: PersistedSnapshotJson): PersistedSnapshotJson;
}

/** A machine with the version its snapshots are stored under, and the migrations that lead to it. */
export interface VersionedMachine<M extends AnyStateMachine = AnyStateMachine> {
  machine: M;
  version: number;
  migrations: readonly SnapshotMigration[];
}

/** What upgrading needs from a stored record. */
export interface StoredSnapshot {
  id: string;
  machineVersion: number;
  snapshot: unknown;
}

/**
 * Throws (a programming error, at start) unless every entry goes from n to n + 1 below the current version,
 * and no version has two ways out — so the path from any older version is unique.
 */
export function checkMigrations(version: number, migrations: readonly SnapshotMigration[]): void {
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`machine version ${version} is not 1, 2, 3…`);
  const seen = new Set<number>();
  for (const m of migrations) {
    if (!Number.isInteger(m.from) || m.from < 1 || m.to !== m.from + 1 || m.to > version) {
      throw new Error(`migration ${m.from}→${m.to} must go from n to n + 1, at most to version ${version}`);
    }
    if (seen.has(m.from)) throw new Error(`two migrations start at version ${m.from}`);
    seen.add(m.from);
  }
}

function unreadable(stored: StoredSnapshot, atVersion: number): DomainError {
  return new DomainError('conflict', {
    th: `อ่านสถานะกระบวนงานที่บันทึกไว้ของความตกลง ${stored.id} ไม่ได้ (รุ่น ${atVersion}) กรุณาแจ้งผู้ดูแลระบบ`,
    en: `The stored workflow state of agreement ${stored.id} cannot be read (version ${atVersion}); tell the administrator`,
  });
}

function parse(json: unknown, stored: StoredSnapshot, atVersion: number): PersistedSnapshotJson {
  const r = PersistedSnapshotJson.safeParse(json);
  if (!r.success) throw unreadable(stored, atVersion);
  return r.data;
}

// A JSON round trip: each migration gets its own copy, so one that edits in place cannot change the record.
const copyJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown;

/**
 * The stored snapshot at the current machine version: unchanged when already current, else passed through each
 * migration in turn. Refuses (conflict) a snapshot newer than this code, one with no path, and an unreadable one.
 */
export function upgradeSnapshot(
  target: Pick<VersionedMachine, 'version' | 'migrations'>,
  stored: StoredSnapshot,
): PersistedSnapshotJson {
  const from = stored.machineVersion;
  if (!Number.isInteger(from) || from > target.version) {
    throw new DomainError('conflict', {
      th: `ความตกลง ${stored.id} ถูกบันทึกด้วยกระบวนงานรุ่น ${from} ซึ่งใหม่กว่าโปรแกรมนี้ (รุ่น ${target.version}) กรุณาปรับรุ่นโปรแกรม`,
      en: `Agreement ${stored.id} was saved by workflow version ${from}, newer than this program (version ${target.version}); upgrade the program`,
    });
  }
  let snapshot = parse(copyJson(stored.snapshot), stored, from);
  for (let v = from; v < target.version; v += 1) {
    const step = target.migrations.find((m) => m.from === v);
    if (!step) {
      throw new DomainError('conflict', {
        th: `ความตกลง ${stored.id} ถูกบันทึกด้วยกระบวนงานรุ่น ${from} และไม่มีวิธีปรับจากรุ่น ${v} เป็นรุ่น ${v + 1} กรุณาแจ้งผู้ดูแลระบบ`,
        en: `Agreement ${stored.id} was saved by workflow version ${from}, and there is no migration from version ${v} to ${v + 1}; tell the administrator`,
      });
    }
    snapshot = parse(copyJson(step.migrate(snapshot)), stored, step.to);
  }
  return snapshot;
}

/**
 * The agreement machine's table. Empty while AGREEMENT_MACHINE_VERSION is 1: whoever bumps the version to n adds
 * `{ from: n - 1, to: n, migrate }` here, with a test that every old state lands where it should.
 */
export const AGREEMENT_MIGRATIONS: readonly SnapshotMigration[] = [];

export const AGREEMENT_WORKFLOW: VersionedMachine<AgreementMachine> = {
  machine: agreementMachine,
  version: AGREEMENT_MACHINE_VERSION,
  migrations: AGREEMENT_MIGRATIONS,
};
