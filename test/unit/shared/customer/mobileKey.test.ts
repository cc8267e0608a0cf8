import { describe, expect, it } from 'vitest';
import { mobileKeyOf, mobileLookupForms } from '../../../../shared/customer/mobileKey';

describe('mobileKeyOf', () => {
  it.each([
    ['081588818888', '081588818888'],
    ['+6281588818888', '081588818888'],
    ['6281588818888', '081588818888'],
    ['+62 815-8881-8888', '081588818888'],
    ['(0815) 8881 8888', '081588818888'],
    [' 0815.8881.8888 ', '081588818888'],
  ])('%s → %s', (typed, key) => {
    expect(mobileKeyOf(typed)).toBe(key);
  });

  it('keeps numbers of other countries as their digits', () => {
    expect(mobileKeyOf('+65 9123 4567')).toBe('6591234567');
  });

  it('gives null when there are no digits', () => {
    expect(mobileKeyOf('')).toBeNull();
    expect(mobileKeyOf(' - + ')).toBeNull();
  });
});

describe('mobileLookupForms', () => {
  it.each(['+62 815-8881-8888', '6281588818888', '0815 8881 8888'])('%s: national form first, then +62 and 62', (typed) => {
    expect(mobileLookupForms(typed)).toEqual(['081588818888', '+6281588818888', '6281588818888']);
  });

  it('asks once for a number of another country, and for the text as typed when it has no digits', () => {
    expect(mobileLookupForms('+65 9123 4567')).toEqual(['6591234567']);
    expect(mobileLookupForms(' abc ')).toEqual(['abc']);
  });
});
