// MFA wording for a non-binding MOU: "will" not "shall", no binding vocabulary, "Memorandum" not "Agreement", "Sides".
import type { Rule } from './finding';
import { GUIDELINES } from './guidelines';
import { before } from './places';
import { negated, sameCase, termRule } from './term-rule';

const q = (s: string) => `"${s}"`;

const shall = termRule({
  id: 'wording.shall',
  severity: 'error',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'en',
      pattern: /\bshall\b/gi,
      // "… the English text shall prevail" is the closing's fixed formula, which cleared MOUs keep.
      counts: (s, i, f) => !/^\s+prevail\b/i.test(s.slice(i + f.length)),
      message: (f) => ({
        th: `คำว่า ${q(f)} แสดงถึงการก่อพันธะทางกฎหมาย ในบันทึกความเข้าใจที่ไม่มีผลผูกพันให้ใช้ "will"`,
        en: `${q(f)} reads as a legal obligation; a non-binding MOU says "will"`,
      }),
      suggest: (f) => sameCase(f, 'will'),
    },
    {
      lang: 'th',
      pattern: /จะต้อง/g,
      message: () => ({
        th: 'คำว่า "จะต้อง" แสดงถึงการก่อพันธะทางกฎหมาย ในบันทึกความเข้าใจที่ไม่มีผลผูกพันให้ใช้ "จะ"',
        en: '"จะต้อง" ("must") reads as a legal obligation; a non-binding MOU says "จะ" ("will")',
      }),
      suggest: () => 'จะ',
    },
  ],
});

const must = termRule({
  id: 'wording.must',
  severity: 'warning',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'th',
      pattern: /ต้อง/g,
      // Not "จะต้อง" (its own rule), "ถูกต้อง" (correct), "ไม่ต้อง", "ต้องการ" (want), "สอดคล้องต้องกัน".
      counts: (s, i) => !/(?:จะ|ถูก|ไม่)$/.test(s.slice(0, i)) && !/^ต้อง(?:การ|กัน)/.test(s.slice(i)),
      message: () => ({
        th: 'คำว่า "ต้อง" อาจอ่านเป็นพันธะทางกฎหมาย หากเป็นข้อผูกมัดของฝ่ายใดให้ใช้ "จะ"',
        en: '"ต้อง" ("must") may read as a legal obligation; where it commits a side, write "จะ" ("will")',
      }),
      suggest: () => 'จะ',
    },
  ],
});

const bindingTerms = termRule({
  id: 'wording.binding-terms',
  severity: 'error',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'en',
      pattern:
        /\b(?:rights and obligations|obligations?|obligated|obliged|legally binding|binding|undertakes? to|undertakes?|undertook|undertaken)\b/gi,
      // "does not create any rights or obligations", "non-binding" state the MOU's nature: they are what MFA asks for.
      counts: (s, i) => !negated(before(s, i, 'en'), 'en'),
      message: (f) => ({
        th: `คำว่า ${q(f)} แสดงถึงพันธะทางกฎหมาย บันทึกความเข้าใจแสดงเพียงเจตนารมณ์ ขอให้ปรับถ้อยคำหรือตัดออก`,
        en: `${q(f)} describes a legal commitment; an MOU records intentions: reword it or remove it`,
      }),
      suggest: (f) => (/^undertakes? to$/i.test(f) ? sameCase(f, 'will') : undefined),
    },
    {
      lang: 'th',
      pattern: /มีผลผูกพัน|ข้อผูกพัน|ผูกพัน|พันธกรณี|พันธะ/g,
      // "ความผูกพัน" is the bond of friendship sister-city texts speak of, not a legal tie.
      counts: (s, i, f) =>
        !negated(before(s, i, 'th'), 'th') && !(f === 'ผูกพัน' && s.slice(0, i).endsWith('ความ')),
      message: (f) => ({
        th: `คำว่า ${q(f)} แสดงถึงพันธะทางกฎหมาย บันทึกความเข้าใจแสดงเพียงเจตนารมณ์ ขอให้ปรับถ้อยคำหรือตัดออก`,
        en: `${q(f)} describes a legal commitment; an MOU records intentions: reword it or remove it`,
      }),
    },
  ],
});

/** "the Paris Agreement", "the ASEAN Agreement": a capitalised word before it makes it the name of another text. */
function namesAnotherInstrument(source: string, index: number): boolean {
  const w = /([A-Za-z][\w'’-]*)\s+$/.exec(source.slice(Math.max(0, index - 40), index))?.[1];
  return w !== undefined && /^[A-Z]/.test(w) && !['This', 'The', 'An', 'A', 'Present', 'Such'].includes(w);
}

const agreementTerm = termRule({
  id: 'wording.agreement-term',
  severity: 'error',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'en',
      pattern: /\bAgreement\b|(?<=\b[Tt]his )agreement\b/g,
      counts: (s, i) => !namesAnotherInstrument(s, i),
      message: (f) => ({
        th: `คำว่า ${q(f)} ใช้กับความตกลงที่มีผลผูกพัน เอกสารนี้เป็นบันทึกความเข้าใจ ให้ใช้ "Memorandum of Understanding" ตลอดทั้งฉบับ`,
        en: `${q(f)} names a binding instrument; this text is a Memorandum of Understanding: say so throughout`,
      }),
      suggest: (_f, p) =>
        p.part === 'title' || p.part === 'preamble' ? 'Memorandum of Understanding' : 'Memorandum',
    },
    {
      lang: 'th',
      // "ความตกลงร่วมกัน" (mutual consent) and "ความตกลงใจ" (a decision) are not the instrument's name.
      pattern: /ความตกลง(?!ร่วม|กัน|ใจ)/g,
      message: () => ({
        th: 'คำว่า "ความตกลง" ใช้กับความตกลงที่มีผลผูกพัน เอกสารนี้เป็นบันทึกความเข้าใจ ให้ใช้ "บันทึกความเข้าใจ" ตลอดทั้งฉบับ',
        en: '"ความตกลง" ("Agreement") names a binding instrument; this text is a Memorandum of Understanding ("บันทึกความเข้าใจ"): say so throughout',
      }),
      suggest: () => 'บันทึกความเข้าใจ',
    },
  ],
});

const contractingParties = termRule({
  id: 'wording.contracting-parties',
  severity: 'error',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'en',
      pattern: /\bContracting Part(?:y|ies)\b/gi,
      message: (f) => ({
        th: `คำว่า ${q(f)} เป็นถ้อยคำของสนธิสัญญา ในบันทึกความเข้าใจให้ใช้ "Sides" หรือ "Participants"`,
        en: `${q(f)} is treaty language; an MOU names its signatories "Sides" or "Participants"`,
      }),
      suggest: (f) => (/ies$/i.test(f) ? 'Sides' : 'Side'),
    },
    {
      lang: 'th',
      pattern: /ภาคีคู่สัญญา|ภาคีผู้ทำสัญญา|คู่ภาคีสัญญา|ภาคีผู้ทำความตกลง/g,
      message: (f) => ({
        th: `คำว่า ${q(f)} เป็นถ้อยคำของสนธิสัญญา ในบันทึกความเข้าใจให้ใช้ "ฝ่าย" หรือ "ทั้งสองฝ่าย"`,
        en: `${q(f)} ("Contracting Party") is treaty language; an MOU says "ฝ่าย" / "ทั้งสองฝ่าย" ("Side(s)")`,
      }),
      suggest: () => 'ฝ่าย',
    },
  ],
});

const parties = termRule({
  id: 'wording.parties',
  severity: 'warning',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'en',
      pattern: /\bPart(?:y|ies)\b/g,
      counts: (s, i) => !/Contracting\s$/i.test(s.slice(Math.max(0, i - 12), i)),
      message: (f) => ({
        th: `กระทรวงการต่างประเทศนิยมใช้ "Sides" หรือ "Participants" แทน ${q(f)} ในบันทึกความเข้าใจ (มีบันทึกที่ผ่านการพิจารณาแล้วซึ่งใช้ "the Parties" จึงเป็นคำเตือน)`,
        en: `MFA prefers "Sides" or "Participants" to ${q(f)} in an MOU (cleared texts with "the Parties" exist, hence a warning)`,
      }),
      suggest: (f) => (f === 'Parties' ? 'Sides' : 'Side'),
    },
    {
      lang: 'th',
      pattern: /ภาคีทั้งสองฝ่าย|ภาคี(?!คู่สัญญา|ผู้ทำสัญญา|สัญญา|ผู้ทำความตกลง)/g,
      counts: (s, i) => !s.slice(0, i).endsWith('คู่'),
      message: (f) => ({
        th: `ในบันทึกความเข้าใจให้ใช้ "ทั้งสองฝ่าย" หรือ "ฝ่าย" แทน ${q(f)}`,
        en: `An MOU says "ทั้งสองฝ่าย" / "ฝ่าย" ("the Sides") rather than ${q(f)} ("Parties")`,
      }),
      suggest: () => 'ทั้งสองฝ่าย',
    },
  ],
});

const agreedAsFollows = termRule({
  id: 'wording.agreed-as-follows',
  severity: 'warning',
  guideline: GUIDELINES.nonBinding,
  terms: [
    {
      lang: 'en',
      pattern: /\bha(?:ve|s) agreed as follows\b/gi,
      message: (f) => ({
        th: `${q(f)} เป็นถ้อยคำของความตกลงที่มีผลผูกพัน บันทึกความเข้าใจใช้ "have reached the following understanding"`,
        en: `${q(f)} is the formula of a binding agreement; an MOU says "have reached the following understanding"`,
      }),
      suggest: (f) => (/^has/i.test(f) ? 'has' : 'have') + ' reached the following understanding',
    },
    {
      lang: 'th',
      pattern: /ได้ตกลงกัน(?=\s*ดัง(?:ต่อไปนี้|นี้))/g,
      message: () => ({
        th: '"ได้ตกลงกัน" เป็นถ้อยคำของความตกลงที่มีผลผูกพัน บันทึกความเข้าใจใช้ "ได้บรรลุความเข้าใจ"',
        en: '"ได้ตกลงกัน" ("have agreed") is the formula of a binding agreement; an MOU says "ได้บรรลุความเข้าใจ"',
      }),
      suggest: () => 'ได้บรรลุความเข้าใจ',
    },
  ],
});

export const WORDING_RULES: readonly Rule[] = [
  shall,
  must,
  bindingTerms,
  agreementTerm,
  contractingParties,
  parties,
  agreedAsFollows,
];
