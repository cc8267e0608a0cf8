/**
 * Drives the real Electron app (main process, sandboxed preload, renderer from app://counter) on a
 * throwaway user-data folder: the demo store, a scanned sale, the Queue, and a restart on the same
 * folder. `npm test` builds dist/main and dist/renderer first. On machines where the Electron binary
 * cannot be downloaded (like CI here) the spec reports itself skipped with the reason; the
 * browser-host specs drive the same renderer and services there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { APP_PAGE_URL } from '../../main/app/appProtocol';
import { EXIT_CODES } from '../../main/app/exitCodes';
import { DEMO_FIXTURES } from '../../main/simulator/demoData';
import { cartRow, ITEMS, scan } from './checkout/checkoutHarness';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const mainBundle = path.resolve('dist/main/electronMain.cjs');

/**
 * Starts the app on `userData`, runs `body` on its window, quits it the way a cashier does and
 * expects a clean exit (services closed). Chromium refuses to run as root without --no-sandbox
 * (CI containers often are root); elsewhere the OS sandbox stays on.
 */
async function withApp(userData: string, body: (page: Page) => Promise<void>): Promise<void> {
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [path.resolve('.'), `--user-data-dir=${userData}`, ...rootOnly],
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveURL(APP_PAGE_URL);
    await body(page);
  } finally {
    await app.close();
  }
  expect(app.process().exitCode).toBe(EXIT_CODES.ok);
}

/** First run: start the demo store, set it up from its own lists, sync the catalog, go to checkout. */
async function openDemoStore(page: Page): Promise<void> {
  await expect(page.getByTestId('onboarding')).toBeVisible();
  await page.getByTestId('start-demo').click();
  await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'demo');
  const form = page.getByTestId('settings-form');
  await form.getByTestId('settings-outlet').selectOption(DEMO_FIXTURES.outlets.main);
  await form.getByTestId('settings-register').fill('Counter 1');
  await form.getByTestId('settings-tax-type').selectOption(DEMO_FIXTURES.taxes.ppnExclusive);
  await form.getByTestId('settings-save').click();
  await expect(form.getByTestId('settings-saved')).toBeVisible();
  await page.getByTestId('catalog-sync-now').click();
  await expect(page.getByTestId('catalog-state')).toHaveAttribute('data-state', 'complete', { timeout: 60_000 });
  await page.getByTestId('first-run-done').click();
  await expect(page.getByTestId('checkout-screen')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('scan-input')).toBeFocused();
}

/** Pays the cart with exact cash (F9, F5 for the exact amount, F9) and returns the receipt's number. */
async function payExactCash(page: Page): Promise<string> {
  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await page.keyboard.press('F5');
  await page.keyboard.press('F9');
  const number = page.getByTestId('receipt').getByTestId('receipt-number');
  await expect(number).not.toBeEmpty();
  const invoiceNumber = (await number.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  return invoiceNumber;
}

test.describe('Electron app', () => {
  test.skip(!binary, 'No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); run on a machine where `npm install` downloads Electron.');

  let userData = '';
  test.beforeEach(() => {
    expect(fs.existsSync(mainBundle), `${mainBundle} is missing: npm test builds it (npm run build:main)`).toBe(true);
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-electron-e2e-'));
  });
  test.afterEach(() => fs.rmSync(userData, { recursive: true, force: true }));

  test('opens one sandboxed window on app://counter with main behind window.pos', async () => {
    await withApp(userData, async (page) => {
      await expect(page.getByTestId('app-version')).toBeVisible();
      const exposed = await page.evaluate(() => ({
        origin: window.location.origin,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        pos: typeof window.pos,
      }));
      expect(exposed).toEqual({ origin: 'app://counter', require: 'undefined', process: 'undefined', pos: 'object' });
      expect(page.context().pages()).toHaveLength(1);
    });
  });

  test('demo store: a scanned sale is queued, is still there after a restart, and syncs', async () => {
    test.setTimeout(180_000);
    let invoiceNumber = '';
    await withApp(userData, async (page) => {
      await openDemoStore(page);
      await scan(page, ITEMS.indomie.code);
      await expect(cartRow(page, ITEMS.indomie.code)).toBeVisible();
      invoiceNumber = await payExactCash(page);
      await page.getByTestId('nav-queue').click();
      // The demo store is up, so the sale may already be out by the time the Queue shows.
      const queued = page.locator(`[data-testid="queue-pending-${invoiceNumber}"], [data-testid="queue-synced-${invoiceNumber}"]`);
      await expect(queued).toBeVisible();
    });

    await withApp(userData, async (page) => {
      await expect(page.getByTestId('app-mode')).toHaveAttribute('data-mode', 'demo');
      await page.getByTestId('nav-queue').click();
      await expect(page.getByTestId(`queue-synced-${invoiceNumber}`)).toBeVisible({ timeout: 60_000 });
    });
  });
});
