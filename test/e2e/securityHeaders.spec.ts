import { DENIED_PERMISSIONS } from '../../main/app/securityPolicy';
import { E2E_VERSION, expect, test } from './bootstrap';

/** Chromium's own view of the policy; not in TypeScript's DOM types. */
interface FeaturePolicy {
  features(): string[];
  allowedFeatures(): string[];
}

test.describe('security headers in the browser', () => {
  test('the page loads with them, Chromium accepts every denied feature, and none is left allowed', async ({ page, app }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    const response = await page.goto(app.url);
    expect(response?.headers()['permissions-policy']).toContain('camera=()');
    expect(response?.headers()['cross-origin-opener-policy']).toBe('same-origin');
    await expect(page.getByTestId('app-version')).toContainText(E2E_VERSION);

    // An unknown or retired feature name costs a console warning on every load.
    expect(messages.filter((text) => /Permissions-Policy|Cross-Origin|Referrer/i.test(text))).toEqual([]);
    const policy = await page.evaluate(() => {
      const featurePolicy = (document as unknown as { featurePolicy: FeaturePolicy }).featurePolicy;
      return { known: featurePolicy.features(), allowed: featurePolicy.allowedFeatures() };
    });
    for (const feature of DENIED_PERMISSIONS) expect(policy.known, feature).toContain(feature);
    // Client hints (ch-*) stay at their defaults on purpose; everything else is denied. A feature a
    // newer Chromium adds shows up here and belongs in DENIED_PERMISSIONS.
    expect(policy.allowed.filter((feature) => !feature.startsWith('ch-'))).toEqual([]);
  });
});
