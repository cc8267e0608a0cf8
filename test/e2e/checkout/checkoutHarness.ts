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

/**
 * Playwright sends a key only after the page handled the previous one, and two test workers share
 * two cores, so a "scanner" burst here can have gaps a real scanner (whose keys carry the OS's
 * timestamps) never has. The thresholds are a setting; the specs widen them and enter human text
 * with `fill`, which sends no key events.
 */
export const E2E_WEDGE = { minLength: 6, maxGapMs: 400, maxAverageGapMs: 200, terminators: ['Enter', 'Tab'] as Array<'Enter' | 'Tab'> };

/** Connects the app to the bootstrap's simulator (a live account, so its faults apply) and syncs the catalog. */
export async function openStore(app: AppHarness, page: Page, settings: SettingsPatch = {}): Promise<void> {
  await app.services.handlers['account.connect']({
    subdomain: `127.0.0.1:${app.simulator.port}`,
    clientId: SIMULATOR_CLIENT_ID,
    clientSecret: SIMULATOR_CLIENT_SECRET,
  });
  await app.services.handlers['settings.update']({ ...STORE_SETTINGS, ...settings });
  await app.services.handlers['scanner.setWedgeSettings'](E2E_WEDGE);
  await app.services.handlers['catalog.syncNow']({});
  await expect
    .poll(async () => (await app.services.handlers['catalog.syncState']({})).state, { timeout: 30_000 })
    .toBe('complete');
  await page.goto(app.url);
  await expect(page.getByTestId('checkout-screen')).toBeVisible();
  await expect(page.getByTestId('scan-input')).toBeFocused();
}

/**
 * Types like a keyboard-mode scanner (a fast burst of characters, then Enter) and waits for the
 * scan's feedback. Playwright sends each key only after the page handled the previous one, so a
 * burst typed while the page is still busy with the last scan would arrive too slowly to look like
 * a scanner (a real scanner's keys carry the OS's timestamps); waiting for the feedback avoids that.
 */
export async function scan(page: Page, code: string): Promise<void> {
  const feedback = page.getByTestId('scan-feedback');
  const before = Number((await feedback.getAttribute('data-seq', { timeout: 50 }).catch(() => null)) ?? 0);
  await settled(page);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await expect(feedback).toHaveAttribute('data-seq', String(before + 1));
}

/** Resolves once the page has painted a frame and run what was queued before it. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
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
