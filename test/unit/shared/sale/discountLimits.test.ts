import { describe, expect, it } from 'vitest';
import { discountProblem, NO_DISCOUNT_LIMIT } from '../../../../shared/sale/discountLimits';

const tenPercentMax = { maxBasisPoints: 1_000, maxAmount: null };

describe('discountProblem', () => {
  it.each([
    ['percent within limit', { kind: 'percent', basisPoints: 1_000 } as const, 50_000, tenPercentMax, null],
    ['percent over limit', { kind: 'percent', basisPoints: 1_001 } as const, 50_000, tenPercentMax, { kind: 'over_percent_limit', maxBasisPoints: 1_000 }],
    ['amount within the percent limit', { kind: 'amount', amount: 5_000 } as const, 50_000, tenPercentMax, null],
    ['amount beyond the percent limit', { kind: 'amount', amount: 5_001 } as const, 50_000, tenPercentMax, { kind: 'over_percent_limit', maxBasisPoints: 1_000 }],
    ['amount over the price', { kind: 'amount', amount: 60_000 } as const, 50_000, NO_DISCOUNT_LIMIT, { kind: 'exceeds_base', base: 50_000 }],
    ['absolute ceiling', { kind: 'percent', basisPoints: 5_000 } as const, 50_000, { maxBasisPoints: 10_000, maxAmount: 20_000 }, { kind: 'over_amount_limit', maxAmount: 20_000 }],
    ['anything when unlimited', { kind: 'percent', basisPoints: 10_000 } as const, 50_000, NO_DISCOUNT_LIMIT, null],
  ])('%s', (_name, discount, base, limit, expected) => {
    expect(discountProblem(discount, base, limit)).toEqual(expected);
  });
});
