/**
 * Helpers for the checkout specs: a store connected to the bootstrap's simulator with a synced
 * catalog, scanner bursts through the keyboard-wedge path, and text entry that is never a scan.
 */
import { expect, type Page } from '@playwright/test';
import type { SettingsPatch } from '../../../shared/contract/settings';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { typeLikeScanner } from '../helpers/typeLikeScanner';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, type AppHarness } from '../bootstrap';

export const ITEMS = DEMO_FIXTURES.variants;

export const STORE_SETTINGS = {
  outlet: DEMO_FIXTURES.outlets.main,
  register: 'Kasir 1',
  taxType: DEMO_FIXTURES.taxes.ppnExclusive,
  paymentMethods: [DEMO_FIXTURES.paymentMethods.cash, DEMO_FIXTURES.paymentMethods.debit, DEMO_FIXTURES.paymentMethods.qris],
  receiptHeader: 'Toko Maju Jaya\nJl. Merdeka 17',
  receiptFooter: 'Terima kasih!',
  loyaltyPointValue: 100,
  maxLineDiscountPercent: 20,
  invoiceNumberPrefix: 'E2E',
} satisfies SettingsPatch;

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

/**
 * Scans like a keyboard-mode USB scanner (a timed burst of keys, then Enter, with the default wedge
 * thresholds) and waits for the scan's feedback: a named milestone, never a sleep.
 */
export async function scan(page: Page, code: string): Promise<void> {
  const feedback = page.getByTestId('scan-feedback');
  const seq = async (): Promise<string | null> => ((await feedback.count()) === 0 ? null : feedback.getAttribute('data-seq'));
  const before = await seq();
  await typeLikeScanner(page, code);
  await expect.poll(seq).not.toBe(before);
  await expect.poll(seq).not.toBeNull();
}

/** What a person types into the focused field (no key events, so never mistaken for a scan), then Enter if asked. */
export async function enter(page: Page, text: string, submit = true): Promise<void> {
  await page.locator(':focus').fill(text);
  if (submit) await page.keyboard.press('Enter');
}

/** Waits until the outbox reports the invoice synced (a rejection shows up as the state it got stuck in). */
export async function expectSynced(app: AppHarness, invoiceNumber: string, timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const entries = await app.services.handlers['queue.list']({ limit: 500 });
        const entry = entries.find((e) => e.invoiceNumber === invoiceNumber);
        return entry ? `${entry.state}${entry.lastError ? `: ${entry.lastError}` : ''}` : 'missing';
      },
      { timeout, intervals: [100, 250, 500, 1000] },
    )
    .toBe('synced');
}

export function cartRow(page: Page, code: string) {
  return page.locator(`[data-testid="cart-row"][data-code="${code}"]`);
}

/** Rupiah as the app formats them ("Rp 12.500" with a non-breaking space). */
export function rp(amount: number): string {
  return new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount);
}
