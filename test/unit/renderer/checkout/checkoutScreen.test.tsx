import '../support/fakeHost';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../shared/contract/catalog';
import { DEFAULT_SETTINGS } from '../../../../shared/contract/settings';
import { DEFAULT_WEDGE_SETTINGS } from '../../../../shared/scanner/wedgeDetector';
import { fakeHost } from '../support/fakeHost';
import { handleCheckoutInMain } from '../support/mainCheckout';
import { handleBasics, renderApp, resetAll, TEST_INFO } from '../support/renderApp';

// jsdom does no layout, so it has no scrolling; the cart scrolls the selected row into view.
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

const item = (code: string, name: string, price: number, discontinued = false): CatalogItem => ({
  code,
  name,
  product: name,
  price,
  discontinued,
  updatedAt: '2026-11-22T10:00:00+07:00',
});
const CATALOG = new Map<string, CatalogItem>([
  ['8991001000019', item('8991001000019', 'Indomie Goreng 85g', 3_500)],
  ['8991001000033', item('8991001000033', 'Teh Botol Sosro 450ml', 5_000)],
  ['00042', item('00042', 'Daging Sapi (per kg)', 149_900)],
]);
/** Default weight labels: 21 + item 00042 + kg with 3 decimals + check digit. */
const BEEF_1234_G = '2100042012349';
const BEEF_500_G = '2100042005006';

function hidScan(code: string): void {
  act(() => fakeHost.emit('scan', { code, symbology: ']E0', source: 'hid-pos', at: '2026-11-22T10:00:00+07:00' }));
}

let closeMain = (): void => undefined;

beforeEach(() => {
  handleBasics(TEST_INFO, undefined, {
    ...DEFAULT_SETTINGS,
    outlet: 'Main Store',
    register: 'Kasir 1',
    taxType: 'PPN 11%',
    paymentMethods: ['Cash', 'Debit Card'],
    receiptHeader: 'Toko Maju Jaya',
  });
  fakeHost.handle('settings.options', () => ({
    outlets: [],
    paymentMethods: [],
    taxes: [{ id: 't', name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false }],
    source: 'cache' as const,
    fetchedAt: null,
  }));
  fakeHost.handle('scanner.state', () => ({ state: 'none' as const, deviceId: null, deviceName: null, hint: null, wedge: DEFAULT_WEDGE_SETTINGS }));
  closeMain = handleCheckoutInMain({
    catalog: CATALOG,
    pricing: { tax: { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false } },
    receipt: { header: 'Toko Maju Jaya' },
  });
});
afterEach(() => {
  resetAll();
  closeMain();
});

async function openCheckout(): Promise<void> {
  renderApp();
  const checkout = await screen.findByTestId('checkout-screen');
  await expect.poll(() => checkout.getAttribute('data-ready')).toBe('true');
}

describe('CheckoutScreen', () => {
  it('adds scanned items from the scan event, merges repeats and prices them with the configured tax', async () => {
    await openCheckout();
    hidScan('8991001000019');
    hidScan('8991001000033');
    hidScan('8991001000019');
    await expect.poll(() => screen.queryAllByTestId('cart-row').length).toBe(2);
    await expect.poll(() => within(screen.getAllByTestId('cart-row')[0] as HTMLElement).getByTestId('cart-row-qty').textContent).toBe('2');
    expect(screen.getByTestId('totals-tax').textContent).toMatch(/1\.320$/);
    expect(screen.getByTestId('scan-feedback').getAttribute('data-kind')).toBe('ok');
  });

  it('shows the sale in progress main kept when the screen is opened again', async () => {
    const first = renderApp();
    await screen.findByTestId('checkout-screen');
    await expect.poll(() => screen.getByTestId('checkout-screen').getAttribute('data-ready')).toBe('true');
    hidScan('8991001000019');
    hidScan('8991001000019');
    await expect.poll(() => screen.queryByTestId('cart-row-qty')?.textContent).toBe('2');
    first.unmount();
    resetAll({ keepHost: true });
    await openCheckout();
    await expect.poll(() => screen.queryByTestId('cart-row-qty')?.textContent).toBe('2');
    expect(screen.getByTestId('cart-row').textContent).toContain('Indomie Goreng 85g');
  });

  it('tells the cashier when no outlet is chosen yet, and not otherwise', async () => {
    fakeHost.handle('settings.get', () => ({ ...DEFAULT_SETTINGS, outlet: null }));
    await openCheckout();
    expect(screen.getByTestId('checkout-no-outlet').textContent).toContain('outlet');
  });

  it('answers an unknown code with an error and a way to search by name', async () => {
    await openCheckout();
    hidScan('0000000000000');
    await expect.poll(() => screen.queryByTestId('scan-feedback')?.getAttribute('data-kind')).toBe('error');
    expect(screen.getByTestId('scan-feedback').textContent).toContain('Unknown code 0000000000000');
    expect(screen.getByTestId('feedback-search')).toBeTruthy();
    expect(screen.queryAllByTestId('cart-row')).toHaveLength(0);
  });

  it('shows a weighed pack in kg at the price per kg on its own line, in the cart and on the receipt', async () => {
    const user = userEvent.setup();
    await openCheckout();
    hidScan(BEEF_1234_G);
    hidScan(BEEF_500_G);
    await expect.poll(() => screen.queryAllByTestId('cart-row-qty').map((q) => q.textContent)).toEqual(['1.234 kg', '0.500 kg']);
    expect(screen.getAllByTestId('cart-row-price').map((p) => p.textContent)).toEqual([expect.stringMatching(/149\.900\/kg$/), expect.stringMatching(/149\.900\/kg$/)]);
    // 149,900 × 1.234 = 184,976.6 → 184,977; × 0.5 = 74,950.
    expect(screen.getAllByTestId('cart-row-total').map((p) => p.textContent)).toEqual([expect.stringMatching(/184\.977$/), expect.stringMatching(/74\.950$/)]);
    // + cannot change a weight: no button for it.
    expect(screen.queryAllByTestId('cart-row-increase')).toHaveLength(0);
    await user.keyboard('{F9}');
    await screen.findByTestId('payment-panel');
    await user.keyboard('{F5}');
    await expect.poll(() => screen.queryByTestId('pay-state')?.textContent).toBe('Paid in full');
    await user.keyboard('{F9}');
    const receipt = await screen.findByTestId('receipt');
    expect(within(receipt).getAllByTestId('receipt-line').map((l) => l.textContent)).toEqual([
      expect.stringContaining('1.234 kg × Rp'),
      expect.stringContaining('0.500 kg × Rp'),
    ]);
  });

  it('pays the exact amount and completes with F9, main records its draft, shows the receipt and starts a new sale', async () => {
    const user = userEvent.setup();
    await openCheckout();
    hidScan('8991001000033');
    await screen.findByTestId('cart-row');
    expect(screen.queryByTestId('checkout-no-outlet')).toBeNull();
    await user.keyboard('{F9}');
    await screen.findByTestId('payment-panel');
    // Unpaid: F9 in the payment dialog does not complete.
    await user.keyboard('{F9}');
    expect(fakeHost.calls('sale.complete')).toHaveLength(0);
    await user.keyboard('{F5}');
    await expect.poll(() => screen.queryByTestId('pay-state')?.textContent).toBe('Paid in full');
    await user.keyboard('{F9}');
    const receipt = await screen.findByTestId('receipt');
    expect(within(receipt).getByTestId('receipt-number').textContent).toMatch(/^POS-[2-9A-HJ-NP-Z]{5}-\d{6}-0001$/);
    expect(receipt.textContent).toContain('Toko Maju Jaya');
    expect(within(receipt).getByTestId('receipt-total').textContent).toMatch(/5\.550$/);
    // The screen names only the draft: what it is worth is main's.
    const [call] = fakeHost.calls('sale.complete');
    expect(Object.keys(call?.input as object)).toEqual(['draftId']);
    expect(fakeHost.calls('sale.addPayment').at(-1)?.input).toMatchObject({ method: 'Cash', amount: 5_550 });
    expect(screen.getByTestId('cart-empty')).toBeTruthy();
    await user.keyboard('{Enter}');
    await expect.poll(() => screen.queryByTestId('receipt-dialog')).toBeNull();
  });

  it('after a restart with an empty cart, says which sale was recorded last and shows its receipt', async () => {
    const user = userEvent.setup();
    const first = renderApp();
    await expect.poll(() => screen.queryByTestId('checkout-screen')?.getAttribute('data-ready')).toBe('true');
    hidScan('8991001000033');
    await screen.findByTestId('cart-row');
    await user.keyboard('{F9}');
    await screen.findByTestId('payment-panel');
    await user.keyboard('{F5}');
    await expect.poll(() => screen.queryByTestId('pay-state')?.textContent).toBe('Paid in full');
    await user.keyboard('{F9}');
    const number = within(await screen.findByTestId('receipt')).getByTestId('receipt-number').textContent ?? '';
    first.unmount();
    resetAll({ keepHost: true });
    await openCheckout();
    const notice = await screen.findByTestId('checkout-last-sale');
    expect(notice.textContent).toContain(`Last sale ${number} was recorded at`);
    await user.click(screen.getByTestId('checkout-last-sale-receipt'));
    expect(within(await screen.findByTestId('receipt')).getByTestId('receipt-number').textContent).toBe(number);
  });
});
