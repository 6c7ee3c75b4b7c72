// Text hygiene: invisible characters that make the shown text differ from the stored one, mixed digits, doubled labels.
import type { Bilingual, Lang } from '../bilingual';
import { isThaiChar } from '../script';
import { toThaiDigits } from '../thai-format';
import type { Hit, Rule, Severity } from './finding';
import { GUIDELINES } from './guidelines';
import { arabicDigits, mixedDigitRuns } from './numbers';
import { placeLabel, type Place } from './places';

const NAMES: Readonly<Record<number, string>> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
};

const code = (ch: string) => {
  const n = ch.codePointAt(0) ?? 0;
  const hex = `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[n] ? `${hex} ${NAMES[n]}` : hex;
};

/** A zero width space between Thai letters is a word-break hint some Thai tools insert; anywhere else it hides. */
const thaiBreakHint = (s: string, i: number, lang: Lang) =>
  lang === 'th' && s[i] === '\u200B' && (isThaiChar(s[i - 1]) || isThaiChar(s[i + 1]));

interface CharSpec {
  id: string;
  severity: Severity;
  chars: RegExp;
  counts: (s: string, i: number, lang: Lang) => boolean;
  why: Bilingual;
}

/** One finding per place, language and character; the excerpt is the character in its context, the suggestion without it. */
function charRule(spec: CharSpec): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    guideline: GUIDELINES.hygiene,
    check: ({ places }) =>
      places.flatMap((p: Place) =>
        (['th', 'en'] as const).flatMap((lang) => {
          const s = p.text[lang];
          if (s.search(spec.chars) < 0) return [];
          const seen = new Map<string, { index: number; count: number }>();
          for (const m of s.matchAll(spec.chars)) {
            if (!spec.counts(s, m.index, lang)) continue;
            const g = seen.get(m[0]);
            if (g) g.count++;
            else seen.set(m[0], { index: m.index, count: 1 });
          }
          return [...seen].map(([ch, { index, count }]): Hit => {
            const excerpt = s.slice(Math.max(0, index - 12), index + 13);
            const label = placeLabel(p);
            const many = count > 1 ? { th: ` (${count} แห่ง)`, en: ` (${count} times)` } : { th: '', en: '' };
            return {
              anchor: p.anchor,
              lang,
              excerpt,
              message: {
                th: `${label.th} มีอักขระที่มองไม่เห็น ${code(ch)}${many.th} ${spec.why.th}`,
                en: `${label.en.charAt(0).toUpperCase()}${label.en.slice(1)} holds the invisible character ${code(ch)}${many.en}; ${spec.why.en}`,
              },
              // Without every character of this kind, so that taking any one suggestion cleans the excerpt.
              suggestion: { [lang]: excerpt.replace(spec.chars, '') },
            };
          });
        }),
      ),
  };
}

const always = () => true;

const bidi = charRule({
  id: 'hygiene.bidi-controls',
  severity: 'error',
  chars: /[\u202A-\u202E\u2066-\u2069]/g,
  counts: always,
  why: {
    th: 'ซึ่งสลับทิศทางของข้อความ ทำให้ข้อความที่แสดงไม่ตรงกับข้อความที่บันทึกไว้ ขอให้ลบออก',
    en: 'it reorders the text, so what is displayed is not what is stored: remove it',
  },
});

const zeroWidth = charRule({
  id: 'hygiene.zero-width',
  severity: 'error',
  chars: /[\u200B-\u200D\u2060\uFEFF]/g,
  counts: (s, i, lang) => !thaiBreakHint(s, i, lang),
  why: {
    th: 'ซึ่งแยกหรือเชื่อมคำโดยมองไม่เห็น ทำให้การค้นหาและการเปรียบเทียบข้อความผิดพลาด ขอให้ลบออก',
    en: 'it splits or joins words unseen, so searching and comparing the text go wrong: remove it',
  },
});

const thaiHint = charRule({
  id: 'hygiene.zero-width-thai',
  severity: 'warning',
  chars: /\u200B/g,
  counts: thaiBreakHint,
  why: {
    th: 'ระหว่างอักษรไทย (เครื่องมือบางตัวใส่ไว้เป็นจุดตัดคำ) ตรวจสอบว่าตั้งใจใส่ไว้ หากไม่ตั้งใจให้ลบออก',
    en: 'between Thai letters (some Thai tools insert it as a word-break hint); keep it only if intended',
  },
});

const controls = charRule({
  id: 'hygiene.control-chars',
  severity: 'error',
  chars: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/g,
  counts: always,
  why: {
    th: 'ซึ่งเป็นอักขระควบคุม เอกสาร Word แสดงผลไม่ได้หรือแสดงผลต่างกัน ขอให้ลบออก',
    en: 'it is a control character that Word cannot show, or shows differently: remove it',
  },
});

const mixedDigits: Rule = {
  id: 'hygiene.mixed-digits',
  severity: 'error',
  guideline: GUIDELINES.thaiStyle,
  check: ({ places }) =>
    places.flatMap((p) =>
      (['th', 'en'] as const).flatMap((lang) =>
        mixedDigitRuns(p.text[lang]).map((run): Hit => {
          // Follow the number's first digit: that is the style the writer chose.
          const fixed = /^[๐-๙]/.test(run.text)
            ? toThaiDigits(arabicDigits(run.text))
            : arabicDigits(run.text);
          return {
            anchor: p.anchor,
            lang,
            excerpt: run.text,
            message: {
              th: `"${run.text}" ปนเลขไทยกับเลขอารบิกในจำนวนเดียวกัน ใช้อย่างใดอย่างหนึ่ง`,
              en: `"${run.text}" mixes Thai and Arabic digits in one number; use one kind`,
            },
            suggestion: { [lang]: fixed },
          };
        }),
      ),
    ),
};

const LABEL: Record<Lang, RegExp> = {
  th: /^\s*ข้อ(?:ที่)?\s*[0-9๐-๙]+\s*[.:\-–—]?\s*/,
  en: /^\s*(?:Article|ARTICLE|Art\.)\s+(?:[0-9]+|[IVXLC]+)\b\s*[.:\-–—]?\s*/,
};

const headingLabel: Rule = {
  id: 'hygiene.heading-label',
  severity: 'error',
  guideline: GUIDELINES.layout,
  check: ({ places }) =>
    places
      .filter((p) => p.part === 'heading')
      .flatMap((p) =>
        (['th', 'en'] as const).flatMap((lang): Hit[] => {
          const m = LABEL[lang].exec(p.text[lang]);
          if (!m) return [];
          const label = m[0].trim();
          return [
            {
              anchor: p.anchor,
              lang,
              excerpt: p.text[lang],
              message: {
                th: `หัวข้อขึ้นต้นด้วย "${label}" แต่เอกสารพิมพ์เลขข้อให้อยู่แล้ว จะปรากฏซ้ำสองครั้ง`,
                en: `The heading starts with "${label}", but the document prints the article label already: it would appear twice`,
              },
              suggestion: { [lang]: p.text[lang].slice(m[0].length) },
            },
          ];
        }),
      ),
};

export const HYGIENE_RULES: readonly Rule[] = [
  bidi,
  zeroWidth,
  thaiHint,
  controls,
  mixedDigits,
  headingLabel,
];
