/** Steps the shell's specs share: connecting through the UI, arranging settings, recording a sale. */
import { expect, type Page } from '@playwright/test';
import type { CompletedSale } from '../../../shared/contract/sale';
import type { SaleDraft } from '../../../shared/sale/sale';
import { SIMULATOR_CLIENT_ID, SIMULATOR_CLIENT_SECRET, type AppHarness } from '../bootstrap';

/** `127.0.0.1:<port>` — what a manager types as the store address to reach the test simulator. */
export function simulatorHost(app: AppHarness): string {
  return new URL(app.simulator.url).host;
}

export async function fillConnectForm(page: Page, app: AppHarness, secret: string): Promise<void> {
  await page.getByTestId('connect-subdomain').fill(simulatorHost(app));
  await page.getByTestId('connect-client-id').fill(SIMULATOR_CLIENT_ID);
  await page.getByTestId('connect-client-secret').fill(secret);
  await page.getByTestId('connect-submit').click();
}

/** Connects the app to the test simulator through the first-run form; lands on the store setup. */
export async function connectLive(page: Page, app: AppHarness): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByTestId('onboarding')).toBeVisible();
  await fillConnectForm(page, app, SIMULATOR_CLIENT_SECRET);
  await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'live');
  await expect(page.getByTestId('settings-form')).toBeVisible();
}

/** Arranges a sellable configuration directly through main's handlers (the settings UI has its own spec). */
export async function configureStore(app: AppHarness): Promise<void> {
  await app.services.handlers['settings.update']({ outlet: 'Outlet1', register: 'Counter 1', taxType: 'No Tax', salesTag: 'Offline', paymentMethods: ['Cash'] });
}

/** Two sellable variant codes from the simulator's fixed catalog. */
export function sellableCodes(app: AppHarness): [string, string] {
  const codes = app.simulator.state.catalog.fixed.filter((v) => !v.Discontinued).map((v) => v.Code);
  const [first, second] = codes;
  if (!first || !second) throw new Error('the simulator catalog has fewer than two sellable variants');
  return [first, second];
}

/** Records a paid cash sale through the renderer's own bridge, as the checkout does. */
export async function recordSale(page: Page, code: string): Promise<CompletedSale> {
  const sale: SaleDraft = {
    lines: [{ variantCode: code, name: `Item ${code}`, quantity: 2, unitPrice: 15_000, discount: null }],
    saleDiscount: null,
    customer: null,
    pointsRedeemed: 0,
    pointValue: 0,
    tax: { name: 'No Tax', rateBasisPoints: 0, inclusive: false },
    payments: [{ method: 'Cash', amount: 30_000, cash: true }],
  };
  const result = await page.evaluate((draft) => window.pos.sale.complete({ sale: draft }), sale);
  if (!result.ok) throw new Error(`sale.complete failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
