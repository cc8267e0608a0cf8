import { expect, test } from './bootstrap';
import { cartRow, ITEMS, openStore, rp, scan, STORE_SETTINGS, enter, expectSynced } from './checkout/checkoutHarness';
import { typeLikeScanner } from './helpers/typeLikeScanner';
import { checkScreen } from './shell/screenCheck';

// A valid EAN-13 that no catalog holds.
const UNKNOWN_EAN = '8990000000006';

test.describe('checkout', () => {
  test('scans merge into lines with totals and tax; an unknown code offers search by name', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.indomie.code);
    await expect(cartRow(page, ITEMS.indomie.code)).toBeVisible();
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-kind', 'ok');
    await scan(page, ITEMS.tehBotol.code);
    await scan(page, ITEMS.indomie.code);
    await expect(cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-qty')).toHaveText('2');
    await expect(page.getByTestId('cart-row')).toHaveCount(2);
    // The scanner's characters never stay in the scan field.
    await expect(page.getByTestId('scan-input')).toHaveValue('');
    // 2 × 3,500 + 5,000 = 12,000; PPN 11% on top = 1,320.
    await expect(page.getByTestId('totals-subtotal')).toHaveText(rp(12_000));
    await expect(page.getByTestId('totals-tax')).toHaveText(rp(1_320));
    await expect(page.getByTestId('totals-total')).toHaveText(rp(13_320));
    await checkScreen(page, testInfo, 'checkout-cart');

    // Keyboard: + on the selected line, ↓ then Delete removes the tea.
    await page.keyboard.press('+');
    await expect(cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-qty')).toHaveText('3');
    await page.keyboard.press('ArrowDown');
    await expect(cartRow(page, ITEMS.tehBotol.code)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('cart-row')).toHaveCount(1);

    await scan(page, UNKNOWN_EAN);
    const feedback = page.getByTestId('scan-feedback');
    await expect(feedback).toHaveAttribute('data-kind', 'error');
    await expect(feedback).toContainText(`Unknown code ${UNKNOWN_EAN}`);
    await expect(page.getByTestId('cart-row')).toHaveCount(1);
    await checkScreen(page, testInfo, 'checkout-unknown-code');
    await page.getByTestId('feedback-search').click();
    await expect(page.getByTestId('search-input')).toBeFocused();
    await enter(page, 'pandan', false);
    await expect(page.getByTestId('search-result').first()).toContainText('Beras Pandan Wangi 5kg');
    await checkScreen(page, testInfo, 'checkout-search');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-dialog')).toBeHidden();
    await expect(page.getByTestId('cart-row')).toHaveCount(2);
    await expect(page.getByTestId('scan-input')).toBeFocused();

    // A discontinued item warns and is added only when the cashier confirms.
    await scan(page, ITEMS.discontinued.code);
    await expect(feedback).toHaveAttribute('data-kind', 'warning');
    await expect(feedback).toContainText('discontinued');
    await expect(page.getByTestId('cart-row')).toHaveCount(2);
    await page.keyboard.press('F10');
    await expect(cartRow(page, ITEMS.discontinued.code)).toBeVisible();

    // F8 sets the selected line's quantity; 0 is refused.
    await page.keyboard.press('F8');
    await expect(page.getByTestId('quantity-value')).toBeFocused();
    await enter(page, '0');
    await expect(page.getByTestId('quantity-problem')).toBeVisible();
    await enter(page, '2');
    await expect(cartRow(page, ITEMS.discontinued.code).getByTestId('cart-row-qty')).toHaveText('2');
    await expect(page.getByTestId('scan-input')).toBeFocused();

    // A HID POS scanner's scan arrives as main's `scan` event and lands in the cart the same way.
    app.services.events.emit('scan', { code: ITEMS.pringlesUpc.code, symbology: ']E0', source: 'hid-pos', at: new Date().toISOString() });
    await expect(cartRow(page, ITEMS.pringlesUpc.code)).toBeVisible();

    // Sale discount (F7): 5 % off the subtotal, shown in the totals.
    await page.keyboard.press('F7');
    await expect(page.getByTestId('discount-value')).toBeFocused();
    await enter(page, '5');
    await expect(page.getByTestId('totals-sale-discount')).toBeVisible();
    await expect(page.getByTestId('scan-input')).toBeFocused();

    // Every checkout action is listed in the help overlay with its key.
    await page.keyboard.press('F1');
    const help = page.getByTestId('help-overlay');
    await expect(help.getByTestId('help-shortcut-checkout.pay')).toContainText('F9');
    await expect(help.getByTestId('help-shortcut-checkout.search')).toContainText('F3');
    await checkScreen(page, testInfo, 'checkout-help');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Bahasa Indonesia.
    await page.getByTestId('lang-id').click();
    await expect(page.getByTestId('open-pay')).toContainText('Bayar');
    await expect(page.getByTestId('totals-panel')).toContainText('Diskon penjualan');
    await checkScreen(page, testInfo, 'checkout-cart-id');

    // Clearing the sale asks first; Escape keeps it, the same key again clears it.
    await page.keyboard.press('Control+Delete');
    await expect(page.getByTestId('void-dialog')).toBeVisible();
    await checkScreen(page, testInfo, 'checkout-void');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('void-dialog')).toBeHidden();
    await expect(page.getByTestId('cart-row')).toHaveCount(4);
    await page.keyboard.press('Control+Delete');
    await expect(page.getByTestId('void-confirm')).toBeVisible();
    await page.keyboard.press('Control+Delete');
    await expect(page.getByTestId('cart-empty')).toBeVisible();
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });

  test('a full sale while DealPOS is unreachable is kept and syncs when it comes back', async ({ page, app }, testInfo) => {
    test.setTimeout(120_000);
    await openStore(app, page);
    app.simulator.faults.offline = true;

    await scan(page, ITEMS.aqua.code);
    await scan(page, ITEMS.bakery.code);
    await expect(page.getByTestId('cart-row')).toHaveCount(2);
    // Nothing outside the offline catalog can be looked up, and the cashier is told exactly that.
    await scan(page, UNKNOWN_EAN);
    await expect(page.getByTestId('scan-feedback')).toContainText('not in the offline catalog');

    // 3,500 + 17,500 = 21,000 + 11 % = 23,310; cash 50,000 → change 26,690.
    await page.keyboard.press('F9');
    await expect(page.getByTestId('pay-dialog')).toBeVisible();
    await expect(page.getByTestId('pay-amount')).toBeFocused();
    await enter(page, '50000');
    await expect(page.getByTestId('pay-change')).toHaveText(rp(26_690));
    await page.keyboard.press('F9');

    const receipt = page.getByTestId('receipt');
    await expect(receipt).toBeVisible();
    await expect(receipt.getByTestId('receipt-change')).toHaveText(rp(26_690));
    const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
    expect(number).toMatch(/^E2E-/);
    // The next sale starts at once: the cart behind the receipt is already empty.
    await expect(page.getByTestId('cart-empty')).toBeAttached();
    await expect(page.getByTestId('status-pending')).toHaveText('1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan-input')).toBeFocused();
    expect(app.simulator.state.findInvoice(STORE_SETTINGS.outlet, number)).toBeNull();

    app.simulator.faults.offline = false;
    await expectSynced(app, number, 90_000);
    await expect(page.getByTestId('status-pending')).toHaveText('0');
    const invoice = app.simulator.state.findInvoice(STORE_SETTINGS.outlet, number);
    expect(invoice?.Payments?.map((p) => p.Method)).toEqual(['Cash']);
    await checkScreen(page, testInfo, 'checkout-after-sync');
  });

  test('a customer seen online is attached from the offline cache while DealPOS is unreachable, and the synced invoice carries them', async ({
    page,
    app,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openStore(app, page);
    const dialog = page.getByTestId('customer-dialog');

    // Online: DealPOS answers, and main remembers the customer.
    await page.keyboard.press('F4');
    await expect(page.getByTestId('customer-value')).toBeFocused();
    await enter(page, 'HW008');
    await expect(dialog.getByTestId('customer-name')).toHaveText('Tafta tata');
    await expect(dialog.getByTestId('customer-offline-notice')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    app.simulator.faults.offline = true;
    await scan(page, ITEMS.aqua.code);
    await expect(page.getByTestId('cart-row')).toHaveCount(1);

    // Offline, by the mobile number in its +62 form (DealPOS holds 0815…): answered from the cache.
    await page.keyboard.press('F4');
    await expect(page.getByTestId('customer-value')).toBeFocused();
    await enter(page, '+6281588818888');
    await expect(dialog.getByTestId('customer-name')).toHaveText('Tafta tata');
    await expect(dialog.getByTestId('customer-points')).toHaveText('88');
    await expect(dialog.getByTestId('customer-offline-notice')).toContainText('DealPOS is unreachable: details as last seen on');
    await expect(dialog.getByTestId('customer-offline-notice')).toContainText("Points can't be redeemed until it is back.");
    await checkScreen(page, testInfo, 'checkout-customer-offline');
    await expect(dialog.getByTestId('customer-attach')).toBeFocused();
    await page.keyboard.press('Enter');
    // Nothing to redeem offline, so attaching goes straight back to scanning.
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('customer-summary-name')).toHaveText('Tafta tata');

    // Reopened, the attached customer is still marked and the PIN check is off.
    await page.keyboard.press('F4');
    await expect(dialog.getByTestId('customer-offline-notice')).toBeVisible();
    await expect(dialog.getByTestId('customer-pin')).toBeDisabled();
    await expect(dialog.getByTestId('customer-check-pin')).toBeDisabled();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.keyboard.press('F9');
    await expect(page.getByTestId('pay-dialog')).toBeVisible();
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
    await page.keyboard.press('F9');
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-customer')).toContainText('Tafta tata');
    const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
    await expect(page.getByTestId('status-pending')).toHaveText('1');
    expect(app.simulator.state.findInvoice(STORE_SETTINGS.outlet, number)).toBeNull();

    app.simulator.faults.offline = false;
    await expectSynced(app, number, 90_000);
    const invoice = app.simulator.state.findInvoice(STORE_SETTINGS.outlet, number);
    expect(invoice?.Customer?.Code).toBe('HW008');
    expect(invoice?.PointUsed ?? 0).toBe(0);
  });

  test('customer by member code, PIN checked with DealPOS, points redeemed', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.cardiganL.code);
    await page.keyboard.press('F4');
    const dialog = page.getByTestId('customer-dialog');
    await expect(page.getByTestId('customer-value')).toBeFocused();
    // A member card scanned while the dialog is open is looked up, not sold.
    const card = app.simulator.state.customerBy('Code', 'CUS0001');
    await typeLikeScanner(page, 'CUS0001');
    await expect(dialog.getByTestId('customer-name')).toHaveText(card?.Name ?? 'missing');
    await expect(page.getByTestId('cart-row')).toHaveCount(1);
    await page.getByTestId('customer-value').focus();
    await enter(page, 'HW008');
    await expect(dialog.getByTestId('customer-name')).toHaveText('Tafta tata');
    await expect(dialog.getByTestId('customer-group')).toHaveText('Gold');
    await expect(dialog.getByTestId('customer-points')).toHaveText('88');
    await checkScreen(page, testInfo, 'checkout-customer-found');
    await expect(dialog.getByTestId('customer-attach')).toBeFocused();
    await page.keyboard.press('Enter');

    // Points stay locked until DealPOS confirms the PIN.
    await expect(dialog.getByTestId('customer-pin')).toBeFocused();
    await expect(dialog.getByTestId('customer-points-input')).toHaveCount(0);
    await enter(page, '000000');
    await expect(dialog.getByTestId('customer-pin-message')).toHaveText('That PIN is not correct.');
    await enter(page, '123654');
    await expect(dialog.getByTestId('customer-points-input')).toBeFocused();
    await checkScreen(page, testInfo, 'checkout-customer-points');
    await enter(page, '50');
    await expect(dialog).toBeHidden();

    // 280,000 − 50 points × 100 = 275,000; + 11 % = 305,250.
    await expect(page.getByTestId('customer-summary-name')).toHaveText('Tafta tata');
    await expect(page.getByTestId('totals-points')).toHaveText(`−${rp(5_000)}`);
    await expect(page.getByTestId('totals-total')).toHaveText(rp(305_250));
    await page.keyboard.press('F9');
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
    await page.keyboard.press('F9');
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-customer')).toContainText('Tafta tata');
    await expect(receipt.getByTestId('receipt-points')).toHaveText(`−${rp(5_000)}`);
    const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
    await expectSynced(app, number);
    const invoice = app.simulator.state.findInvoice(STORE_SETTINGS.outlet, number);
    expect(invoice?.PointUsed).toBe(50);
    expect(invoice?.Customer?.Code).toBe('HW008');
  });

  test('split payment across card and cash gives change; discounts respect the limits', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.cardiganL.code);
    await scan(page, ITEMS.aqua.code);

    // Line discount on the aqua (selected, last scanned): 25 % is over the 20 % limit, 10 % is fine.
    await page.keyboard.press('F6');
    await expect(page.getByTestId('discount-value')).toBeFocused();
    await enter(page, '25');
    // Beyond the limit main asks for a manager; the cashier goes back and gives what is allowed.
    await expect(page.getByTestId('manager-approval-description')).toContainText('over the 20% limit');
    await page.getByTestId('manager-cancel').click();
    await checkScreen(page, testInfo, 'checkout-discount');
    await page.getByTestId('discount-value').fill('');
    await enter(page, '10');
    await expect(cartRow(page, ITEMS.aqua.code).getByTestId('cart-row-discount')).toHaveText('−10%');

    // 280,000 + 3,150 = 283,150; + 11 % (31,146.5 → 31,147) = 314,297.
    await expect(page.getByTestId('totals-total')).toHaveText(rp(314_297));
    await page.keyboard.press('F9');
    await page.keyboard.press('Alt+2');
    await expect(page.getByTestId('pay-method-Debit Card')).toHaveAttribute('aria-pressed', 'true');
    await enter(page, '300000');
    await expect(page.getByTestId('pay-due')).toHaveText(rp(14_297));
    await page.keyboard.press('Alt+1');
    // Quick amounts for 14,297: exact, 15,000, 20,000, 50,000, 100,000 — the customer hands over 100,000.
    await page.getByTestId('pay-quick-4').click();
    await expect(page.getByTestId('pay-change')).toHaveText(rp(85_703));
    await checkScreen(page, testInfo, 'checkout-payment');
    await page.keyboard.press('F9');

    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-payment')).toHaveCount(2);
    await expect(receipt.getByTestId('receipt-change')).toHaveText(rp(85_703));
    await expect(receipt).toContainText('Toko Maju Jaya');
    await expect(receipt).toContainText('Terima kasih!');
    await expect(receipt.getByTestId('receipt-register')).toHaveText('Kasir 1');
    await checkScreen(page, testInfo, 'checkout-receipt');
    await page.screenshot({ path: testInfo.outputPath('checkout-receipt-print.png') });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-area')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('checkout-receipt-printed.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

test.describe('manager approval at the counter', () => {
  test('a discount over the limit asks for a manager PIN; a wrong one is refused, the right one applies it and the receipt says who approved', async ({
    page,
    app,
  }, testInfo) => {
    await openStore(app, page);
    await app.services.handlers['manager.set']({ name: 'Bu Sari', pin: '482916' });
    await scan(page, ITEMS.cardiganL.code);
    await page.keyboard.press('F6');
    await expect(page.getByTestId('discount-value')).toBeFocused();
    await enter(page, '50');

    const prompt = page.getByTestId('manager-approval');
    await expect(prompt.getByTestId('manager-approval-description')).toContainText('needs a manager');
    await expect(prompt.getByTestId('manager-pin')).toBeFocused();
    await checkScreen(page, testInfo, 'checkout-manager-approval');
    await enter(page, '1111');
    await expect(prompt.getByTestId('manager-approval-error')).toContainText('Wrong manager PIN. 4 attempts left.');
    // Nothing applied yet: 280,000 + 11 %.
    await expect(page.getByTestId('totals-total')).toHaveText(rp(310_800));
    await expect(prompt.getByTestId('manager-pin')).toHaveValue('');
    await enter(page, '482916');
    await expect(page.getByTestId('discount-dialog')).toHaveCount(0);
    await expect(cartRow(page, ITEMS.cardiganL.code).getByTestId('cart-row-discount')).toHaveText('−50%');

    // 140,000 + 11 % = 155,400.
    await expect(page.getByTestId('totals-total')).toHaveText(rp(155_400));
    await page.keyboard.press('F9');
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
    await page.keyboard.press('F9');
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-approval')).toHaveText(/50% off, approved by Bu Sari/);
    const number = (await receipt.getByTestId('receipt-number').textContent()) ?? '';
    await expect.poll(() => app.simulator.state.findInvoice(STORE_SETTINGS.outlet, number)?.SalesNTax).toBe(155_400);
  });
});

test.describe('price override at the counter', () => {
  test('a new price for a line needs a manager; the receipt shows the price and who approved it', async ({ page, app }) => {
    await openStore(app, page);
    await app.services.handlers['manager.set']({ name: 'Pak Budi', pin: '135790' });
    await scan(page, ITEMS.cardiganL.code);
    await page.keyboard.press('Shift+F6');
    await expect(page.getByTestId('price-list')).toContainText(rp(280_000));
    await page.getByTestId('price-value').fill('250000');
    await page.keyboard.press('Enter');
    const prompt = page.getByTestId('manager-approval');
    await expect(prompt.getByTestId('manager-approval-description')).toContainText(`sell at ${rp(250_000)} instead of ${rp(280_000)}`);
    await enter(page, '135790');
    await expect(page.getByTestId('price-dialog')).toHaveCount(0);
    // 250,000 + 11 % = 277,500.
    await expect(page.getByTestId('totals-total')).toHaveText(rp(277_500));
    await page.keyboard.press('F9');
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('receipt').getByTestId('receipt-approval')).toContainText('approved by Pak Budi');
  });
});

test.describe('checkout in the demo store', () => {
  test('the receipt of a demo sale is marked DEMO', async ({ page, app }, testInfo) => {
    await app.services.handlers['account.startDemo']({});
    await app.services.handlers['settings.update']({ outlet: STORE_SETTINGS.outlet, register: 'Demo 1', paymentMethods: ['Cash'] });
    await page.goto(app.url);
    await expect(page.getByTestId('checkout-screen')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await scan(page, ITEMS.indomie.code);
    await expect(cartRow(page, ITEMS.indomie.code)).toBeVisible();
    await page.keyboard.press('F9');
    await page.keyboard.press('F5');
    // Completing before main has taken the payment is refused as unpaid: wait for it, as a cashier sees it.
    await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
    await page.keyboard.press('F9');
    const receipt = page.getByTestId('receipt');
    await expect(receipt.getByTestId('receipt-demo')).toContainText('DEMO');
    await checkScreen(page, testInfo, 'checkout-receipt-demo');
  });
});
