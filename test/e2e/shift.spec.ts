/**
 * A cashier's whole shift at 1366 × 768 (issue 15), with a screenshot and an axe scan at each step:
 * cashiers and the rules in Settings, a sale refused without a shift, open with a float, sell, the
 * X report (expected cash hidden by the blind count), cash in, the blind count, the close, and the
 * numbered Z report that reaches the simulator with the same Sales and Tax.
 */
import { expect, test } from './bootstrap';
import { ITEMS, openStore, rp, scan } from './checkout/checkoutHarness';
import { checkScreen } from './shell/screenCheck';

test.use({ viewport: { width: 1366, height: 768 } });

test('open, sell, X report, blind count, close and the Z report', async ({ page, app }, testInfo) => {
  // Six screens, each with an axe scan, on a shared machine.
  test.setTimeout(180_000);
  await openStore(app, page);

  // Settings → Shifts: the cashiers, an open shift required for every sale, a blind count.
  await page.getByTestId('nav-settings').click();
  const settings = page.getByTestId('shift-settings');
  await settings.getByTestId('shift-settings-cashiers').fill('Ani\nBudi');
  await settings.getByTestId('shift-settings-require').check();
  await settings.getByTestId('shift-settings-blind').check();
  await settings.getByTestId('shift-settings-save').click();
  await expect(settings.getByTestId('shift-settings-outcome')).toHaveText('Shift settings saved.');
  await settings.scrollIntoViewIfNeeded();
  await checkScreen(page, testInfo, 'shift-settings');

  // Without an open shift main refuses the sale.
  await page.getByTestId('nav-checkout').click();
  await scan(page, ITEMS.indomie.code);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-dialog')).toContainText('Open a shift before completing a sale');
  await page.keyboard.press('Escape');

  // Open: a bad float is refused naming the field; then Ani opens with Rp 200.000.
  await page.getByTestId('nav-shift').click();
  const open = page.getByTestId('shift-open-form');
  await open.getByTestId('shift-cashier').selectOption('Ani');
  await open.getByTestId('shift-float').fill('-5');
  await open.getByTestId('shift-open-submit').click();
  await expect(open.getByTestId('shift-float')).toHaveAttribute('aria-invalid', 'true');
  await expect(open).toContainText('Enter a whole amount of 0 or more');
  await open.getByTestId('shift-float').fill('200.000');
  await checkScreen(page, testInfo, 'shift-open');
  await open.getByTestId('shift-open-submit').click();
  await expect(page.getByTestId('shift-current')).toContainText('Ani');

  // Sell: the paid sale that was refused completes now, into Ani's shift.
  await page.getByTestId('nav-checkout').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('receipt')).toHaveCount(0);

  // X report: the sale is counted; the blind count hides the expected cash from the cashier.
  await page.getByTestId('nav-shift').click();
  await page.getByTestId('shift-action-x').click();
  const x = page.getByTestId('shift-x-report');
  await expect(x.getByTestId('x-totals-count')).toBeVisible();
  await expect(x).toContainText('Sales (1)');
  await expect(x.getByTestId('x-totals-expected')).toHaveText('Hidden (blind count)');
  await checkScreen(page, testInfo, 'shift-x-report');

  // Cash in.
  await page.getByTestId('shift-action-cash_in').click();
  await page.getByTestId('shift-cash-amount').fill('50.000');
  await page.getByTestId('shift-cash-reason').fill('Small notes from the bank');
  await page.getByTestId('shift-cash-submit').click();
  await expect(page.getByTestId('shift-movements')).toContainText('Small notes from the bank');

  // Blind count by note and coin: no expected figure until the count is saved.
  await page.getByTestId('shift-action-close').click();
  const close = page.getByTestId('shift-close-form');
  await expect(close.getByTestId('shift-blind')).toBeVisible();
  await expect(close.getByTestId('shift-expected')).toHaveCount(0);
  await close.getByTestId('shift-count-100000').fill('2');
  await close.getByTestId('shift-count-50000').fill('1');
  await close.getByTestId('shift-count-2000').fill('1');
  await close.getByTestId('shift-count-500').fill('-1');
  await close.getByTestId('shift-close-submit').click();
  await expect(close.getByTestId('shift-count-500')).toHaveAttribute('aria-invalid', 'true');
  await close.getByTestId('shift-count-500').fill('');
  await expect(close.getByTestId('shift-counted')).toHaveText(`Counted: ${rp(252_000)}`);
  await checkScreen(page, testInfo, 'shift-blind-count');
  await close.getByTestId('shift-close-submit').click();

  // The Z report: numbered, expected vs counted and the variance, as main stored it.
  const z = page.getByTestId('z-report');
  await expect(z).toContainText('Z report #1');
  const stored = await app.services.handlers['shift.zReport']({ number: 1 });
  expect(stored.totals.saleCount).toBe(1);
  expect(stored.count.counted).toBe(252_000);
  expect(stored.count.expected).toBe(200_000 + stored.totals.salesTotal + 50_000);
  await expect(z.getByTestId('z-expected')).toHaveText(rp(stored.count.expected));
  await expect(z.getByTestId('z-variance')).toHaveText(stored.count.variance < 0 ? `−${rp(-stored.count.variance)}` : `+${rp(stored.count.variance)}`);
  await checkScreen(page, testInfo, 'shift-z-report');

  // The close reaches DealPOS with the Z's Sales and Tax; the manager's list shows both sides.
  await expect.poll(async () => (await app.services.handlers['shift.zReport']({ number: 1 })).sync.close, { timeout: 30_000 }).toBe('synced');
  const onServer = app.simulator.state.shifts;
  expect(onServer).toHaveLength(1);
  expect(onServer[0]).toMatchObject({ Register: 'Kasir 1', Sales: stored.totals.sales, Tax: stored.totals.tax, TotalInvoice: 1 });
  await page.getByTestId('shift-list-refresh').click();
  await expect(page.getByTestId('shift-list-remote')).toContainText(onServer[0]?.Number ?? 'missing');
  await expect(page.getByTestId('shift-list-variance').first()).toHaveText(stored.count.variance < 0 ? `−${rp(-stored.count.variance)}` : `+${rp(stored.count.variance)}`);
  await page.getByTestId('z-back').click();
  await page.getByTestId('shift-view-z-1').click();
  await expect(page.getByTestId('z-sync')).toHaveAttribute('data-state', 'synced');
  await checkScreen(page, testInfo, 'shift-list');
});
