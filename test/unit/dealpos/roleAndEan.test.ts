/** Small pure helpers: reading the role out of a 403 message, and EAN-13 check digits. */
import { describe, expect, it } from 'vitest';
import { roleFromMessage } from '../../../main/dealpos/dealPosClient';
import { ean13, ean13CheckDigit, isValidEan13 } from '../../../main/simulator/ean13';

describe('roleFromMessage', () => {
  it.each([
    ['You must have "Create" role in "Sell" Module', 'Sell CREATE'],
    ['You must have "VIEW" role in "Contacts" Module', 'Contacts VIEW'],
    ['Required Group Role: "Contacts" - "VIEW"', 'Contacts VIEW'],
    ['Access denied', null],
    [null, null],
  ])('%s → %s', (message, role) => {
    expect(roleFromMessage(message)).toBe(role);
  });
});

describe('EAN-13', () => {
  it('computes check digits of known codes', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1); // 4006381333931, a textbook example
    expect(ean13('978020137962')).toBe('9780201379624');
    expect(isValidEan13('9780201379624')).toBe(true);
    expect(isValidEan13('9780201379625')).toBe(false);
    expect(isValidEan13('978020137962')).toBe(false);
    expect(() => ean13CheckDigit('12345')).toThrow(RangeError);
  });
});
