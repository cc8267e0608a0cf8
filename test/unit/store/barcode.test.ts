import { describe, expect, it } from 'vitest';
import { hasValidGtinCheckDigit, lookupKeyOf, MAX_CODE_LENGTH, normalizeCode } from '../../../shared/catalog/barcode';

describe('hasValidGtinCheckDigit', () => {
  it.each([
    ['4006381333931', true], // EAN-13
    ['4006381333932', false],
    ['036000291452', true], // UPC-A
    ['036000291453', false],
    ['96385074', true], // EAN-8
    ['96385075', false],
    ['12a4', false],
  ])('%s → %s', (code, valid) => {
    expect(hasValidGtinCheckDigit(code)).toBe(valid);
  });
});

describe('normalizeCode', () => {
  it('trims and strips an AIM symbology prefix', () => {
    expect(normalizeCode('  ]E04006381333931\r\n')).toEqual({ ok: true, code: '4006381333931', lookupKey: '4006381333931', symbology: 'ean13' });
    expect(normalizeCode(']C1ABC-123')).toMatchObject({ ok: true, code: 'ABC-123', lookupKey: 'ABC-123' });
  });

  it('gives a UPC-A and its zero-padded EAN-13 the same key', () => {
    const upc = normalizeCode('036000291452');
    const ean = normalizeCode('0036000291452');
    expect(upc).toMatchObject({ ok: true, symbology: 'upca', lookupKey: '0036000291452' });
    expect(ean).toMatchObject({ ok: true, symbology: 'ean13', lookupKey: '0036000291452' });
  });

  it('keys other codes case-insensitively', () => {
    expect(normalizeCode('1315l')).toMatchObject({ ok: true, code: '1315l', lookupKey: '1315L', symbology: 'other' });
    expect(lookupKeyOf('1315L')).toBe('1315L');
  });

  it('rejects a GTIN with a wrong check digit but keeps a fallback key for store-internal codes', () => {
    expect(normalizeCode('4006381333932')).toEqual({ ok: false, reason: 'check_digit', code: '4006381333932', fallbackKey: '4006381333932' });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [']E0', 'empty'],
    ['x'.repeat(MAX_CODE_LENGTH + 1), 'too_long'],
    ['AB\u0000CD', 'control_characters'],
    ['AB\u001dCD', 'control_characters'],
  ])('rejects %j as %s', (raw, reason) => {
    const result = normalizeCode(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.fallbackKey).toBeNull();
    }
  });

  it('accepts a code of exactly the maximum length and truncates oversized codes in messages', () => {
    expect(normalizeCode('y'.repeat(MAX_CODE_LENGTH)).ok).toBe(true);
    const long = normalizeCode('z'.repeat(10_000));
    expect(long.ok).toBe(false);
    expect(long.code.length).toBeLessThan(30);
  });
});
