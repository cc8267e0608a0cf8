/**
 * Helpers for the checkout specs: a store connected to the bootstrap's simulator with a synced
 * catalog, scanner-speed typing (the keyboard-wedge path), and per-screen artifacts.
 */
import { expect, type Page } from '@playwright/test';
import type { SettingsPatch } from '../../../shared/contract/settings';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, type AppHarness } from '../bootstrap';

export const ITEMS = DEMO_FIXTURES.variants;

export const STORE_SETTINGS: SettingsPatch = {
  outlet: DEMO_FIXTURES.outlets.main,
  register: 'Kasir 1',
  taxType: DEMO_FIXTURES.taxes.ppnExclusive,
  paymentMethods: [DEMO_FIXTURES.paymentMethods.cash, DEMO_FIXTURES.paymentMethods.debit, DEMO_FIXTURES.paymentMethods.qris],
  receiptHeader: 'Toko Maju Jaya\nJl. Merdeka 17',
  receiptFooter: 'Terima kasih!',
  loyaltyPointValue: 100,
  maxLineDiscountPercent: 20,
  invoiceNumberPrefix: 'E2E',
};

/** Connects the app to the bootstrap's simulator (a live account, so its faults apply) and syncs the catalog. */
export async function openStore(app: AppHarness, page: Page, settings: SettingsPatch = {}): Promise<void> {
  await app.services.handlers['account.connect']({
    subdomain: `127.0.0.1:${app.simulator.port}`,
    clientId: SIMULATOR_CLIENT_ID,
    clientSecret: SIMULATOR_CLIENT_SECRET,
  });
  await app.services.handlers['settings.update']({ ...STORE_SETTINGS, ...settings });
  await app.services.handlers['catalog.syncNow']({});
  await expect
    .poll(async () => (await app.services.handlers['catalog.syncState']({})).state, { timeout: 30_000 })
    .toBe('complete');
  await page.goto(app.url);
  await expect(page.getByTestId('checkout-screen')).toBeVisible();
  await expect(page.getByTestId('scan-input')).toBeFocused();
}

/** Types like a keyboard-mode scanner: a fast burst of characters, then Enter. */
export async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

export function cartRow(page: Page, code: string) {
  return page.locator(`[data-testid="cart-row"][data-code="${code}"]`);
}

/** Rupiah as the app formats them ("Rp 12.500" with a non-breaking space). */
export function rp(amount: number): string {
  return new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}
