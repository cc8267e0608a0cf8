import { expect, test, type AppHarness } from './bootstrap';
import { checkScreen } from './shell/screenCheck';
import { configureStore, connectLive, recordSale, sellableCodes } from './shell/flows';

test.describe('invoice queue', () => {
  test('a rejected invoice shows the server message, is fixed and resent, and reaches DealPOS with the fix', async ({ page, app }, testInfo) => {
    await connectLive(page, app);
    await configureStore(app);
    const [badCode, goodCode] = sellableCodes(app);

    app.simulator.faults.rejectNextInvoice(`Variant ${badCode} cannot be sold at this outlet`);
    const rejected = app.nextEvent('invoiceRejected');
    const sale = await recordSale(page, badCode);
    expect((await rejected).invoiceNumber).toBe(sale.invoiceNumber);

    await expect(page.getByTestId('status-needs-attention')).toHaveText('1');
    await page.getByTestId('status-open-attention').click();
    const card = page.getByTestId(`queue-rejected-${sale.invoiceNumber}`);
    await expect(card.getByTestId('queue-error')).toContainText(`Variant ${badCode} cannot be sold at this outlet`);
    await checkScreen(page, testInfo, 'queue-rejected');

    await card.getByTestId('queue-fix').click();
    await card.getByTestId('fix-code-0').fill(goodCode);
    await checkScreen(page, testInfo, 'queue-fix-form');
    const synced = app.nextEvent('invoiceSynced', (e) => e.invoiceNumber === sale.invoiceNumber);
    await card.getByTestId('fix-save').click();
    await synced;

    await expect(page.getByTestId(`queue-synced-${sale.invoiceNumber}`)).toBeVisible();
    await expect(card).toHaveCount(0);
    await expect(page.getByTestId('status-needs-attention')).toHaveText('0');
    const stored = app.simulator.state.findInvoice('Outlet1', sale.invoiceNumber);
    expect(stored?.Variants?.map((v) => v.Code)).toEqual([goodCode]);
    await checkScreen(page, testInfo, 'queue-synced');
  });

  test('a sale paid by a method the store removed while offline is rejected, given an existing method in the Queue, resent and synced', async ({
    page,
    app,
  }, testInfo) => {
    await connectLive(page, app);
    await configureStore(app);
    const [code] = sellableCodes(app);
    app.simulator.faults.offline = true;
    const sale = await recordSale(page, code);

    // While the sale waits offline, the store deletes "Cash" in DealPOS: the simulator's own
    // Invoice/Create check (not a fault knob) now refuses the invoice's payment method.
    const methods = app.simulator.state.paymentMethods;
    methods.splice(
      methods.findIndex((m) => m.Name === 'Cash'),
      1,
    );
    app.simulator.faults.offline = false;
    const rejected = app.nextEvent('invoiceRejected', (e) => e.invoiceNumber === sale.invoiceNumber);
    await page.getByTestId('nav-queue').click();
    await page.getByTestId('queue-sync-now').click();
    await rejected;

    const card = page.getByTestId(`queue-rejected-${sale.invoiceNumber}`);
    await expect(card.getByTestId('queue-error')).toContainText('Payment method Cash is not found');
    await card.getByTestId('queue-fix').click();
    await expect(card.getByTestId('fix-payment-0')).toHaveValue('Cash');
    await card.getByTestId('fix-payment-0').selectOption('Debit Card');
    await checkScreen(page, testInfo, 'queue-fix-payment');
    const synced = app.nextEvent('invoiceSynced', (e) => e.invoiceNumber === sale.invoiceNumber);
    await card.getByTestId('fix-save').click();
    await synced;

    await expect(page.getByTestId(`queue-synced-${sale.invoiceNumber}`)).toBeVisible();
    await expect(page.getByTestId('status-needs-attention')).toHaveText('0');
    const stored = app.simulator.state.findInvoice('Outlet1', sale.invoiceNumber);
    // Only the method changed: the amount is exactly what was sold.
    expect(stored?.Payments?.map((p) => [p.Method, p.Amount])).toEqual([['Debit Card', sale.totals.total]]);
  });

  test('a rejected invoice is voided with a reason and a manager’s PIN, shows who approved, and is never sent', async ({ page, app }, testInfo) => {
    await connectLive(page, app);
    await configureStore(app);
    await app.services.handlers['manager.set']({ name: 'Budi', pin: '4821' });
    const [code] = sellableCodes(app);
    app.simulator.faults.rejectNextInvoice('Customer is blocked');
    const rejected = app.nextEvent('invoiceRejected');
    const sale = await recordSale(page, code);
    await rejected;

    await page.getByTestId('nav-queue').click();
    const card = page.getByTestId(`queue-rejected-${sale.invoiceNumber}`);
    await card.getByTestId('queue-void').click();
    await card.getByTestId('void-reason').fill('Sale cancelled at the counter');
    await card.getByTestId('void-confirm').click();

    const dialog = page.getByTestId('void-approval-dialog');
    await expect(dialog.getByTestId('manager-approval-description')).toContainText(sale.invoiceNumber);
    await expect(dialog.getByTestId('manager-pin')).toBeFocused();
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('manager-approval-error')).toHaveText('Wrong manager PIN. 4 attempts left.');
    await expect(dialog.getByTestId('manager-pin')).toHaveValue('');
    await checkScreen(page, testInfo, 'queue-void-approval');
    expect((await app.services.handlers['queue.list']({ state: 'rejected', limit: 10 })).map((e) => e.invoiceNumber)).toEqual([sale.invoiceNumber]);

    await dialog.getByTestId('manager-pin').fill('4821');
    await dialog.getByTestId('manager-approve').click();
    await expect(dialog).toHaveCount(0);
    const voided = page.getByTestId(`queue-voided-${sale.invoiceNumber}`);
    await expect(voided).toContainText('Sale cancelled at the counter');
    await expect(voided.getByTestId('queue-voided-by')).toHaveText('Budi');
    await expect(page.getByTestId('status-needs-attention')).toHaveText('0');
    expect(app.simulator.state.findInvoice('Outlet1', sale.invoiceNumber)).toBeNull();
  });

  test('sales made while DealPOS is unreachable wait in the queue and go out on "sync now"', async ({ page, app }) => {
    await connectLive(page, app);
    await configureStore(app);
    const [code] = sellableCodes(app);
    app.simulator.faults.offline = true;
    const sale = await recordSale(page, code);
    await page.getByTestId('nav-queue').click();
    await expect(page.getByTestId(`queue-pending-${sale.invoiceNumber}`)).toBeVisible();
    await expect(page.getByTestId('status-pending')).toHaveText('1');

    app.simulator.faults.offline = false;
    const synced = app.nextEvent('invoiceSynced', (e) => e.invoiceNumber === sale.invoiceNumber);
    await page.getByTestId('queue-sync-now').click();
    await synced;
    await expect(page.getByTestId(`queue-synced-${sale.invoiceNumber}`)).toBeVisible();
    await expect(page.getByTestId('status-pending')).toHaveText('0');
  });

  test('a week offline: 2,000 waiting invoices are paged 50 at a time and one is found by part of its number (at 1366×768)', async ({ page, app }, testInfo) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await connectLive(page, app);
    await configureStore(app);
    const [code] = sellableCodes(app);
    app.simulator.faults.offline = true;
    const numbers = await recordSalesThroughMain(app, code, 2_000);

    await page.getByTestId('nav-queue').click();
    await expect(page.getByRole('heading', { name: 'Waiting to sync (2,000)' })).toBeVisible();
    await expect(page.getByTestId('queue-pager-waiting-range')).toHaveText('1–50 of 2,000');
    await expect(page.getByTestId('queue-pending').locator('tbody tr')).toHaveCount(50);
    // Oldest first: the first page starts with the first sale of the week.
    await expect(page.getByTestId('queue-pending').locator('tbody tr').first()).toHaveAttribute('data-testid', `queue-pending-${numbers[0]}`);
    await expect(page.getByTestId('queue-pager-waiting-previous')).toBeDisabled();
    await page.getByTestId('queue-pager-waiting-next').click();
    await expect(page.getByTestId('queue-pager-waiting-range')).toHaveText('51–100 of 2,000');
    await expect(page.getByTestId('queue-pending').locator('tbody tr').first()).toHaveAttribute('data-testid', `queue-pending-${numbers[50]}`);
    await checkScreen(page, testInfo, 'queue-2000-page-2');

    const wanted = numbers[1_234] ?? '';
    await page.getByTestId('queue-find-number').fill(wanted.slice(-6).toLowerCase());
    const result = page.getByTestId('queue-find-result');
    await expect(result.getByTestId(`queue-found-${wanted}`)).toBeVisible();
    await expect(result.getByTestId(`queue-found-${wanted}`)).toContainText('waiting');
    await checkScreen(page, testInfo, 'queue-2000-found');

    await page.getByTestId('queue-find-number').fill('no-such-number');
    await expect(result).toHaveText('No invoice number on this computer contains “no-such-number”.');
    await page.getByTestId('queue-find-clear').click();
    await expect(result).toHaveCount(0);
    // Searching left the manager's place in the waiting table alone.
    await expect(page.getByTestId('queue-pager-waiting-range')).toHaveText('51–100 of 2,000');
  });
});

/** Cash sales recorded through main's own handlers (the checkout UI has its specs): fast enough for a week's backlog. */
async function recordSalesThroughMain(app: AppHarness, code: string, count: number): Promise<string[]> {
  const { handlers } = app.services;
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const { draftId } = (await handlers['sale.current']({})).sale;
    const scan = await handlers['sale.scan']({ draftId, code });
    if (scan.status !== 'added') throw new Error(`scan answered ${scan.status}`);
    await handlers['sale.addPayment']({ draftId, method: 'Cash', amount: scan.sale.totals.due });
    numbers.push((await handlers['sale.complete']({ draftId })).recorded.invoiceNumber);
  }
  return numbers;
}
