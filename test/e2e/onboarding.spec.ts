import { SIMULATOR_CLIENT_SECRET, expect, test } from './bootstrap';
import { checkScreen } from './shell/screenCheck';
import { fillConnectForm, simulatorHost } from './shell/flows';

test.describe('first run', () => {
  test('connect: a wrong secret is refused with the specific reason and nothing is kept; the right one connects', async ({ page, app }, testInfo) => {
    await page.goto(app.url);
    await expect(page.getByTestId('onboarding')).toBeVisible();

    await fillConnectForm(page, app, 'not-the-secret');
    const error = page.getByTestId('connect-error');
    await expect(error).toContainText('DealPOS refused the client id or secret.');
    await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'setup');
    expect((await app.services.handlers['account.status']({})).mode).toBe('setup');
    await checkScreen(page, testInfo, 'onboarding-wrong-secret');

    await fillConnectForm(page, app, SIMULATOR_CLIENT_SECRET);
    await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'live');
    await expect(page.getByTestId('screen-settings')).toBeVisible();
    await expect(page.getByTestId('account-subdomain')).toHaveText(simulatorHost(app));
    await expect(page.getByTestId('first-run')).toBeVisible();
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  });

  test('demo: the embedded store starts, is marked DEMO everywhere, and the store setup completes with a synced catalog', async ({ page, app }, testInfo) => {
    await page.goto(app.url);
    await page.getByTestId('start-demo').click();
    await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'demo');
    await expect(page.getByTestId('demo-banner')).toContainText('DEMO');
    await expect(page.getByTestId('status-demo')).toBeVisible();
    await expect(page.getByTestId('first-run')).toBeVisible();

    // Store setup from DealPOS's own lists.
    const form = page.getByTestId('settings-form');
    await expect(form.getByTestId('settings-outlet').locator('option')).not.toHaveCount(1);
    await form.getByTestId('settings-outlet').selectOption({ index: 1 });
    const outlet = await form.getByTestId('settings-outlet').inputValue();
    await form.getByTestId('settings-register').fill('Counter 1');
    await form.getByTestId('settings-tax-type').selectOption({ index: 1 });
    await form.getByTestId('settings-max-line-discount').fill('150');
    await form.getByTestId('settings-save').click();
    await expect(form.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
    await form.getByTestId('settings-max-line-discount').fill('20');
    await form.getByTestId('settings-receipt-footer').fill('Terima kasih!');
    await form.getByTestId('settings-save').click();
    await expect(form.getByTestId('settings-saved')).toBeVisible();
    const saved = await app.services.handlers['settings.get']({});
    expect(saved).toMatchObject({ outlet, register: 'Counter 1', maxLineDiscountPercent: 20, receiptFooter: 'Terima kasih!' });
    await expect(page.getByTestId('status-outlet')).toContainText(outlet);
    await expect(page.getByTestId('status-register')).toContainText('Counter 1');

    // Catalog sync reaches the end and says when.
    await page.getByTestId('catalog-sync-now').click();
    await expect(page.getByTestId('catalog-state')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
    await expect(page.getByTestId('catalog-last-sync')).not.toContainText('never');
    await checkScreen(page, testInfo, 'settings-demo');

    await page.getByTestId('first-run-done').click();
    await expect(page.getByTestId('screen-checkout')).toBeVisible();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await checkScreen(page, testInfo, 'checkout-demo');
  });
});
