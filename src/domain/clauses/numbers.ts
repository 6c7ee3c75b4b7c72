// Numbers as an MOU writes them: the word, then the digits in brackets ("five (5)", "ห้า (๕)").
import type { Lang } from '../bilingual';
import { toThaiDigits } from '../thai-format';

const EN_ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TH_ONES = ['', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];

/** 1–99 in words. */
export function numberWord(n: number, lang: Lang): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numberWord: ${n} is not 1–99`);
  if (lang === 'en') {
    if (n < 20) return EN_ONES[n] ?? '';
    const ones = n % 10;
    return `${EN_TENS[Math.floor(n / 10)] ?? ''}${ones ? `-${EN_ONES[ones] ?? ''}` : ''}`;
  }
  if (n < 10) return TH_ONES[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 1 ? '' : tens === 2 ? 'ยี่' : (TH_ONES[tens] ?? '');
  return `${head}สิบ${ones === 1 ? 'เอ็ด' : (TH_ONES[ones] ?? '')}`;
}

/** "five (5)" / "ห้า (๕)": the form MFA's texts use for periods. */
export function numberPhrase(n: number, lang: Lang): string {
  return `${numberWord(n, lang)} (${lang === 'th' ? toThaiDigits(n) : String(n)})`;
}
