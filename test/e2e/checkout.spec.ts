import { expect, test } from './bootstrap';
import { cartRow, ITEMS, openStore, rp, scan } from './checkout/checkoutHarness';
import { checkScreen } from './shell/screenCheck';

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

    await scan(page, '8990000000000');
    const feedback = page.getByTestId('scan-feedback');
    await expect(feedback).toHaveAttribute('data-kind', 'error');
    await expect(feedback).toContainText('Unknown code 8990000000000');
    await expect(page.getByTestId('cart-row')).toHaveCount(2);
    await page.getByTestId('feedback-search').click();
    await expect(page.getByTestId('search-input')).toBeFocused();
    await page.keyboard.type('pandan');
    await expect(page.getByTestId('search-result').first()).toContainText('Beras Pandan Wangi 5kg');
    await checkScreen(page, testInfo, 'checkout-search');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('search-dialog')).toBeHidden();
    await expect(page.getByTestId('cart-row')).toHaveCount(3);
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });
});
