/**
 * A busy counter (issue 13): long baskets, scans while a dialog is open, short codes, where focus
 * goes after a click, and the receipt's Enter. Each check saves a screenshot and runs an axe scan.
 */
import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from './bootstrap';
import { cartRow, enter, ITEMS, openStore, rp, scan } from './checkout/checkoutHarness';
import { typeLikeScanner } from './helpers/typeLikeScanner';
import { checkScreen } from './shell/screenCheck';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Adds `count` distinct sellable catalog items to main's draft directly (the cart a long shift builds), then reloads the screen. */
async function fillCart(app: AppHarness, page: Page, count: number): Promise<void> {
  const { handlers } = app.services;
  const codes = new Set<string>();
  for (const query of ['indomie', 'aqua', 'teh', 'kopi', 'susu', 'roti', 'beras', 'sabun', 'minyak', 'gula']) {
    for (const item of await handlers['catalog.search']({ query, limit: 100 })) if (!item.discontinued) codes.add(item.code);
  }
  codes.delete(ITEMS.tehBotol.code);
  expect(codes.size).toBeGreaterThanOrEqual(count);
  for (const code of [...codes].slice(0, count)) {
    const { sale } = await handlers['sale.current']({});
    await handlers['sale.addItem']({ draftId: sale.draftId, code, quantity: 1, allowDiscontinued: false });
  }
  await page.reload();
  await expect(page.getByTestId('cart-row')).toHaveCount(count);
}

/** The parts a cashier needs at every basket size are on screen, and the page itself does not scroll. */
async function expectCounterInView(page: Page): Promise<void> {
  await expect(page.getByTestId('scan-input')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('scan-feedback')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('totals-total')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('open-pay')).toBeInViewport({ ratio: 1 });
  const overflow = await page.evaluate(() => {
    const screen = document.querySelector('.screen');
    return {
      page: document.documentElement.scrollHeight - window.innerHeight,
      screen: screen ? screen.scrollHeight - screen.clientHeight : 0,
    };
  });
  expect(overflow).toEqual({ page: 0, screen: 0 });
}

async function blurScanField(page: Page): Promise<void> {
  await page.getByTestId('scan-input').evaluate((input) => input.blur());
  await expect(page.getByTestId('scan-input')).not.toBeFocused();
}

test.describe('checkout at a busy counter', () => {
  test('with 1 and with 60 lines the scan field, feedback, total and Pay stay in view; only the cart scrolls, keeping the newest line in view', async ({
    page,
    app,
  }, testInfo) => {
    test.setTimeout(180_000);
    await openStore(app, page);
    await scan(page, ITEMS.indomie.code);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectCounterInView(page);
      await checkScreen(page, testInfo, `long-basket-1-line-${size.width}x${size.height}`);
    }

    await fillCart(app, page, 59);
    await page.setViewportSize(SIZES[0]);
    await scan(page, ITEMS.tehBotol.code);
    await expect(page.getByTestId('cart-row')).toHaveCount(60);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expectCounterInView(page);
      // The newest line is the selected one, scrolled into view inside the cart list.
      await expect(cartRow(page, ITEMS.tehBotol.code)).toHaveAttribute('aria-selected', 'true');
      // (0.95: the list's 1 px border and sub-pixel row heights clip a fraction of a pixel.)
      await expect(cartRow(page, ITEMS.tehBotol.code)).toBeInViewport({ ratio: 0.95 });
      await checkScreen(page, testInfo, `long-basket-60-lines-${size.width}x${size.height}`);
    }
    // Moving the selection up keeps it in view too.
    for (let i = 0; i < 59; i += 1) await page.keyboard.press('ArrowUp');
    await expect(page.getByTestId('cart-row').first()).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('cart-row').first()).toBeInViewport({ ratio: 0.95 });
    await expectCounterInView(page);
  });

  test('a scan during payment is refused and said; during search it closes search and adds the item; in the customer dialog it is the card; a PIN typed at scanner speed stays the PIN', async ({
    page,
    app,
  }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.cardiganL.code);

    // Payment locks the cart: the total being paid cannot change behind the dialog.
    await page.keyboard.press('F9');
    const total = await page.getByTestId('pay-total').textContent();
    await typeLikeScanner(page, ITEMS.aqua.code);
    const refused = page.getByTestId('dialog-scan-refused');
    await expect(refused).toContainText(`locked during payment, so ${ITEMS.aqua.code} was not added`);
    await expect(page.getByTestId('pay-total')).toHaveText(total ?? 'missing');
    await checkScreen(page, testInfo, 'scan-during-payment-refused');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('pay-dialog')).toBeHidden();
    await expect(page.getByTestId('cart-row')).toHaveCount(1);

    // The quantity dialog is about the selected line: a scan there waits too.
    await page.keyboard.press('F8');
    await typeLikeScanner(page, ITEMS.aqua.code);
    await expect(page.getByTestId('dialog-scan-refused')).toContainText(`${ITEMS.aqua.code} was not added while this window is open`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('cart-row')).toHaveCount(1);

    // Searching by name, then finding the barcode after all: the scan wins.
    await page.keyboard.press('F3');
    await expect(page.getByTestId('search-input')).toBeFocused();
    await typeLikeScanner(page, ITEMS.tehBotol.code);
    await expect(page.getByTestId('search-dialog')).toBeHidden();
    await expect(cartRow(page, ITEMS.tehBotol.code)).toBeVisible();
    await expect(page.getByTestId('scan-input')).toBeFocused();
    await checkScreen(page, testInfo, 'scan-during-search-added');

    // In the customer dialog a scan is the member card; a PIN typed as fast as a scanner is still the PIN.
    await page.keyboard.press('F4');
    const dialog = page.getByTestId('customer-dialog');
    await expect(page.getByTestId('customer-value')).toBeFocused();
    await enter(page, 'HW008');
    await expect(dialog.getByTestId('customer-name')).toHaveText('Tafta tata');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('customer-pin')).toBeFocused();
    await typeLikeScanner(page, '123654');
    await expect(dialog.getByTestId('customer-points-input')).toBeFocused();
    await expect(page.getByTestId('cart-row')).toHaveCount(2);
  });

  test('a 5-character code scanned with the scan field not focused is added; a burst too short for a scan is said, not lost', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    const shortest = (await app.services.handlers['catalog.shortestCode']({})).length;
    expect(shortest).not.toBeNull();
    expect(shortest).toBeLessThanOrEqual(ITEMS.cardiganL.code.length);
    // Focus left the scan field (the window lost and regained it): only the detector can see the scan.
    await blurScanField(page);
    await scan(page, ITEMS.cardiganL.code);
    await expect(cartRow(page, ITEMS.cardiganL.code)).toBeVisible();

    await blurScanField(page);
    await scan(page, 'X9');
    await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-kind', 'error');
    await expect(page.getByTestId('scan-feedback')).toContainText('Keys “X9” came as fast as a scan but too short');
    await expect(page.getByTestId('cart-row')).toHaveCount(1);
    await checkScreen(page, testInfo, 'short-burst-reported');
  });

  test('after EN/ID, a header button, a row’s + or − and the help overlay, typed keys go to the scan field again', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.indomie.code);
    const scanInput = page.getByTestId('scan-input');

    await page.getByTestId('lang-id').click();
    await expect(page.getByTestId('open-pay')).toContainText('Bayar');
    await expect(scanInput).toBeFocused();
    await page.getByTestId('lang-en').click();
    await expect(scanInput).toBeFocused();

    await cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-increase').click();
    await expect(cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-qty')).toHaveText('2');
    await expect(scanInput).toBeFocused();
    await cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-decrease').click();
    await expect(cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-qty')).toHaveText('1');
    await expect(scanInput).toBeFocused();

    await page.getByTestId('nav-checkout').click();
    await expect(scanInput).toBeFocused();
    await page.getByTestId('nav-help').click();
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeVisible();
    // Every shortcut is listed; those not usable now (nothing discontinued to add, no receipt yet) are marked.
    await expect(help.getByTestId('help-shortcut-checkout.addAnyway')).toHaveAttribute('data-available', 'false');
    await expect(help.getByTestId('help-shortcut-checkout.addAnyway')).toContainText('not available right now');
    await expect(help.getByTestId('help-shortcut-checkout.print')).toHaveAttribute('data-available', 'false');
    await expect(help.getByTestId('help-shortcut-checkout.pay')).toHaveAttribute('data-available', 'true');
    await checkScreen(page, testInfo, 'help-lists-unavailable-shortcuts');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-overlay')).toBeHidden();
    await expect(scanInput).toBeFocused();

    // A code typed by hand now lands where it should.
    await page.keyboard.type(ITEMS.tehBotol.code, { delay: 120 });
    await page.keyboard.press('Enter');
    await expect(cartRow(page, ITEMS.tehBotol.code)).toBeVisible();
    await checkScreen(page, testInfo, 'focus-back-in-scan-field');
  });

  test('on the receipt Enter is Next sale, also after a click on Print', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.indomie.code);
    await page.keyboard.press('F9');
    // Rp 3.885 due: the quick amounts are the notes people hand over.
    const quick = page.getByRole('group', { name: 'Quick amounts' }).getByRole('button');
    await expect(quick).toHaveCount(6);
    await expect(quick).toContainText([rp(3_885), rp(5_000), rp(10_000), rp(20_000), rp(50_000), rp(100_000)]);
    await checkScreen(page, testInfo, 'quick-cash-notes');
    await page.keyboard.press('F5');
    await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('receipt-dialog')).toBeVisible();
    // Count prints instead of opening the browser's print dialog.
    await page.evaluate(() => {
      const counter = window as unknown as { prints: number };
      counter.prints = 0;
      window.print = () => {
        counter.prints += 1;
      };
    });
    await page.getByTestId('receipt-print').click();
    await checkScreen(page, testInfo, 'receipt-after-print');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-dialog')).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(1);
    await expect(page.getByTestId('cart-empty')).toBeVisible();
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });

  test('messages for people: no socket codes in the customer dialog, old feedback goes, Save focuses the first invalid setting', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await scan(page, ITEMS.indomie.code);
    await scan(page, '8990000000006');
    const feedback = page.getByTestId('scan-feedback');
    await expect(feedback).toContainText('Unknown code 8990000000006');
    // The next change to the sale makes that message old news.
    await page.keyboard.press('+');
    await expect(cartRow(page, ITEMS.indomie.code).getByTestId('cart-row-qty')).toHaveText('2');
    await expect(feedback).toHaveCount(0);

    // DealPOS refuses connections (ECONNREFUSED): the cashier reads what to do, not the code.
    await app.simulator.refuseConnections();
    await page.keyboard.press('F4');
    await enter(page, 'ZZ999');
    const message = page.getByTestId('customer-message');
    await expect(message).toContainText('check this computer’s internet connection', { ignoreCase: true });
    await expect(message).not.toContainText('ECONNREFUSED');
    await checkScreen(page, testInfo, 'customer-dealpos-unreachable');
    await page.keyboard.press('Escape');
    await app.simulator.acceptConnections();

    // Settings: Save with an invalid value far down the form takes the manager to it.
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('settings-form');
    await form.getByTestId('settings-max-line-discount').fill('150');
    await form.getByTestId('settings-save').click();
    await expect(form.getByTestId('settings-max-line-discount')).toBeFocused();
    await expect(form.getByTestId('settings-max-line-discount')).toBeInViewport();
    await checkScreen(page, testInfo, 'settings-first-invalid-focused');
  });

  test('search tells look-alike variants apart by code, price and variant name', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await page.keyboard.press('F3');
    await enter(page, 'Kopi Kapal Api Special 165g', false);
    const alike = page.locator('[data-testid="search-result"][data-lookalike="true"]');
    await expect(page.getByTestId('search-lookalike-hint')).toBeVisible();
    expect(await alike.count()).toBeGreaterThan(1);
    const codes = await alike.getByTestId('search-result-code').allTextContents();
    expect(new Set(codes).size).toBe(codes.length);
    await expect(alike.first().getByTestId('search-result-detail')).toContainText('Variant 165g');
    await checkScreen(page, testInfo, 'search-look-alikes');
  });
});
