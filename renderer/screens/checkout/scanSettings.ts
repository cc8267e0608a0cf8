import type { WedgeSettings } from '../../../shared/scanner/wedgeDetector';

/** Never below this, however short the catalog's codes: two or three keys rolled by a person must stay typing. */
export const SHORTEST_SCAN = 3;

/** The detector's thresholds with the minimum length lowered to the catalog's shortest code (never raised). */
export function scanSettingsFor(settings: WedgeSettings, shortestCode: number | null): WedgeSettings {
  if (shortestCode === null) return settings;
  const minLength = Math.min(settings.minLength, Math.max(SHORTEST_SCAN, shortestCode));
  return minLength === settings.minLength ? settings : { ...settings, minLength };
}
