import { expect, test } from './bootstrap';
import { connectLive } from './shell/flows';
import { checkScreen } from './shell/screenCheck';

test.describe('app shell', () => {
  test('first run offers connect or demo; status bar, help overlay and screens are reachable', async ({ page, app }, testInfo) => {
    await page.goto(app.url);
    await expect(page.getByTestId('onboarding')).toBeVisible();
    await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'setup');
    await expect(page.getByTestId('status-pending')).toHaveText('0');
    // Nothing is connected yet: the bar says so, and its dot is the neutral grey, not online's green.
    const connection = page.getByTestId('status-connectivity');
    await expect(connection).toHaveText('Not connected');
    await expect(connection).toHaveAttribute('data-state', 'not_connected');
    await expect(connection.locator('.status-dot')).toHaveCSS('background-color', 'rgb(156, 163, 175)');
    await checkScreen(page, testInfo, 'onboarding');

    await page.keyboard.press('F1');
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeVisible();
    await expect(help.getByTestId('help-shortcut-nav.queue')).toContainText('Alt');
    await checkScreen(page, testInfo, 'help-overlay');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    await page.keyboard.press('Alt+3');
    await expect(page.getByTestId('screen-settings')).toBeVisible();
    await expect(page.getByTestId('app-data-dir')).toHaveText(app.dataDir);
    await checkScreen(page, testInfo, 'settings-setup');

    await page.getByTestId('nav-queue').click();
    await expect(page.getByTestId('queue-attention')).toBeVisible();
    await checkScreen(page, testInfo, 'queue-empty');
  });

  test('language switch translates the frame and is kept in settings across a reload', async ({ page, app }, testInfo) => {
    await page.goto(app.url);
    await expect(page.getByTestId('nav-queue')).toContainText('Queue');
    await page.getByTestId('lang-id').click();
    await expect(page.getByTestId('nav-queue')).toContainText('Antrean');
    await expect(page.getByTestId('lang-id')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
    await checkScreen(page, testInfo, 'onboarding-id');
    await expect.poll(async () => (await app.services.handlers['settings.get']({})).language).toBe('id');

    await page.reload();
    await expect(page.getByTestId('nav-queue')).toContainText('Antrean');
    await expect(page.getByTestId('status-connectivity')).toBeVisible();
    // The longer Indonesian labels of all seven screens and Help still fit a 1024 px counter screen.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.getByTestId('nav-help')).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.getByTestId('lang-en').click();
    await expect(page.getByTestId('nav-queue')).toContainText('Queue');
  });

  test('status bar follows live status from main and opens the queue (at 1920×1080)', async ({ page, app }, testInfo) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    // Connectivity means something only once an account is connected (before that the bar says "Not connected").
    await connectLive(page, app);
    // DealPOS really goes away first: any answer from it (a catalog page, a lookup) would set the
    // bar back to online, as it must, and race the status pushed below.
    app.simulator.faults.offline = true;
    app.services.status.update({
      connectivity: 'offline',
      queue: { pending: 3, needsAttention: 2 },
      scanner: { state: 'permission_denied', deviceName: 'Test Scanner', hint: { code: 'linux_permission', udevRuleFile: '70-dealpos-counter-scanners.rules' } },
    });
    await expect(page.getByTestId('status-connectivity')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('status-connectivity')).toHaveText('Offline');
    await expect(page.getByTestId('status-connectivity').locator('.status-dot')).toHaveCSS('background-color', 'rgb(239, 68, 68)');
    await expect(page.getByTestId('status-pending')).toHaveText('3');
    await expect(page.getByTestId('status-needs-attention')).toHaveText('2');
    await expect(page.getByTestId('status-scanner')).toContainText('Test Scanner');
    await expect(page.getByTestId('status-scanner-hint')).toContainText('Linux lets only root read this scanner. Install the udev rule');
    await expect(page.getByTestId('status-scanner-hint')).toContainText('/opt/DealPOS Counter/resources/udev/70-dealpos-counter-scanners.rules');
    await checkScreen(page, testInfo, 'settings-1920-offline');
    await page.getByTestId('status-open-attention').click();
    await expect(page.getByTestId('screen-queue')).toBeVisible();
  });
});
