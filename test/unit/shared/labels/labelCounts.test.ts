import { describe, expect, it } from 'vitest';
import { defaultLabelCount, parseLabelCount } from '../../../../shared/labels/labelCounts';

describe('defaultLabelCount', () => {
  it.each<[number, number]>([
    [10, 10],
    [1, 1],
    [1.5, 1],
    [0.25, 1],
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
  ])('%d units received → %d labels', (quantity, labels) => {
    expect(defaultLabelCount(quantity)).toBe(labels);
  });
});

describe('parseLabelCount', () => {
  it.each<[string, number | null]>([
    ['15', 15],
    [' 20 ', 20],
    ['0', 0],
    ['100000', 100_000],
    ['', null],
    ['-1', null],
    ['1.5', null],
    ['1e3', null],
    ['ten', null],
    ['1234567890', null],
  ])('%j → %j', (typed, count) => {
    expect(parseLabelCount(typed)).toBe(count);
  });
});
