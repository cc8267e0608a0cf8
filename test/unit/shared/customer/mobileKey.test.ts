import { describe, expect, it } from 'vitest';
import { mobileKeyOf } from '../../../../shared/customer/mobileKey';

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
