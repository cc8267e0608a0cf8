/** Steps the shell's specs share: connecting through the UI, arranging settings, recording a sale. */
import { expect, type Page } from '@playwright/test';
import type { CompletedSale } from '../../../shared/contract/sale';
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

/**
 * Arranges a sellable configuration directly through main's handlers (the settings UI has its own
 * spec), and has main look up the sellable codes so they are in its catalog for offline sales.
 */
export async function configureStore(app: AppHarness): Promise<void> {
  await app.services.handlers['settings.update']({ outlet: 'Outlet1', register: 'Counter 1', taxType: 'No Tax', salesTag: 'Offline', paymentMethods: ['Cash'] });
  for (const code of sellableCodes(app)) await app.services.handlers['catalog.resolve']({ code });
}

/** Two sellable variant codes from the simulator's fixed catalog. */
export function sellableCodes(app: AppHarness): [string, string] {
  const codes = app.simulator.state.catalog.fixed.filter((v) => !v.Discontinued).map((v) => v.Code);
  const [first, second] = codes;
  if (!first || !second) throw new Error('the simulator catalog has fewer than two sellable variants');
  return [first, second];
}

/** Records a paid cash sale through the renderer's own bridge, as the checkout does: two scans, exact cash, complete. */
export async function recordSale(page: Page, code: string): Promise<CompletedSale> {
  const result = await page.evaluate(async (scanned) => {
    const current = await window.pos.sale.current({});
    if (!current.ok) return current;
    const draftId = current.value.sale.draftId;
    let due = 0;
    for (let i = 0; i < 2; i++) {
      const scan = await window.pos.sale.scan({ draftId, code: scanned });
      if (!scan.ok) return scan;
      if (scan.value.status !== 'added') return { ok: false as const, error: { code: 'validation' as const, message: `scan answered ${scan.value.status}` } };
      due = scan.value.sale.totals.due;
    }
    const paid = await window.pos.sale.addPayment({ draftId, method: 'Cash', amount: due });
    if (!paid.ok) return paid;
    const done = await window.pos.sale.complete({ draftId });
    return done.ok ? { ok: true as const, value: done.value.recorded } : done;
  }, code);
  if (!result.ok) throw new Error(`recording a sale failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}
