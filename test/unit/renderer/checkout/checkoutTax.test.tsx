import '../support/fakeHost';
import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogItem, ResolveResult } from '../../../../shared/contract/catalog';
import { DEFAULT_SETTINGS, type TaxOption } from '../../../../shared/contract/settings';
import { DEFAULT_WEDGE_SETTINGS } from '../../../../shared/scanner/wedgeDetector';
import { fakeHost } from '../support/fakeHost';
import { handleBasics, renderApp, resetAll, TEST_INFO } from '../support/renderApp';

// jsdom does no layout, so it has no scrolling; the cart scrolls the selected row into view.
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

const COFFEE: CatalogItem = {
  code: '8990000000111',
  name: 'Kopi Susu',
  product: 'Kopi Susu',
  price: 111_000,
  discontinued: false,
  updatedAt: '2026-11-22T10:00:00+07:00',
};

function setUp(taxType: string, taxes: readonly TaxOption[]): void {
  handleBasics(TEST_INFO, undefined, { ...DEFAULT_SETTINGS, outlet: 'Main Store', register: 'Kasir 1', taxType });
  fakeHost.handle('settings.options', () => ({ outlets: [], paymentMethods: [], taxes, source: 'cache' as const, fetchedAt: null }));
  fakeHost.handle('scanner.state', () => ({ state: 'none' as const, deviceId: null, deviceName: null, hint: null, wedge: DEFAULT_WEDGE_SETTINGS }));
  fakeHost.handle('catalog.resolve', ({ code }): ResolveResult =>
    code === COFFEE.code ? { status: 'found', item: COFFEE, source: 'cache', warning: null } : { status: 'unknown_code', code },
  );
}

async function checkoutWithCoffee(): Promise<void> {
  renderApp();
  const checkout = await screen.findByTestId('checkout-screen');
  await expect.poll(() => checkout.getAttribute('data-ready')).toBe('true');
  await expect.poll(() => fakeHost.calls('settings.options').length).toBeGreaterThan(0);
  act(() => fakeHost.emit('scan', { code: COFFEE.code, symbology: ']E0', source: 'hid-pos', at: '2026-11-22T10:00:00+07:00' }));
  await screen.findByTestId('cart-row');
}

afterEach(resetAll);

describe('checkout tax from settings.options', () => {
  it('carves an inclusive tax out of the price when DealPOS types it Inclusive, whatever its name', async () => {
    // The name says nothing about inclusiveness: only the option's `inclusive` (DealPOS Type) decides.
    setUp('PPN Toko', [{ id: 't', name: 'PPN Toko', rateBasisPoints: 1_100, inclusive: true }]);
    await checkoutWithCoffee();
    const totals = screen.getByTestId('totals-panel');
    await expect.poll(() => within(totals).queryByTestId('totals-tax')?.textContent).toMatch(/11\.000$/);
    expect(within(totals).getByTestId('totals-total').textContent).toMatch(/111\.000$/);
    expect(totals.textContent).toContain('Tax included: PPN Toko');
    expect(screen.queryByTestId('checkout-tax-fallback')).toBeNull();
  });

  it('adds an exclusive tax on top even when the name says "Inclusive"', async () => {
    setUp('PPN 11% Inclusive', [{ id: 't', name: 'PPN 11% Inclusive', rateBasisPoints: 1_100, inclusive: false }]);
    await checkoutWithCoffee();
    await expect.poll(() => screen.queryByTestId('totals-tax')?.textContent).toMatch(/12\.210$/);
    expect(screen.getByTestId('totals-total').textContent).toMatch(/123\.210$/);
  });

  it('sells as No Tax and says so when the tax list does not know the configured tax type', async () => {
    setUp('PPN 11%', []);
    await checkoutWithCoffee();
    const notice = await screen.findByTestId('checkout-tax-fallback');
    expect(notice.textContent).toContain('“PPN 11%”');
    expect(notice.textContent).toContain('No Tax');
    expect(screen.queryByTestId('totals-tax')).toBeNull();
    expect(screen.getByTestId('totals-total').textContent).toMatch(/111\.000$/);
  });
});
