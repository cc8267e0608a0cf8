import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_SETTINGS } from '../../../../shared/scanner/wedgeDetector';
import { scanSettingsFor, SHORTEST_SCAN } from '../../../../renderer/screens/checkout/scanSettings';

describe('scanSettingsFor', () => {
  it.each([
    { shortest: 5, expected: 5, why: 'a catalog with 1315L: five-character scans count' },
    { shortest: 4, expected: 4, why: 'four-character codes' },
    { shortest: 13, expected: DEFAULT_WEDGE_SETTINGS.minLength, why: 'only EAN-13: the configured minimum stays' },
    { shortest: 1, expected: SHORTEST_SCAN, why: 'a one-character code: never below the floor' },
    { shortest: null, expected: DEFAULT_WEDGE_SETTINGS.minLength, why: 'an empty catalog: the configured minimum stays' },
  ])('minimum length $expected for shortest code $shortest ($why)', ({ shortest, expected }) => {
    const settings = scanSettingsFor(DEFAULT_WEDGE_SETTINGS, shortest);
    expect(settings.minLength).toBe(expected);
    expect(settings.maxAverageGapMs).toBe(DEFAULT_WEDGE_SETTINGS.maxAverageGapMs);
  });
});
