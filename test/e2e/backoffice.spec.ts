import type { Page } from '@playwright/test';
import { expect, test, type AppHarness } from './bootstrap';
import { typeLikeScanner } from './helpers/typeLikeScanner';
import { checkScreen } from './shell/screenCheck';
import { configureStore, connectLive } from './shell/flows';

/** Invoices straight into the simulator (as other registers and channels would make them). */
function seedInvoices(app: AppHarness): void {
  const code = app.simulator.state.catalog.fixed.find((v) => !v.Discontinued)?.Code ?? '';
  const add = (outlet: string, number: string, date: string, extra: Record<string, unknown> = {}): void => {
    app.simulator.state.createInvoice(
      { Outlet: outlet, Number: number, Date: date, Tag: 'Offline', TaxType: 'No Tax', Variants: [{ Code: code, Quantity: 1, Price: 10_000 }], Payments: [{ Amount: 10_000, Method: 'Cash' }], ...extra },
      { writeOff: false },
    );
  };
  for (let i = 1; i <= 25; i++) add('Main Store', `MS-11-${String(i).padStart(2, '0')}`, '2026-11-10');
  // Exactly one full page of 20: the listing cannot tell it is the last until page 2 comes back empty.
  for (let i = 1; i <= 20; i++) add('Outlet2', `O2-11-${String(i).padStart(2, '0')}`, '2026-11-11');
  add('Pluit', 'PL-SHOP-1', '2026-11-12', { Tag: 'Shopee', Note: 'bubble wrap', Payments: [] });
  add('Pluit', 'PL-TOKO-1', '2026-11-13', { Tag: 'Tokopedia', Fulfillment: 'Unsent', Customer: { Name: 'Ani', Email: 'ani@example.com', Mobile: '0811000111' } });
}

async function openInvoices(page: Page): Promise<void> {
  await page.getByTestId('nav-invoices').click();
  await expect(page.getByTestId('invoices-needs-connection')).toBeVisible();
  await expect(page.getByTestId('filter-outlet-Pluit')).toBeVisible();
}

/** Searches and waits for this search's answer: the rows of the last one stay on screen until it comes. */
async function search(page: Page): Promise<void> {
  const listing = page.getByTestId('invoice-page');
  const before = (await listing.count()) > 0 ? await listing.getAttribute('data-answers') : null;
  await page.getByTestId('invoice-search').click();
  await expect(listing).toBeVisible();
  if (before !== null) await expect(listing).not.toHaveAttribute('data-answers', before);
  await expect(listing).toHaveAttribute('aria-busy', 'false');
}

const listed = (page: Page): Promise<string[]> => page.locator('[data-testid^="invoice-row-"] th').allInnerTexts();

test.describe('back office: invoices across outlets', () => {
  test('each filter narrows the list, pages move through it, and a page asked again costs no request', async ({ page, app }, testInfo) => {
    seedInvoices(app);
    await connectLive(page, app);
    await configureStore(app);
    await openInvoices(page);
    await page.getByTestId('filter-from').fill('2026-11-01');

    await page.getByTestId('filter-outlet-Pluit').check();
    await search(page);
    expect(await listed(page)).toEqual(['PL-SHOP-1', 'PL-TOKO-1']);
    await checkScreen(page, testInfo, 'invoices-list');

    await page.getByTestId('filter-tag-Shopee').check();
    await search(page);
    expect(await listed(page)).toEqual(['PL-SHOP-1']);
    await page.getByTestId('filter-tag-Shopee').uncheck();

    await page.getByTestId('filter-payment').selectOption('Unpaid');
    await search(page);
    expect(await listed(page)).toEqual(['PL-SHOP-1']);
    await page.getByTestId('filter-payment').selectOption('');

    await page.getByTestId('filter-fulfillment').selectOption('Unsent');
    await search(page);
    expect(await listed(page)).toEqual(['PL-TOKO-1']);
    await page.getByTestId('filter-fulfillment').selectOption('');

    await page.getByTestId('filter-customer').fill('ani@example.com');
    await search(page);
    expect(await listed(page)).toEqual(['PL-TOKO-1']);
    await page.getByTestId('filter-customer').fill('');

    await page.getByTestId('filter-note').fill('bubble');
    await search(page);
    expect(await listed(page)).toEqual(['PL-SHOP-1']);
    await page.getByTestId('filter-note').fill('');

    await page.getByTestId('filter-from').fill('2026-11-13');
    await search(page);
    expect(await listed(page)).toEqual(['PL-TOKO-1']);

    // Paging: 25 invoices of Main Store, 20 a page.
    await page.getByTestId('filter-outlet-Pluit').uncheck();
    await page.getByTestId('filter-outlet-Main Store').check();
    await page.getByTestId('filter-from').fill('2026-11-01');
    await page.getByTestId('filter-page-size').selectOption('20');
    await search(page);
    expect(await listed(page)).toHaveLength(20);
    await page.getByTestId('invoice-next').click();
    await expect(page.getByTestId('invoice-page')).toHaveAttribute('data-page', '2');
    expect(await listed(page)).toEqual(['MS-11-21', 'MS-11-22', 'MS-11-23', 'MS-11-24', 'MS-11-25']);
    await expect(page.getByTestId('invoice-next')).toBeDisabled();
    const requests = app.simulator.state.countRequests('Invoice/MultipleOutlet');
    await page.getByTestId('invoice-previous').click();
    await expect(page.getByTestId('invoice-page')).toHaveAttribute('data-page', '1');
    await expect(page.getByTestId('invoice-page-source')).toContainText('no request spent');
    expect(app.simulator.state.countRequests('Invoice/MultipleOutlet')).toBe(requests);

    // A page beyond the end is named, and the last page stays on screen.
    await page.getByTestId('filter-outlet-Main Store').uncheck();
    await page.getByTestId('filter-outlet-Outlet2').check();
    await search(page);
    expect(await listed(page)).toHaveLength(20);
    await page.getByTestId('invoice-next').click();
    await expect(page.getByTestId('invoices-error')).toHaveText('There is no page 2: the list ends before it.');
    await expect(page.getByTestId('invoice-page')).toHaveAttribute('data-page', '1');
    expect(await listed(page)).toHaveLength(20);

    // DealPOS says the quota is used up: the screen says the quota is the wait, and keeps the page.
    app.simulator.faults.rateLimitNext(1, { path: 'Invoice/MultipleOutlet' });
    await page.getByTestId('invoice-refresh').click();
    await expect(page.getByTestId('invoices-quota-wait')).toContainText('The DealPOS request quota is used up');
    await expect(page.getByTestId('invoices-quota-wait')).toContainText('the next page can be fetched in');
    expect(await listed(page)).toHaveLength(20);
  });

  test('opens an invoice with lines and payments, corrects it, deletes it after naming it, and finds it in the bin', async ({ page, app }, testInfo) => {
    seedInvoices(app);
    await connectLive(page, app);
    await configureStore(app);
    await openInvoices(page);
    await page.getByTestId('filter-outlet-Pluit').check();
    await search(page);

    await page.getByTestId('invoice-open-PL-TOKO-1').click();
    const dialog = page.getByTestId('invoice-dialog');
    await expect(dialog.getByTestId('invoice-lines')).toContainText('10.000');
    await expect(dialog.getByTestId('invoice-payments')).toContainText('Cash');
    await checkScreen(page, testInfo, 'invoice-detail');

    // Checked before sending: a due date before the invoice date is refused in the form.
    await dialog.getByTestId('edit-dueDate').fill('2026-11-01');
    await dialog.getByTestId('invoice-save').click();
    await expect(dialog.getByTestId('invoice-edit-error')).toContainText('nothing was sent');
    await expect(dialog).toContainText('The due date cannot be before the invoice date.');
    expect(app.simulator.state.countRequests('Invoice', 'PUT')).toBe(0);

    await dialog.getByTestId('edit-dueDate').fill('2026-12-01');
    await dialog.getByTestId('edit-note').fill('left with the courier');
    await dialog.getByTestId('edit-surcharge').fill('2500');
    await dialog.getByTestId('edit-fulfillment').selectOption('Sent');
    await dialog.getByTestId('invoice-save').click();
    await expect(page.getByTestId('invoices-flash')).toContainText('PL-TOKO-1 saved');
    expect(app.simulator.state.findInvoice('Pluit', 'PL-TOKO-1')).toMatchObject({ Note: 'left with the courier', Surcharge: 2500, Fulfillment: 'Sent', SalesNTax: 12_500 });
    await expect(dialog.getByTestId('invoice-detail-totals')).toContainText('12.500');

    await dialog.getByTestId('invoice-delete').click();
    const confirm = page.getByTestId('invoice-delete-dialog');
    await expect(confirm.getByTestId('invoice-delete-text')).toHaveText('Invoice PL-TOKO-1 of outlet Pluit moves to the DealPOS bin. It then no longer counts in reports.');
    await expect(confirm.getByTestId('invoice-delete-confirm')).toHaveText('Delete PL-TOKO-1 (Pluit)');
    await confirm.getByTestId('invoice-delete-confirm').click();
    await expect(page.getByTestId('invoices-flash')).toContainText('PL-TOKO-1 of Pluit is now in the DealPOS bin');
    await expect(page.getByTestId('invoice-row-PL-TOKO-1')).toHaveCount(0);

    await page.getByTestId('filter-bin').check();
    await search(page);
    expect(await listed(page)).toEqual(['PL-TOKO-1']);
    await expect(page.getByTestId('invoice-bin-hint')).toBeVisible();
    await expect(page.getByTestId('invoice-open-PL-TOKO-1')).toHaveCount(0);
  });

  test('a missing DealPOS role and an invoice gone meanwhile get their own messages, in English and Indonesian', async ({ page, app }) => {
    seedInvoices(app);
    await connectLive(page, app);
    await configureStore(app);
    await openInvoices(page);
    await page.getByTestId('filter-outlet-Pluit').check();
    await search(page);

    await page.getByTestId('invoice-open-PL-SHOP-1').click();
    const dialog = page.getByTestId('invoice-dialog');
    await expect(dialog.getByTestId('invoice-lines')).toBeVisible();
    app.simulator.faults.forbidRole('Orders DELETE');
    await dialog.getByTestId('invoice-delete').click();
    await page.getByTestId('invoice-delete-confirm').click();
    await expect(dialog.getByTestId('invoice-dialog-error')).toHaveText(
      'Your DealPOS user lacks Orders DELETE. Ask the DealPOS administrator to grant it (Setup → Users).',
    );
    expect(app.simulator.state.findInvoice('Pluit', 'PL-SHOP-1')?.InBin).toBe(false);

    // Another register deletes it while it is open here: saving names the invoice DealPOS no longer has.
    app.simulator.state.deleteInvoice({ Outlet: 'Pluit', Number: 'PL-SHOP-1' });
    await dialog.getByTestId('edit-note').fill('too late');
    await dialog.getByTestId('invoice-save').click();
    await expect(dialog.getByTestId('invoice-edit-error')).toHaveText('DealPOS has no invoice PL-SHOP-1 in outlet Pluit (it may have been deleted).');
    await dialog.getByTestId('invoice-close').click();

    app.simulator.faults.forbidRole('Orders VIEW');
    await page.getByTestId('lang-id').click();
    await page.getByTestId('invoice-search').click();
    await expect(page.getByTestId('invoices-error')).toHaveText(
      'Pengguna DealPOS Anda tidak punya peran Orders VIEW. Minta administrator DealPOS memberikannya (Setup → Users).',
    );
  });
});

test.describe('back office: sales-order fulfilment', () => {
  test('scans go to the order and tracking fields, the record reaches DealPOS and is read back; empty fields keep stored values', async ({ page, app }, testInfo) => {
    await connectLive(page, app);
    await configureStore(app);
    await page.getByTestId('nav-salesOrders').click();
    await expect(page.getByTestId('sales-order-empty-keeps')).toHaveText('An empty field leaves the value stored in DealPOS unchanged.');
    await expect(page.getByTestId('sales-order-outlet')).toHaveValue('Outlet1');

    await typeLikeScanner(page, '20.06.00001');
    await expect(page.getByTestId('sales-order-number')).toHaveValue('20.06.00001');
    await typeLikeScanner(page, 'JP1234567890');
    await expect(page.getByTestId('sales-order-reference')).toHaveValue('JP1234567890');
    await expect(page.getByTestId('sales-order-number')).toHaveValue('20.06.00001');
    await page.getByTestId('sales-order-logistic').selectOption('JNE-R');
    await page.getByTestId('sales-order-note').fill('two boxes');
    await checkScreen(page, testInfo, 'sales-order-form');
    await page.getByTestId('sales-order-record').click();
    await expect(page.getByTestId('sales-order-outcome')).toHaveText('Recorded in DealPOS: sales order 20.06.00001 (Outlet1).');
    const order = (): unknown => app.simulator.state.salesOrders.get('outlet1|20.06.00001');
    expect(order()).toMatchObject({ referenceNumber: 'JP1234567890', logisticServiceCode: 'JNE-R', note: 'two boxes' });
    const recent = page.getByTestId('sales-order-recent');
    await expect(recent.locator('tbody tr').first()).toContainText('JP1234567890');
    await expect(recent.locator('tbody tr').first()).toHaveAttribute('data-state', 'sent');
    // The last service used is remembered, and offered first.
    await expect(page.getByTestId('sales-order-logistic')).toHaveValue('JNE-R');

    // Only a new note: the tracking number and service stay as DealPOS has them.
    await page.getByTestId('sales-order-number').fill('20.06.00001');
    await page.getByTestId('sales-order-logistic').selectOption('');
    await page.getByTestId('sales-order-note').fill('picked up');
    await page.getByTestId('sales-order-record').click();
    await expect(page.getByTestId('sales-order-outcome')).toContainText('Recorded in DealPOS');
    expect(order()).toMatchObject({ referenceNumber: 'JP1234567890', logisticServiceCode: 'JNE-R', note: 'picked up' });
    await expect(recent.locator('tbody tr').first()).toContainText('(unchanged)');

    // Nothing to change is refused in the form, before anything is queued.
    await page.getByTestId('sales-order-number').fill('20.06.00001');
    await page.getByTestId('sales-order-record').click();
    await expect(page.getByTestId('sales-order-form')).toContainText('with all three empty nothing would change');

    // The checkout never saw these scans.
    await page.getByTestId('nav-checkout').click();
    await expect(page.getByTestId('screen-checkout')).toBeVisible();
    expect((await app.services.handlers['sale.current']({})).sale.lines).toHaveLength(0);
  });

  test('an unknown order is named; a record made offline waits and is sent once when DealPOS is back', async ({ page, app }) => {
    await connectLive(page, app);
    await configureStore(app);
    await page.getByTestId('nav-salesOrders').click();

    await page.getByTestId('sales-order-number').fill('99.99.99999');
    await page.getByTestId('sales-order-reference').fill('JP-NOPE');
    await page.getByTestId('sales-order-record').click();
    await expect(page.getByTestId('sales-order-outcome')).toHaveText(
      'DealPOS refused the record for sales order 99.99.99999: DealPOS has no sales order 99.99.99999 in outlet Outlet1.',
    );

    app.simulator.faults.offline = true;
    await page.getByTestId('sales-order-number').fill('20.06.00001');
    await page.getByTestId('sales-order-reference').fill('JP-OFFLINE-1');
    await page.getByTestId('sales-order-record').click();
    await expect(page.getByTestId('sales-order-outcome')).toHaveText(
      'Saved on this computer; sales order 20.06.00001 will be updated when DealPOS can be reached.',
    );
    expect(app.simulator.state.salesOrders.get('outlet1|20.06.00001')?.referenceNumber).toBeNull();

    const sent = app.nextEvent('salesOrderReferenceChanged', (record) => record.referenceNumber === 'JP-OFFLINE-1' && record.state === 'sent', 30_000);
    app.simulator.faults.offline = false;
    await sent;
    expect(app.simulator.state.salesOrders.get('outlet1|20.06.00001')?.referenceNumber).toBe('JP-OFFLINE-1');
    const processed = app.simulator.state.requestLog.filter((entry) => entry.path === 'SalesOrder/ReferenceNumber' && entry.status === 200);
    expect(processed).toHaveLength(1);
    await expect(page.getByTestId('sales-order-recent').locator('tbody tr').first()).toHaveAttribute('data-state', 'sent');
  });
});
