// Bringing in the pairs that exist (MOI's list, .xlsx or .csv): a dry run that names each refused row and why, then
// the import of the valid rows as agreements in their state, each with one history entry citing the file's SHA-256.
import { chainEntry, invalid, NO_FLAGS, notAllowed, sha256Hex, type Actor } from '../domain';
import { KIND_TITLE } from '../domain/clauses/model-form';
import {
  checkRows,
  mapColumns,
  pairKeys,
  thaiHeader,
  type PairRow,
  type RowReason,
  type SheetTable,
} from '../domain/registry-import';
import { AGREEMENT_MACHINE_VERSION } from '../../workflows';
import type { GazetteerService } from './gazetteer-service';
import type { AgreementRecord, AgreementRepository, Clock, RegistryImportStore } from './ports';
import type { RecordWriter } from './record-writer';
import { who } from './service-checks';
import { persistedSnapshotIn } from './workflow-runtime';

export interface RegistryImportResult {
  /** Data rows read (the header not counted). */
  rows: number;
  /** Agreements brought in (0 in a dry run). */
  imported: number;
  /** Rows that can come in (the dry run's answer; equal to imported after an import). */
  valid: number;
  refused: { row: number; reasons: RowReason[] }[];
  fileSha256: string;
  /** Partners added to the gazetteer for an admin to confirm (planned, in a dry run). */
  newPartners: { id: string; name: { th: string; en: string } }[];
}

export interface RegistryImportDeps {
  repository: AgreementRepository;
  gazetteer: GazetteerService;
  log: RegistryImportStore;
  writer: Pick<RecordWriter, 'anchor'>;
  clock: Clock;
  /** Reads the uploaded file into a table (src/documents/sheets/read-table.ts). */
  readTable: (bytes: Buffer) => Promise<SheetTable>;
}

export interface RegistryImports {
  run(
    actor: Actor,
    file: { bytes: Buffer; name: string },
    o: { dryRun: boolean },
  ): Promise<RegistryImportResult>;
}

const ONLY = {
  th: 'เฉพาะกระทรวงมหาดไทยหรือผู้ดูแลระบบนำเข้ารายการคู่ความร่วมมือได้',
  en: 'Only MOI or an administrator may import the list of pairs',
};

/** The agreement an imported row becomes: in its state, content from the row, one IMPORT entry, no steps. */
export function importedRecord(
  id: string,
  p: PairRow,
  fileSha256: string,
  actor: Actor,
  at: string,
): AgreementRecord {
  const between = {
    th: `${KIND_TITLE[p.kind].th} ระหว่าง${p.province.name.th} ราชอาณาจักรไทย กับ${p.partner.name.th} ${p.country.name.th}`,
    en: `${KIND_TITLE[p.kind].en} between ${p.province.name.en}, the Kingdom of Thailand and ${p.partner.name.en}, ${p.country.takesThe ? 'the ' : ''}${p.country.name.en}`,
  };
  const entry = chainEntry(id, [], {
    at,
    actor: who(actor),
    event: 'IMPORT',
    from: null,
    to: p.state,
    detail: {
      code: 'registry-import',
      fileSha256,
      row: p.row,
      ...(p.signed ? { signed: p.signed } : {}),
      ...(p.termYears !== undefined ? { termYears: p.termYears } : {}),
      ...(p.reference ? { reference: p.reference.slice(0, 200) } : {}),
    },
    ...(p.note ? { note: p.note.slice(0, 2000) } : {}),
  });
  const thailand = { th: 'ราชอาณาจักรไทย', en: 'Kingdom of Thailand' };
  return {
    id,
    province: p.province.id,
    workingDraft: {
      kind: p.kind,
      parties: {
        thai: {
          name: p.province.name,
          country: thailand,
          signatory: {
            title: { th: `ผู้ว่าราชการ${p.province.name.th}`, en: `Governor of ${p.province.name.en}` },
          },
        },
        partner: {
          name: p.partner.name,
          country: p.country.name,
          signatory: {
            title: { th: `ผู้บริหารสูงสุดของ${p.partner.name.th}`, en: `Head of ${p.partner.name.en}` },
          },
        },
      },
      areas: [],
      title: between,
      preamble: { th: '', en: '' },
      articles: [],
    },
    versions: [],
    comments: [],
    resolutions: [],
    flags: NO_FLAGS,
    state: p.state,
    // Since the signing when the list gives it (a date only, at midnight UTC), else since the import.
    stateSince: p.signed ? `${p.signed}T00:00:00.000Z` : at,
    round: 0,
    history: [entry],
    createdAt: at,
    updatedAt: at,
    rev: 0,
    machineVersion: AGREEMENT_MACHINE_VERSION,
    snapshot: persistedSnapshotIn(p.state),
  };
}

/**
 * The id of the agreement a row becomes: a UUID (the API's ids are) derived from the file's SHA-256 and the row, so
 * the same file plans the same ids and an import cut short is completed, never doubled.
 */
export function importedId(fileSha256: string, row: number): string {
  const h = sha256Hex(`registry-import:${fileSha256}:${row}`);
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function createRegistryImports(d: RegistryImportDeps): RegistryImports {
  return {
    async run(actor, file, o) {
      if (actor.role !== 'admin' && actor.role !== 'moi') throw notAllowed(ONLY);
      const table = await d.readTable(file.bytes);
      const columns = mapColumns(table.header);
      if (columns.missing.length > 0)
        throw invalid(
          {
            th: `แถวหัวตารางไม่มีคอลัมน์ ${columns.missing.map(thaiHeader).join(', ')}`,
            en: `The header row has no column ${columns.missing.join(', ')}`,
          },
          columns.missing.map((f) => ({
            path: f,
            message: { th: `ไม่มีคอลัมน์ ${thaiHeader(f)}`, en: `No column ${f}` },
          })),
        );
      const fileSha256 = sha256Hex(file.bytes);
      const earlier = await d.log.get(fileSha256);
      // An import of this file cut short: its own planned agreements are not "already in the registry".
      const resuming = new Set(earlier && !earlier.done ? earlier.ids : []);
      const inRegistry = new Set<string>();
      for (const a of await d.repository.list({}, { limit: 1_000_000, skip: 0 }))
        if (a.state !== 'withdrawn' && !resuming.has(a.id))
          for (const k of pairKeys(a.province, a.partnerName)) inRegistry.add(k);
      const gazetteer = await d.gazetteer.current();
      const check = checkRows(table, { gazetteer, inRegistry });
      const added = new Map<string, PairRow>();
      for (const p of check.valid)
        if (p.partner.added && !added.has(p.partner.id)) added.set(p.partner.id, p);
      const newPartners = [...added.values()].map((p) => ({ id: p.partner.id, name: p.partner.name }));
      const result = {
        rows: check.rows,
        valid: check.valid.length,
        refused: check.refused,
        fileSha256,
        newPartners,
      };
      if (o.dryRun || check.valid.length === 0) return { ...result, imported: 0 };

      const at = d.clock.now().toISOString();
      const planned = check.valid.map((p) => ({ id: importedId(fileSha256, p.row), p }));
      await d.log.begin({
        fileSha256,
        at,
        by: actor.userId,
        fileName: file.name.slice(0, 200),
        ids: planned.map((x) => x.id),
      });
      await d.gazetteer.addImportedPartners(
        actor,
        [...added.values()].map((p) => ({ id: p.partner.id, name: p.partner.name, country: p.country.id })),
      );
      for (const { id, p } of planned) {
        if (resuming.has(id) && (await exists(d.repository, id))) continue;
        const record = importedRecord(id, p, fileSha256, actor, at);
        await d.repository.insert(record);
        await d.writer.anchor(record);
      }
      await d.log.finish(fileSha256);
      return { ...result, imported: planned.length };
    },
  };
}

async function exists(repo: AgreementRepository, id: string): Promise<boolean> {
  try {
    await repo.get(id);
    return true;
  } catch {
    return false;
  }
}
