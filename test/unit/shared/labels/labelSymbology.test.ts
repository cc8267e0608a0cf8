import { describe, expect, it } from 'vitest';
import { ean13 } from '../../../../main/simulator/ean13';
import { chooseSymbology, MAX_LABEL_CODE_LENGTH } from '../../../../shared/labels/labelSymbology';

describe('chooseSymbology', () => {
  it.each<[string, string, unknown]>([
    ['a valid EAN-13', ean13('899100100001'), { ok: true, symbology: 'ean13' }],
    ['a UPC-A written as EAN-13 (leading 0) stays EAN-13', '0036000291452', { ok: true, symbology: 'ean13' }],
    ['a valid UPC-A', '036000291452', { ok: true, symbology: 'upca' }],
    ['a valid EAN-8', '96385074', { ok: true, symbology: 'ean8' }],
    ['13 digits with a wrong check digit: Code 128', '8991001000010', { ok: true, symbology: 'code128' }],
    ['12 digits with a wrong check digit: Code 128', '036000291453', { ok: true, symbology: 'code128' }],
    ['8 digits with a wrong check digit: Code 128', '96385075', { ok: true, symbology: 'code128' }],
    ['6 digits (seed: Boots 200536): Code 128', '200536', { ok: true, symbology: 'code128' }],
    ['a SKU with letters (seed: 1315L)', '1315L', { ok: true, symbology: 'code128' }],
    ['punctuation and spaces are plain ASCII', 'ROTI-001 / A', { ok: true, symbology: 'code128' }],
    ['the longest code allowed', 'A'.repeat(MAX_LABEL_CODE_LENGTH), { ok: true, symbology: 'code128' }],
    ['one longer', 'A'.repeat(MAX_LABEL_CODE_LENGTH + 1), { ok: false, reason: 'too_long' }],
    ['empty', '', { ok: false, reason: 'empty' }],
    ['an accented letter', 'KAFÉ-1', { ok: false, reason: 'character', character: 'É' }],
    ['another script', '咖啡', { ok: false, reason: 'character', character: '咖' }],
    ['a tab', 'A\tB', { ok: false, reason: 'character', character: '\t' }],
  ])('%s', (_name, code, expected) => {
    expect(chooseSymbology(code)).toEqual(expected);
  });
});
