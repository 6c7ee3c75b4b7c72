// The gazetteer of the moment: the shipped one with the admins' edits (a province's committee and governor's title,
// partners they add). Admins only change it; every change is validated and answered in both languages.
import {
  invalid,
  notAllowed,
  sha256Hex,
  stableStringify,
  type Actor,
  type Bilingual,
  type FieldIssue,
  findProvince,
} from '../domain';
import {
  committeeOf,
  GAZETTEER,
  GazetteerEdit,
  withEdits,
  type Gazetteer,
  type PartnerEdit,
  type ProvinceEdit,
} from '../domain/checks';
import type { Clock, GazetteerStore } from './ports';

/** The gazetteer with a version that changes whenever it does (a hash of the admins' edits): what a cache keys on. */
export interface VersionedGazetteer {
  version: string;
  gazetteer: Gazetteer;
}

export interface GazetteerService {
  /** The same object until the next edit: read it, never change it. */
  current(): Promise<Gazetteer>;
  versioned(): Promise<VersionedGazetteer>;
  /** A province's sister-city committee as the cover memo names it: the admins' name, else the catalogue's. */
  committee(province: string): Promise<Bilingual | undefined>;
  /** The admins' name for a province's committee as last read (documents render synchronously); none before load. */
  committeeNow(province: string): Bilingual | undefined;
  /** Reads the edits (at start-up, so committeeNow knows them). */
  load(): Promise<void>;
  edits(): Promise<GazetteerEdit[]>;
  setProvince(actor: Actor, edit: Omit<ProvinceEdit, 'kind'>): Promise<void>;
  addPartner(actor: Actor, edit: Omit<PartnerEdit, 'kind'>): Promise<void>;
  /** Partners an import of existing pairs brings (MOI or an admin), marked for an admin to confirm. */
  addImportedPartners(
    actor: Actor,
    partners: readonly Omit<PartnerEdit, 'kind' | 'unconfirmed'>[],
  ): Promise<void>;
}

const IMPORT_ONLY = {
  th: 'เฉพาะกระทรวงมหาดไทยหรือผู้ดูแลระบบนำเข้ารายการคู่ความร่วมมือได้',
  en: 'Only MOI or an administrator may import the list of pairs',
};

const INVALID = { th: 'ข้อมูลทำเนียบชื่อไม่ถูกต้อง', en: 'The gazetteer entry is invalid' };

function issue(path: string, th: string, en: string): FieldIssue {
  return { path, message: { th, en } };
}

export function createGazetteerService(store: GazetteerStore, clock: Clock): GazetteerService {
  // This process is the only writer of its edits (MOU_SINGLE_INSTANCE holds for MongoDB too): read once, then kept.
  let cached: Promise<GazetteerEdit[]> | undefined;
  let known: readonly GazetteerEdit[] = [];
  // Built once per reading of the edits, not per call: every check and page asks for it.
  let view: Promise<VersionedGazetteer> | undefined;
  const edits = () =>
    (cached ??= store.list().then((list) => {
      known = list;
      return list;
    }));
  const versioned = () =>
    (view ??= edits().then((list) => ({
      version: sha256Hex(stableStringify(list)).slice(0, 16),
      gazetteer: withEdits(GAZETTEER, list),
    })));
  const admin = (actor: Actor) => {
    if (actor.role !== 'admin')
      throw notAllowed({
        th: 'เฉพาะผู้ดูแลระบบแก้ไขทำเนียบชื่อได้',
        en: 'Only an administrator may change the gazetteer',
      });
  };
  const save = async (actor: Actor, raw: unknown) => {
    const r = GazetteerEdit.safeParse(raw);
    if (!r.success) {
      throw invalid(
        INVALID,
        r.error.issues.map((i) =>
          issue(
            i.path.join('.'),
            `กรุณากรอก ${i.path.join('.')} ให้ครบทั้งภาษาไทยและภาษาอังกฤษ`,
            `Fill in ${i.path.join('.')} in both Thai and English`,
          ),
        ),
      );
    }
    await store.put(r.data, { userId: actor.userId, at: clock.now().toISOString() });
    cached = undefined;
    view = undefined;
    await edits();
  };
  return {
    current: async () => (await versioned()).gazetteer,
    versioned,
    committee: async (province) => committeeOf(await edits(), province) ?? findProvince(province)?.committee,
    committeeNow: (province) => committeeOf(known, province),
    load: async () => {
      await edits();
    },
    edits,
    async setProvince(actor, edit) {
      admin(actor);
      if (!findProvince(edit.id)) throw invalid(INVALID, [issue('id', 'ไม่พบจังหวัดนี้', 'No such province')]);
      await save(actor, { kind: 'province', ...edit });
    },
    async addPartner(actor, edit) {
      admin(actor);
      const g = withEdits(GAZETTEER, await edits());
      const problems: FieldIssue[] = [];
      if (!g.countries.some((c) => c.id === edit.country))
        problems.push(issue('country', 'กรุณาเลือกประเทศจากทำเนียบชื่อ', 'Choose a country of the gazetteer'));
      if (edit.country === 'thailand' || findProvince(edit.id))
        problems.push(
          issue('id', 'จังหวัดของไทยไม่ใช่เมืองคู่ความร่วมมือ', 'A Thai province is not a foreign partner'),
        );
      if (problems.length > 0) throw invalid(INVALID, problems);
      await save(actor, { kind: 'partner', ...edit });
    },
    async addImportedPartners(actor, partners) {
      if (actor.role !== 'admin' && actor.role !== 'moi') throw notAllowed(IMPORT_ONLY);
      for (const p of partners) {
        const r = GazetteerEdit.safeParse({ kind: 'partner', ...p, unconfirmed: true });
        if (!r.success) throw invalid(INVALID, [issue('partner', p.name.th, p.name.en)]);
        await store.put(r.data, { userId: actor.userId, at: clock.now().toISOString() });
      }
      cached = undefined;
      view = undefined;
      await edits();
    },
  };
}
