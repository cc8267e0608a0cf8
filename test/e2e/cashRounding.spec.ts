/**
 * Cash rounding (issue 13) as a store owner and a cashier use it: the owner picks the store's
 * smallest coin in Settings; a Rp 3.885 sale (Indomie 3.500 + 11 % tax added) then shows its
 * rounding in the cart and the payment dialog, costs Rp 3.800 in cash, quick cash starts at 3.800,
 * and the receipt and DealPOS's invoice say the same. Screenshots and an axe scan at each step.
 */
import { expect, test } from './bootstrap';
import { expectSynced, ITEMS, openStore, rp, scan, STORE_SETTINGS } from './checkout/checkoutHarness';
import { checkScreen } from './shell/screenCheck';

test('the owner turns on rounding to Rp 100 and a Rp 3.885 cash sale is charged Rp 3.800, on screen, receipt and invoice', async ({ page, app }, testInfo) => {
  await openStore(app, page);

  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('settings-form');
  const coin = form.getByTestId('settings-cash-rounding');
  await expect(coin).toHaveValue('');
  await expect(coin.locator('option')).toHaveText([
    'Off: cash is charged to the exact amount',
    ...[50, 100, 200, 500, 1_000].map((c) => `Round cash sales down to the nearest ${rp(c)}`),
  ]);
  await coin.selectOption({ label: `Round cash sales down to the nearest ${rp(100)}` });
  await form.getByTestId('settings-save').click();
  await expect(form.getByTestId('settings-saved')).toBeVisible();
  await coin.scrollIntoViewIfNeeded();
  await checkScreen(page, testInfo, 'settings-cash-rounding');
  // The same choice in Indonesian.
  await page.getByTestId('lang-id').click();
  await expect(coin.locator('option:checked')).toHaveText(`Bulatkan penjualan tunai ke bawah ke ${rp(100)} terdekat`);
  await checkScreen(page, testInfo, 'settings-cash-rounding-id');
  await page.getByTestId('lang-en').click();
  await expect(coin.locator('option:checked')).toHaveText(`Round cash sales down to the nearest ${rp(100)}`);
  expect((await app.services.handlers['settings.get']({})).cashRoundingCoin).toBe(100);

  await page.getByTestId('nav-checkout').click();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await scan(page, ITEMS.indomie.code);
  // 3.500 + 385 tax = 3.885; 77 off before the tax makes 3.423 + 377 = 3.800.
  const totals = page.getByTestId('totals-panel');
  await expect(totals.getByTestId('totals-rounding')).toHaveText(`−${rp(77)}`);
  await expect(totals).toContainText('Rounding (before tax)');
  await expect(totals.getByTestId('totals-tax')).toHaveText(rp(377));
  await expect(totals.getByTestId('totals-total')).toHaveText(rp(3_800));
  await checkScreen(page, testInfo, 'cart-rounded');

  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-rounding')).toHaveText(`−${rp(77)}`);
  await expect(page.getByTestId('pay-total')).toHaveText(rp(3_800));
  await expect(page.getByTestId('pay-due')).toHaveText(rp(3_800));
  const quick = page.getByRole('group', { name: 'Quick amounts' }).getByRole('button');
  await expect(quick).toContainText([rp(3_800), rp(5_000), rp(10_000), rp(20_000), rp(50_000), rp(100_000)]);
  await checkScreen(page, testInfo, 'payment-rounded');
  // The customer hands over a Rp 5.000 note.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('pay-change')).toHaveText(rp(1_200));
  await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
  await page.keyboard.press('F9');

  const receipt = page.getByTestId('receipt-dialog');
  await expect(receipt).toBeVisible();
  await expect(receipt.getByTestId('receipt-rounding')).toHaveText(`−${rp(77)}`);
  await expect(receipt.getByTestId('receipt-total')).toHaveText(rp(3_800));
  await expect(receipt.getByTestId('receipt-change')).toHaveText(rp(1_200));
  await checkScreen(page, testInfo, 'receipt-rounded');

  const { sales } = await app.services.handlers['receipts.today']({ limit: 1 });
  const summary = sales[0];
  if (!summary) throw new Error('the sale was not recorded');
  const recorded = await app.services.handlers['receipts.get']({ localId: summary.localId });
  expect(recorded.totals).toMatchObject({ total: 3_800, rounding: 85, roundingDiscount: 77 });
  expect(recorded.receipt.rounding).toEqual({ amount: 77, beforeTax: true });
  await expectSynced(app, summary.invoiceNumber);
  const invoice = app.simulator.state.findInvoice(STORE_SETTINGS.outlet, summary.invoiceNumber);
  expect({ total: invoice?.SalesNTax, tax: invoice?.Tax, discount: invoice?.DiscountAmount }).toEqual({ total: 3_800, tax: 377, discount: 77 });
});
