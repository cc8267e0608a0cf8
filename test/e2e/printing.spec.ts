/**
 * Receipt printers end to end: Settings → Receipt printer against a TCP printer this test starts on
 * 127.0.0.1 (its bytes decoded back, its ESC/POS status answered), and a print that fails mid-job
 * or for lack of paper shown with a retry while the next sale goes on.
 */
import { expect, test, type AppHarness } from './bootstrap';
import { ITEMS, openStore, scan } from './checkout/checkoutHarness';
import { checkScreen } from './shell/screenCheck';
import { decodeEscPos } from '../support/escposDecoder';
import { startFakePrinter, type FakePrinter } from '../support/fakePrinter';
import { greyscalePng } from './helpers/png';
import type { Page } from '@playwright/test';

let printer: FakePrinter;
test.beforeEach(async () => {
  printer = await startFakePrinter();
});
test.afterEach(async () => {
  await printer.close();
});

async function sellOne(page: Page, code: string): Promise<string> {
  await scan(page, code);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('pay-dialog')).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('pay-state')).toHaveText('Paid in full');
  await page.keyboard.press('F9');
  const number = (await page.getByTestId('receipt').getByTestId('receipt-number').textContent()) ?? '';
  expect(number).not.toBe('');
  return number;
}

/** This test's TCP printer at 80 mm, without a drawer or logo. */
async function useTestPrinter(app: AppHarness, { autoPrint }: { readonly autoPrint: boolean }): Promise<void> {
  await app.services.handlers['printing.updateSettings']({
    transport: 'network',
    address: printer.address,
    queue: '',
    paperWidth: 80,
    autoPrint,
    drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 },
    logo: null,
  });
}

const barcodeOf = (job: Uint8Array | undefined): string | undefined => {
  const event = decodeEscPos(job ?? new Uint8Array()).events.find((e) => e.kind === 'barcode');
  return event?.kind === 'barcode' ? event.value : undefined;
};

test.describe('receipt printer', () => {
  test('settings: a network printer, a bad address, a test print that reaches it, saved', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('printer-section');
    await section.getByTestId('printer-transport').selectOption('network');
    await section.getByTestId('printer-address').fill('127.0.0.1');
    await section.getByTestId('printer-test').click();
    await expect(section.getByTestId('printer-test-error')).toContainText('has no port');
    await expect(section.getByTestId('printer-address')).toHaveAttribute('aria-invalid', 'true');

    await section.getByTestId('printer-address').fill(printer.address);
    await section.getByTestId('printer-width').selectOption('58');
    await section.getByTestId('printer-autoprint').check();
    await section.getByTestId('printer-drawer').check();
    await section.getByTestId('printer-drawer-pin').selectOption('5');
    await section.getByTestId('printer-test').click();
    await expect(section.getByTestId('printer-test-result')).toContainText(`Test page sent to ${printer.address}`);
    const [page1] = await printer.waitForJobs(1);
    const decoded = decodeEscPos(page1 ?? new Uint8Array());
    expect(decoded.lines.map((l) => l.text.trim())).toContain('TEST PRINT');
    expect(decoded.lines.some((l) => l.text === '12345678901234567890123456789012')).toBe(true); // 58 mm: 32 columns

    // A logo (a 40 × 16 PNG with a black left half) prints above the test page, padded to 40 dots, row by row.
    await section.getByTestId('printer-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: greyscalePng(40, 16, (x) => x < 20) });
    await expect(section.getByTestId('printer-logo-preview')).toBeVisible();
    await section.getByTestId('printer-test').click();
    await expect(section.getByTestId('printer-test-result')).toBeVisible();
    const [, page2] = await printer.waitForJobs(2);
    const raster = decodeEscPos(page2 ?? new Uint8Array()).events.find((e) => e.kind === 'raster');
    expect(raster).toMatchObject({ kind: 'raster', width: 40, height: 16, align: 'center' });
    // Each row: 20 black dots then 20 white: ff ff f0 00 00.
    expect(raster?.kind === 'raster' ? [...raster.bits.slice(0, 5)] : []).toEqual([0xff, 0xff, 0xf0, 0x00, 0x00]);
    await checkScreen(page, testInfo, 'settings-printer');

    await section.getByTestId('printer-save').click();
    await expect(section.getByTestId('printer-saved')).toBeVisible();
    expect(await app.services.handlers['printing.getSettings']({})).toMatchObject({
      transport: 'network',
      address: printer.address,
      paperWidth: 58,
      autoPrint: true,
      drawer: { enabled: true, pin: 5 },
      logo: { width: 40, height: 16 },
    });
  });

  test('a print that fails mid-job is shown with a retry while the next sale goes on; the retry prints it once', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await useTestPrinter(app, { autoPrint: true });
    printer.behave({ kind: 'closesAfter', bytes: 40 });
    const first = await sellOne(page, ITEMS.indomie.code);
    await page.keyboard.press('Enter');
    const job = page.getByTestId('print-job');
    await expect(job).toHaveAttribute('data-state', 'failed');
    await expect(job).toContainText(`Receipt ${first} was not printed`);
    await expect(job).toContainText('closed the connection mid-job');
    await checkScreen(page, testInfo, 'checkout-print-failed');

    // The cashier keeps selling: the next sale completes and prints while the failed one waits.
    await expect(page.getByTestId('scan-input')).toBeFocused();
    const second = await sellOne(page, ITEMS.tehBotol.code);
    expect(second).not.toBe(first);
    const [printed] = await printer.waitForJobs(1);
    expect(barcodeOf(printed)).toBe(second);
    await page.keyboard.press('Enter');

    await job.getByTestId('print-job-retry').click();
    await expect(page.getByTestId('print-jobs')).toBeHidden();
    const jobs = await printer.waitForJobs(2);
    expect(barcodeOf(jobs[1])).toBe(first);
    expect(printer.jobs).toHaveLength(2);
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });

  test('a printer out of paper says so with a retry while the next sale goes on; with paper loaded the retry prints it, and a low roll is noticed', async ({ page, app }, testInfo) => {
    await openStore(app, page);
    await useTestPrinter(app, { autoPrint: true });
    printer.condition({ paper: 'end' });
    const first = await sellOne(page, ITEMS.indomie.code);
    await page.keyboard.press('Enter');
    const job = page.getByTestId('print-job');
    await expect(job).toHaveAttribute('data-state', 'failed');
    await expect(job).toContainText(`Receipt ${first} was not printed: the receipt printer is out of paper. Load a new roll, then retry.`);
    await expect(job.getByTestId('print-job-retry')).toBeVisible();
    await checkScreen(page, testInfo, 'checkout-print-out-of-paper');

    // The cashier keeps selling; this receipt waits for paper too.
    await expect(page.getByTestId('scan-input')).toBeFocused();
    const second = await sellOne(page, ITEMS.tehBotol.code);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('print-job')).toHaveCount(2);
    expect(printer.jobs).toHaveLength(0);

    // A roll goes in (one close to its end): each retry prints its receipt once, and the low roll is shown.
    printer.condition({ paper: 'near_end' });
    await page.getByTestId('print-job').filter({ hasText: first }).getByTestId('print-job-retry').click();
    const [printedFirst] = await printer.waitForJobs(1);
    expect(barcodeOf(printedFirst)).toBe(first);
    await expect(page.getByTestId('printer-paper')).toHaveText('The receipt printer’s paper is running low: have a new roll ready.');
    await page.getByTestId('print-job').filter({ hasText: second }).getByTestId('print-job-retry').click();
    const jobs = await printer.waitForJobs(2);
    expect(barcodeOf(jobs[1])).toBe(second);
    await expect(page.getByTestId('print-job')).toHaveCount(0);
    expect(printer.jobs).toHaveLength(2);
    await expect(page.getByTestId('scan-input')).toBeFocused();
  });

  test('any receipt of today is reprinted from the list of today’s sales (1366×768)', async ({ page, app }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openStore(app, page);
    await useTestPrinter(app, { autoPrint: false });
    const sold: string[] = [];
    for (const item of [ITEMS.indomie, ITEMS.tehBotol, ITEMS.indomie]) {
      sold.push(await sellOne(page, item.code));
      await page.keyboard.press('Enter');
    }

    await page.getByTestId('open-todays-sales').click();
    const list = page.getByTestId('todays-sales');
    // Newest first, every sale of the day.
    await expect(list.locator('tbody tr')).toHaveCount(3);
    expect(await list.locator('tbody th').allTextContents()).toEqual([...sold].reverse());
    await checkScreen(page, testInfo, 'checkout-todays-sales');

    // The first sale of the day, not the last one: its own receipt, printed on the counter printer.
    await page.getByTestId(`todays-sale-${sold[0]}`).getByRole('button').click();
    const receipt = page.getByTestId('receipt-dialog');
    await expect(receipt.getByTestId('receipt-number')).toHaveText(sold[0] ?? '');
    await expect(receipt.getByTestId('receipt-saved')).toHaveCount(0);
    await receipt.getByTestId('receipt-print').click();
    const [reprint] = await printer.waitForJobs(1);
    expect(barcodeOf(reprint)).toBe(sold[0]);
    expect(printer.jobs).toHaveLength(1);

    // Closing the earlier receipt goes back to the sale: the "reprint last" button still means the last sale.
    await page.keyboard.press('Enter');
    await expect(receipt).toBeHidden();
    await page.getByTestId('print-last').click();
    const jobs = await printer.waitForJobs(2);
    expect(barcodeOf(jobs[1])).toBe(sold[2]);
  });
});
