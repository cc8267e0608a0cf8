import { describe, expect, it } from 'vitest';
import {
  formatInvoiceNumber,
  isValidRegisterCode,
  MAX_INVOICE_NUMBER_LENGTH,
  newRegisterCode,
  nextSequence,
  numberDay,
  parseInvoiceNumber,
} from '../../../shared/invoice/invoiceNumber';

describe('invoice numbers', () => {
  it('formats prefix, register code, day and a 4-digit sequence', () => {
    expect(formatInvoiceNumber({ prefix: 'TK1', registerCode: '7KQ2M' }, { day: '261122', seq: 7 })).toBe('TK1-7KQ2M-261122-0007');
    expect(formatInvoiceNumber({ prefix: '', registerCode: '7KQ2M' }, { day: '261122', seq: 12345 })).toBe('7KQ2M-261122-12345');
  });

  it('refuses prefixes and codes outside the documented alphabet', () => {
    expect(() => formatInvoiceNumber({ prefix: 'a b', registerCode: '7KQ2M' }, { day: '261122', seq: 1 })).toThrow(RangeError);
    expect(() => formatInvoiceNumber({ prefix: 'X', registerCode: '7KQ2O' }, { day: '261122', seq: 1 })).toThrow(RangeError);
    expect(() => formatInvoiceNumber({ prefix: 'X', registerCode: '7KQ2M' }, { day: '26112', seq: 1 })).toThrow(RangeError);
    expect(() => formatInvoiceNumber({ prefix: 'X', registerCode: '7KQ2M' }, { day: '261122', seq: 0 })).toThrow(RangeError);
  });

  it('never exceeds the assumed maximum length', () => {
    const longest = formatInvoiceNumber({ prefix: 'A'.repeat(16), registerCode: 'ZZZZZ' }, { day: '991231', seq: 9_999_999 });
    expect(longest.length).toBeLessThanOrEqual(MAX_INVOICE_NUMBER_LENGTH);
  });

  it.each([
    [null, '261122', { day: '261122', seq: 1 }],
    [{ day: '261122', seq: 41 }, '261122', { day: '261122', seq: 42 }],
    [{ day: '261122', seq: 41 }, '261123', { day: '261123', seq: 1 }],
    // Clock set back a day: keep counting on the later day rather than reuse yesterday's numbers.
    [{ day: '261123', seq: 5 }, '261122', { day: '261123', seq: 6 }],
  ])('next after %j on %s is %j', (last, today, expected) => {
    expect(nextSequence(last, today)).toEqual(expected);
  });

  it('turns a local date into yyMMdd', () => {
    expect(numberDay('2026-11-22')).toBe('261122');
    expect(() => numberDay('22/11/2026')).toThrow(RangeError);
  });

  it('parses back what it formats, including prefixes with dashes', () => {
    const number = formatInvoiceNumber({ prefix: 'JKT-01', registerCode: 'AB3CD' }, { day: '261122', seq: 3 });
    expect(parseInvoiceNumber(number)).toEqual({ prefix: 'JKT-01', registerCode: 'AB3CD', day: '261122', seq: 3 });
    expect(parseInvoiceNumber('20.05.00001')).toBeNull();
  });

  it('draws register codes from the unambiguous alphabet', () => {
    let i = 0;
    const values = [0, 0.999_999, 0.5, 0.25, 0.75];
    const code = newRegisterCode(() => values[i++ % values.length] ?? 0);
    expect(code).toBe('2ZJAS');
    expect(isValidRegisterCode(code)).toBe(true);
    for (let n = 0; n < 200; n++) expect(isValidRegisterCode(newRegisterCode(Math.random))).toBe(true);
  });
});
