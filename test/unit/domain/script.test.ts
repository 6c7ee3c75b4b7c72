// The one script detector: which script a text is mostly in, and the Thai/English language it gives.
import {
  countScripts,
  hasScript,
  hasThai,
  isThaiChar,
  langByLetters,
  langOfText,
  mainScript,
  scriptRuns,
} from '../../../src/domain/script';

describe('script', () => {
  it('counts letters per script: Thai, Latin, Hangul, Han and Kana', () => {
    expect(countScripts('เชียงใหม่ Sejong 세종 世宗 せ')).toEqual({
      thai: 9,
      latin: 6,
      hangul: 2,
      han: 2,
      kana: 1,
    });
  });

  it('names the script most letters are in, Thai first on a tie, none without letters', () => {
    expect(mainScript('จังหวัดเชียงใหม่กับเมือง Sejong')).toBe('thai');
    expect(mainScript('Chiang Mai and ภาคี')).toBe('latin');
    expect(mainScript('세종특별자치시 Sejong')).toBe('hangul');
    expect(mainScript('ab กข')).toBe('thai');
    expect(mainScript('1.2 — (5)')).toBeUndefined();
  });

  it('gives the language by letters of Thai and Latin only', () => {
    expect(langByLetters('ข้อ 1 Article')).toBe('en');
    expect(langByLetters('ข้อ ๑')).toBe('th');
    expect(langByLetters('세종')).toBeUndefined();
    expect(langByLetters('...')).toBeUndefined();
  });

  it('reads a comment as Thai when it holds any Thai, else English', () => {
    expect(langOfText('Please use “ภาคี” here')).toBe('th');
    expect(langOfText('Please revise')).toBe('en');
    expect(hasThai('฿')).toBe(true);
    expect(hasThai('Sejong')).toBe(false);
    expect(hasScript('세종', 'hangul')).toBe(true);
  });

  it('tells a Thai character, and none at the ends of a text', () => {
    expect(isThaiChar('ก')).toBe(true);
    expect(isThaiChar('a')).toBe(false);
    expect(isThaiChar(undefined)).toBe(false);
  });

  it('finds runs of Thai words joined by spaces', () => {
    const runs = [...'Use ภาคี ทั้งสอง, not Parties or คู่ภาคี.'.matchAll(scriptRuns('thai'))].map((m) => m[0]);
    expect(runs).toEqual(['ภาคี ทั้งสอง', 'คู่ภาคี']);
  });
});
