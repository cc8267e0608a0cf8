/**
 * Held sales (issue 16) in the real renderer on real services: a cashier parks a sale with a note,
 * serves the next customer, the host restarts (same data folder), and the parked sale is resumed
 * from the list, with the screen asking first because the cart has items.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { expect, startApp } from './bootstrap';
import { cartRow, ITEMS, openStore, scan } from './checkout/checkoutHarness';

base('a parked sale survives a host restart and is resumed into a busy cart after asking', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-e2e-held-'));
  let app = await startApp({ dataDir });
  try {
    await openStore(app, page);
    await scan(page, ITEMS.indomie.code);
    await scan(page, ITEMS.indomie.code);
    await scan(page, ITEMS.tehBotol.code);
    const quotedTotal = await page.getByTestId('totals-total').textContent();

    await page.getByTestId('open-park').click();
    await page.getByTestId('park-note').fill('Ibu in blue, fetching her wallet');
    await page.getByTestId('park-confirm').click();
    await expect(page.getByTestId('park-dialog')).toHaveCount(0);
    // The next customer is served at once: the cart is empty and the parked sale is counted.
    await expect(page.getByTestId('cart-row')).toHaveCount(0);
    await expect(page.getByTestId('open-held')).toContainText('1');
    await scan(page, ITEMS.aqua.code);
    await expect(cartRow(page, ITEMS.aqua.code)).toHaveCount(1);

    // The host goes away and comes back on the same data folder.
    await app.close();
    app = await startApp({ dataDir });
    await page.goto(app.url);
    await expect(page.getByTestId('checkout-screen')).toHaveAttribute('data-ready', 'true');
    await expect(cartRow(page, ITEMS.aqua.code)).toHaveCount(1);

    await page.getByTestId('open-held').click();
    const row = page.getByTestId('held-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('held-note')).toHaveText('Ibu in blue, fetching her wallet');
    await expect(row.getByTestId('held-lines')).toContainText(`2 × ${ITEMS.indomie.name}`);
    await expect(row.getByTestId('held-total')).toHaveText(quotedTotal ?? '');
    await row.getByTestId('held-resume').click();
    // The cart has Aqua in it: the screen asks, and confirming parks that cart instead of dropping it.
    await expect(page.getByTestId('resume-confirm-dialog')).toBeVisible();
    await page.getByTestId('resume-confirm').click();
    await expect(page.getByTestId('held-dialog')).toHaveCount(0);
    await expect(cartRow(page, ITEMS.indomie.code)).toHaveCount(1);
    await expect(cartRow(page, ITEMS.tehBotol.code)).toHaveCount(1);
    await expect(cartRow(page, ITEMS.aqua.code)).toHaveCount(0);
    await expect(page.getByTestId('totals-total')).toHaveText(quotedTotal ?? '');
    await expect(page.getByTestId('open-held')).toContainText('1');
    await page.getByTestId('open-held').click();
    await expect(page.getByTestId('held-row').getByTestId('held-lines')).toHaveText(`1 × ${ITEMS.aqua.name}`);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
