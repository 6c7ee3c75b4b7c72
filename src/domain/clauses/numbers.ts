// Numbers as an MOU writes them: the word, then the digits in brackets ("five (5)", "ห้า (๕)").
import type { Lang } from '../bilingual';
import { EN_ONES, EN_TENS, TH_ONES } from '../checks/numbers';
import { toThaiDigits } from '../thai-format';

/** 1–99 in words. */
export function numberWord(n: number, lang: Lang): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numberWord: ${n} is not 1–99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (lang === 'en') {
    if (n < 20) return EN_ONES[n - 1] ?? '';
    return `${EN_TENS[tens - 2] ?? ''}${ones ? `-${EN_ONES[ones - 1] ?? ''}` : ''}`;
  }
  if (n < 10) return TH_ONES[n - 1] ?? '';
  const head = tens === 1 ? '' : tens === 2 ? 'ยี่' : (TH_ONES[tens - 1] ?? '');
  return `${head}สิบ${ones === 0 ? '' : ones === 1 ? 'เอ็ด' : (TH_ONES[ones - 1] ?? '')}`;
}

/** "five (5)" / "ห้า (๕)": the form MFA's texts use for periods. */
export function numberPhrase(n: number, lang: Lang): string {
  return `${numberWord(n, lang)} (${lang === 'th' ? toThaiDigits(n) : String(n)})`;
}
