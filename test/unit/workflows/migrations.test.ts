import { createActor } from 'xstate';
import {
  AGREEMENT_MACHINE_VERSION,
  AGREEMENT_WORKFLOW,
  agreementMachine,
  checkMigrations,
  upgradeSnapshot,
  type PersistedSnapshotJson,
  type SnapshotMigration,
} from '../../../workflows';

const persisted = (): PersistedSnapshotJson =>
  JSON.parse(JSON.stringify(createActor(agreementMachine).getPersistedSnapshot())) as PersistedSnapshotJson;
const stored = (machineVersion: number, snapshot: unknown = persisted()) => ({
  id: 'a-1',
  machineVersion,
  snapshot,
});

// Toy migrations that leave a trace in the context, so the order they ran in shows.
const trace =
  (from: number): SnapshotMigration['migrate'] =>
  (s) => ({ ...s, context: { ...s.context, trail: [...((s.context.trail as number[]) ?? []), from] } });
const oneToTwo: SnapshotMigration = { from: 1, to: 2, migrate: trace(1) };
const twoToThree: SnapshotMigration = { from: 2, to: 3, migrate: trace(2) };

describe('upgrading a stored snapshot', () => {
  it('returns a current snapshot as it is, as a copy the caller may change', () => {
    const record = stored(1);
    const up = upgradeSnapshot({ version: 1, migrations: [] }, record);
    expect(up).toEqual(record.snapshot);
    up.context.round = 7;
    expect(record.snapshot).toEqual(persisted());
  });

  it('reads a snapshot whose empty history and children a store dropped', () => {
    const { historyValue: _h, children: _c, ...bare } = persisted();
    expect(upgradeSnapshot({ version: 1, migrations: [] }, stored(1, bare))).toEqual(persisted());
  });

  it('runs each migration from the stored version to the current one, in order', () => {
    const table = [twoToThree, oneToTwo];
    expect(upgradeSnapshot({ version: 3, migrations: table }, stored(1)).context.trail).toEqual([1, 2]);
    expect(upgradeSnapshot({ version: 3, migrations: table }, stored(2)).context.trail).toEqual([2]);
  });

  it('gives each migration a copy: one that edits in place cannot change the stored record', () => {
    const inPlace: SnapshotMigration = {
      from: 1,
      to: 2,
      migrate: (s) => {
        s.context.round = 99;
        return s;
      },
    };
    const record = stored(1);
    expect(upgradeSnapshot({ version: 2, migrations: [inPlace] }, record).context.round).toBe(99);
    expect(record.snapshot).toEqual(persisted());
  });

  it('refuses, in both languages, a snapshot saved by a newer machine than this code', () => {
    expect(() => upgradeSnapshot({ version: 2, migrations: [oneToTwo] }, stored(3))).toThrow(
      expect.objectContaining({
        code: 'conflict',
        userMessage: {
          th: expect.stringContaining('รุ่น 3 ซึ่งใหม่กว่าโปรแกรมนี้ (รุ่น 2)') as string,
          en: expect.stringContaining('version 3, newer than this program (version 2)') as string,
        },
      }),
    );
  });

  it('refuses a snapshot with no path to the current version', () => {
    expect(() => upgradeSnapshot({ version: 3, migrations: [twoToThree] }, stored(1))).toThrow(
      expect.objectContaining({
        code: 'conflict',
        userMessage: {
          th: expect.stringContaining('รุ่น 1 เป็นรุ่น 2') as string,
          en: expect.stringContaining('no migration from version 1 to 2') as string,
        },
      }),
    );
  });

  it('refuses a stored snapshot, or a migration’s output, that is not a snapshot', () => {
    const target = { version: 2, migrations: [oneToTwo] };
    expect(() => upgradeSnapshot(target, stored(2, { value: 'drafting' }))).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    const broken: SnapshotMigration = { from: 1, to: 2, migrate: (s) => ({ ...s, value: 42 }) as never };
    expect(() => upgradeSnapshot({ version: 2, migrations: [broken] }, stored(1))).toThrow(
      expect.objectContaining({ code: 'conflict', message: expect.stringContaining('version 2') as string }),
    );
  });
});

describe('the table of migrations', () => {
  it('accepts steps from n to n + 1 up to the current version', () => {
    expect(() => checkMigrations(3, [twoToThree, oneToTwo])).not.toThrow();
  });

  it('rejects a step that skips a version, goes past the current one, or starts where another does', () => {
    expect(() => checkMigrations(3, [{ from: 1, to: 3, migrate: (s) => s }])).toThrow(/n to n \+ 1/);
    expect(() => checkMigrations(2, [twoToThree])).toThrow(/at most to version 2/);
    expect(() => checkMigrations(3, [oneToTwo, { ...oneToTwo }])).toThrow(
      /two migrations start at version 1/,
    );
    expect(() => checkMigrations(0, [])).toThrow(/not 1, 2, 3/);
  });

  it('is empty for the agreement machine while it is at version 1', () => {
    expect(AGREEMENT_WORKFLOW).toMatchObject({ version: AGREEMENT_MACHINE_VERSION, migrations: [] });
    expect(AGREEMENT_MACHINE_VERSION).toBe(1);
    expect(() => checkMigrations(AGREEMENT_WORKFLOW.version, AGREEMENT_WORKFLOW.migrations)).not.toThrow();
  });
});
