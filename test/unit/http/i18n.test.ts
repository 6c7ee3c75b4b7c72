// The locale files say the same things in Thai and English; dates are Buddhist era on the Thai side.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDate, formatDateTime } from '../../../src/http/format';
import { safeReturnPath } from '../../../src/http/page-locals';
import { loadConfig } from '../../../src/config';
import { loadCatalogue, projectCatalogue } from '../../../src/i18n/catalogue';

describe('locale files', () => {
  const cat = projectCatalogue(loadConfig({ NODE_ENV: 'test' }).projectRoot);

  it('have exactly the same keys in Thai and English', () => {
    expect(cat.keys('th')).toEqual(cat.keys('en'));
    expect(cat.keys('th').length).toBeGreaterThan(50);
  });

  it('have a title and a detail for every error code', () => {
    for (const code of [
      'invalid-input',
      'validation-failed',
      'unauthenticated',
      'not-allowed',
      'not-found',
      'conflict',
      'payload-too-large',
      'db-unavailable',
      'internal-error',
    ]) {
      for (const part of ['title', 'detail']) {
        expect(cat.has('th', `errors.${code}.${part}`) && cat.has('en', `errors.${code}.${part}`)).toBe(true);
      }
    }
  });

  it('fill {placeholders} and fall back to the key when a text is missing', () => {
    expect(cat.t('en', 'nav.signedInAs', { name: 'Wipa' })).toBe('Signed in as Wipa');
    expect(cat.t('th', 'no.such.key')).toBe('no.such.key');
  });

  it('read per-area files locales/<lang>/<area>.json as "<area>.*" keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mou-locales-'));
    writeFileSync(join(dir, 'th.json'), JSON.stringify({ a: 'ก' }));
    mkdirSync(join(dir, 'th'));
    writeFileSync(join(dir, 'th', 'agreement.json'), JSON.stringify({ title: { draft: 'ร่าง' } }));
    const c = loadCatalogue(dir);
    expect(c.t('th', 'agreement.title.draft')).toBe('ร่าง');
    expect(c.bilingual('a')).toEqual({ th: 'ก', en: 'a' });
  });
});

describe('dates', () => {
  // 14 March 2022, 02:30 UTC = 09:30 in Bangkok.
  const d = new Date(Date.UTC(2022, 2, 14, 2, 30));

  it("are Buddhist era in Thai and Gregorian in English, in Thailand's time zone", () => {
    expect(formatDate(d, 'th')).toBe('14 มีนาคม 2565');
    expect(formatDate(d, 'en')).toBe('14 March 2022');
    expect(formatDateTime(d, 'th')).toBe('14 มี.ค. 65 09:30 น.');
    expect(formatDateTime(d, 'en')).toBe('14 March 2022, 09:30');
    // 20:00 UTC on 31 Dec is already 1 January in Bangkok.
    expect(formatDate(new Date(Date.UTC(2022, 11, 31, 20)), 'th')).toBe('1 มกราคม 2566');
  });
});

describe('safeReturnPath', () => {
  it('keeps local paths and refuses other sites', () => {
    expect(safeReturnPath('/admin/users?x=1')).toBe('/admin/users?x=1');
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      undefined,
      42,
    ]) {
      expect(safeReturnPath(bad, '/')).toBe('/');
    }
  });
});
