import { ean13 } from '../../main/simulator/ean13';
import { expect, test } from './bootstrap';
import { cartRow, ITEMS, openStore, rp, scan } from './checkout/checkoutHarness';
import { checkScreen } from './shell/screenCheck';
import { watchApi } from './helpers/apiQuiet';
import { typeLikePerson, typeLikeScanner } from './helpers/typeLikeScanner';

/** Indomie Goreng 85g in the demo store's catalog. */
const INDOMIE = ean13('899100100001');

test.describe('keyboard-mode scanner at the checkout', () => {
  test.beforeEach(async ({ page, app }) => {
    // Watching from the start: calls made after the app's call socket opens are seen only as
    // frames on that socket, and Playwright reports a socket only to listeners present when it opens.
    const api = watchApi(page);
    await page.goto(app.url);
    await page.getByTestId('start-demo').click();
    await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'demo');
    // The host runs in this test process: let the demo catalog sync finish so it cannot stall the
    // key presses (a real scanner's key times come from the OS and are not affected by a busy app).
    await expect(page.getByTestId('catalog-state')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
    // The checkout loads its wedge thresholds from main when it opens; scan once that has settled.
    await page.getByTestId('nav-checkout').click();
    await expect(page.getByTestId('checkout-screen')).toBeVisible();
    await api.quiet();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await expect(page.getByTestId('cart-empty')).toBeVisible();
  });

  test('keys at scanner speed followed by Enter add the item and never land in the scan field', async ({ page, app }) => {
    const scan = app.nextEvent('scan', (event) => event.code === INDOMIE);
    await typeLikeScanner(page, INDOMIE);
    // The wedge scan reaches main and comes back as the one `scan` event every source produces.
    expect(await scan).toMatchObject({ code: INDOMIE, symbology: null, source: 'wedge' });
    await expect(page.getByTestId('cart-row-name')).toHaveText(['Indomie Goreng 85g']);
    await expect(page.getByTestId('cart-row-qty')).toHaveText(['1']);
    await expect(page.getByTestId('scan-feedback')).toContainText('Indomie Goreng 85g');
    await expect(page.getByTestId('scan-input')).toHaveValue('');

    const second = app.nextEvent('scan', (event) => event.code === INDOMIE);
    await typeLikeScanner(page, INDOMIE, { terminator: 'Tab' });
    await second;
    await expect(page.getByTestId('cart-row-qty')).toHaveText(['2']);
    await expect(page.getByTestId('scan-input')).toHaveValue('');
  });

  test('a scan while the cashier has half typed a code adds the item and leaves their text alone', async ({ page }) => {
    await page.getByTestId('scan-input').focus();
    await typeLikePerson(page, '89');
    await typeLikeScanner(page, INDOMIE);
    await expect(page.getByTestId('cart-row-name')).toHaveText(['Indomie Goreng 85g']);
    await expect(page.getByTestId('scan-input')).toHaveValue('89');
  });

  test('a code typed by hand into the empty scan field shows every key, and Enter adds the item', async ({ page }) => {
    const input = page.getByTestId('scan-input');
    await input.focus();
    await typeLikePerson(page, INDOMIE);
    await expect(input).toHaveValue(INDOMIE);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cart-row-name')).toHaveText(['Indomie Goreng 85g']);
    await expect(input).toHaveValue('');
  });

  test('two keys rolled quickly by a person reach the field in order', async ({ page }) => {
    const input = page.getByTestId('scan-input');
    await input.focus();
    // 20 ms apart looks like the start of a scan; the pause after it shows it was typing.
    await typeLikeScanner(page, 'ko', { gapMs: 20, terminator: null });
    await typeLikePerson(page, 'pi');
    await expect(input).toHaveValue('kopi');
    await expect(page.getByTestId('cart-empty')).toBeVisible();
  });

  test('the same keys typed slowly into the search field stay text', async ({ page, app }) => {
    let scans = 0;
    const off = app.services.events.on('scan', () => void (scans += 1));
    await page.getByTestId('open-search').click();
    const search = page.getByTestId('search-input');
    await expect(search).toBeFocused();
    await typeLikePerson(page, INDOMIE);
    await expect(search).toHaveValue(INDOMIE);
    await expect(page.getByTestId('search-result').first()).toContainText('Indomie Goreng 85g');
    // Enter at typing speed is the search's own "add the highlighted item", not a scan terminator.
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('cart-row-name')).toHaveText(['Indomie Goreng 85g']);
    off();
    expect(scans).toBe(0);
  });
});

test.describe('keyboard-mode scanner right after the demo store opens', () => {
  test('a scan the moment the checkout first shows, with the catalog still syncing, adds the row', async ({ page, app }) => {
    await page.goto(app.url);
    await page.getByTestId('start-demo').click();
    await expect(page.getByTestId('first-run')).toBeVisible();
    await page.getByTestId('nav-checkout').click();
    await expect(page.getByTestId('checkout-screen')).toBeVisible();
    await typeLikeScanner(page, INDOMIE);
    await expect(page.getByTestId('cart-row-name')).toHaveText(['Indomie Goreng 85g']);
    await expect(page.getByTestId('cart-row-qty')).toHaveText(['1']);
    await expect(page.getByTestId('scan-input')).toHaveValue('');
  });
});

test.describe('scale labels from the shop scale', () => {
  test('a weight label adds the weighed pack: quantity in kg, price per kg, and the total it comes to', async ({ page, app }, testInfo) => {
    // PPN 11% on top (STORE_SETTINGS); default scale rules: 21 + item 00042 + kg with 3 decimals.
    await openStore(app, page);
    await scan(page, ean13('210004201234'));
    const row = cartRow(page, ITEMS.beefPerKg.code);
    await expect(row.getByTestId('cart-row-name')).toHaveText(ITEMS.beefPerKg.name);
    await expect(row.getByTestId('cart-row-qty')).toHaveText('1.234 kg');
    await expect(row.getByTestId('cart-row-price')).toHaveText(`${rp(149_900)}/kg`);
    // 149,900 × 1.234 = 184,976.6 → 184,977; tax 11 % = 20,347.47 → 20,347; total 205,324.
    await expect(row.getByTestId('cart-row-total')).toHaveText(rp(184_977));
    await expect(page.getByTestId('totals-subtotal')).toHaveText(rp(184_977));
    await expect(page.getByTestId('totals-total')).toHaveText(rp(205_324));

    // A second label of the same item is another pack on its own line; the eggs whose own code looks
    // like a label for 1.5 kg of beef stay eggs.
    await scan(page, ean13('210004200500'));
    await scan(page, ITEMS.eggsLookLikeLabel.code);
    await expect(page.getByTestId('cart-row-qty')).toHaveText(['1.234 kg', '0.500 kg', '1']);
    await expect(page.getByTestId('cart-row-name')).toHaveText([ITEMS.beefPerKg.name, ITEMS.beefPerKg.name, ITEMS.eggsLookLikeLabel.name]);
    await checkScreen(page, testInfo, 'checkout-weighed-items');

    // Settings shows the rules that read those labels, editable, and the scanner devices seen.
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('scale-rule-2-prefix')).toHaveValue('21');
    await expect(page.getByTestId('scale-rule-2-value')).toHaveValue('weight');
    await checkScreen(page, testInfo, 'settings-scale-labels');
    await page.getByTestId('settings-scale').screenshot({ path: testInfo.outputPath('settings-scale-section.png') });
  });
});
