import { ean13 } from '../../main/simulator/ean13';
import { expect, test } from './bootstrap';
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
