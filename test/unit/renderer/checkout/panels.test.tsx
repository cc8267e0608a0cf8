import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import type { SaleCustomer } from '../../../../shared/sale/sale';
import { quickCashAmounts } from '../../../../shared/sale/quickCash';
import { CartTable } from '../../../../renderer/components/checkout/CartTable';
import { CustomerPanel, guessLookupBy, type LookupOutcome, type PinOutcome } from '../../../../renderer/components/checkout/CustomerPanel';
import { DiscountPanel } from '../../../../renderer/components/checkout/DiscountPanel';
import { moneyFormatter } from '../../../../renderer/components/checkout/moneyFormat';
import { PaymentPanel } from '../../../../renderer/components/checkout/PaymentPanel';
import { FLASH_MS, ScanFeedback } from '../../../../renderer/components/checkout/ScanFeedback';
import { TotalsPanel } from '../../../../renderer/components/checkout/TotalsPanel';
import { formatDateTime, translate, type MessageKey, type MessageParams } from '../../../../renderer/i18n/t';
import { clearShortcuts, installShortcutListener } from '../../../../renderer/shortcuts/shortcutRegistry';
import { customerSelectors } from '../../../../renderer/state/customerSlice';
import { selectTotals } from '../../../../renderer/state/saleSelectors';
import { resetStore, useStore } from '../../../../renderer/state/store';

const t = (key: MessageKey, params?: MessageParams): string => translate('en', key, params);
const formatTime = (iso: string): string => formatDateTime('en', iso);
const format = moneyFormatter(0);
const ppn11 = { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };
const tea = { variantCode: 'TEA-01', name: 'Teh Botol', unitPrice: 5_000 };
const rice = { variantCode: 'RICE-5', name: 'Beras 5 kg', unitPrice: 72_500 };
const sari: SaleCustomer = { id: 'c-1', code: 'HW008', name: 'Sari Dewi', email: 'sari@example.com', mobile: '0812345678', group: 'Gold', loyaltyPoints: 300 };

/** Money as the screen shows it, with the non-breaking space Intl puts after "Rp". */
const rp = (amount: number): string => format(amount);

// jsdom does no layout, so it has no scrolling; the cart scrolls the selected row into view.
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

afterEach(() => {
  cleanup();
  clearShortcuts();
  resetStore();
});

/** Renders the cart the way the screen does: from the store, with the store's actions. */
function StoreCart(): React.JSX.Element {
  const cart = useStore((s) => s.cart);
  const totals = useStore(selectTotals);
  const s = useStore.getState();
  return (
    <>
      <CartTable
        lines={cart.lines}
        lineTotals={totals.lines}
        selectedIndex={cart.selectedIndex}
        format={format}
        t={t}
        onSelect={s.selectLine}
        onIncrease={(i) => {
          s.selectLine(i);
          s.changeSelectedQuantity(1);
        }}
        onDecrease={(i) => {
          s.selectLine(i);
          s.changeSelectedQuantity(-1);
        }}
        onRemove={s.removeLine}
      />
      <TotalsPanel totals={totals} tax={cart.rules.tax} pointsRedeemed={0} format={format} t={t} />
    </>
  );
}

describe('CartTable and TotalsPanel', () => {
  it('shows an empty cart invitation', () => {
    render(<StoreCart />);
    expect(screen.getByTestId('cart-empty')).toHaveProperty('textContent', 'Scan an item to start a sale.');
  });

  it('merges scans into one row, changes quantity with the buttons, removes lines, and keeps totals with tax in step', async () => {
    const user = userEvent.setup();
    useStore.getState().configureSale({ ...useStore.getState().cart.rules, tax: ppn11 });
    render(<StoreCart />);
    act(() => {
      useStore.getState().addItem(tea);
      useStore.getState().addItem(rice);
      useStore.getState().addItem(tea);
    });
    const rows = screen.getAllByTestId('cart-row');
    expect(rows.map((r) => r.getAttribute('data-code'))).toEqual(['TEA-01', 'RICE-5']);
    expect(within(rows[0] as HTMLElement).getByTestId('cart-row-qty').textContent).toBe('2');
    expect(rows[0]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('totals-subtotal').textContent).toBe(rp(82_500));
    expect(screen.getByTestId('totals-tax').textContent).toBe(rp(9_075));
    expect(screen.getByTestId('totals-total').textContent).toBe(rp(91_575));
    expect(screen.getByTestId('totals-item-count').textContent).toBe('3 items');

    await user.click(within(rows[1] as HTMLElement).getByTestId('cart-row-increase'));
    expect(within(screen.getAllByTestId('cart-row')[1] as HTMLElement).getByTestId('cart-row-qty').textContent).toBe('2');
    expect(screen.getByTestId('totals-subtotal').textContent).toBe(rp(155_000));

    await user.click(within(screen.getAllByTestId('cart-row')[0] as HTMLElement).getByTestId('cart-row-remove'));
    expect(screen.getAllByTestId('cart-row').map((r) => r.getAttribute('data-code'))).toEqual(['RICE-5']);
    expect(screen.getByTestId('totals-item-count').textContent).toBe('2 items');
    expect((within(screen.getAllByTestId('cart-row')[0] as HTMLElement).getByTestId('cart-row-decrease') as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a line discount on its row and formats rupiah without decimals', () => {
    render(<StoreCart />);
    act(() => {
      useStore.getState().addItem(rice);
      useStore.getState().setLineDiscount(0, { kind: 'percent', basisPoints: 1_000 });
    });
    const row = screen.getAllByTestId('cart-row')[0] as HTMLElement;
    expect(within(row).getByTestId('cart-row-discount').textContent).toBe('−10%');
    expect(within(row).getByTestId('cart-row-total').textContent).toBe(rp(65_250));
    expect(rp(65_250)).toMatch(/^Rp\s65\.250$/);
  });
});

describe('DiscountPanel', () => {
  it('refuses a discount over the limit from settings and explains the limit', async () => {
    const user = userEvent.setup();
    const limit = { maxBasisPoints: 1_000, maxAmount: null };
    useStore.getState().configureSale({ ...useStore.getState().cart.rules, lineDiscountLimit: limit });
    useStore.getState().addItem(rice);
    render(<DiscountPanel current={null} decimals={0} format={format} t={t} onApply={(d) => useStore.getState().setLineDiscount(0, d)} />);
    await user.type(screen.getByTestId('discount-value'), '15{Enter}');
    expect(screen.getByTestId('discount-problem').textContent).toBe('At most 10% is allowed.');
    expect(useStore.getState().cart.lines[0]?.discount).toBeNull();
    await user.click(screen.getByTestId('discount-kind-amount'));
    await user.clear(screen.getByTestId('discount-value'));
    await user.type(screen.getByTestId('discount-value'), '7.000{Enter}');
    expect(useStore.getState().cart.lines[0]?.discount).toEqual({ kind: 'amount', amount: 7_000 });
  });
});

/** The payment panel wired to the store like the screen wires it. */
function StorePayment({ onComplete }: { readonly onComplete: () => void }): React.JSX.Element {
  useEffect(() => installShortcutListener(window), []);
  const payments = useStore((s) => s.payment.payments);
  const totals = useStore(selectTotals);
  return (
    <PaymentPanel
      methods={[
        { name: 'Cash', cash: true },
        { name: 'BCA Debit', cash: false },
      ]}
      payments={payments}
      totals={totals}
      quickAmounts={quickCashAmounts(totals.due, 0)}
      decimals={0}
      format={format}
      t={t}
      completing={false}
      error={null}
      onAdd={(p) => useStore.getState().addPayment(p)}
      onRemove={(i) => useStore.getState().removePayment(i)}
      onComplete={onComplete}
    />
  );
}

describe('PaymentPanel', () => {
  it('splits card and cash, shows change, and only then lets the sale complete', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    useStore.getState().addItem(rice);
    render(<StorePayment onComplete={onComplete} />);
    const amount = screen.getByTestId('pay-amount') as HTMLInputElement;
    expect(amount.value).toBe('72500');
    expect((screen.getByTestId('pay-complete') as HTMLButtonElement).disabled).toBe(true);

    // Alt+2 picks the card; more than the due amount on a card is refused.
    await user.keyboard('{Alt>}2{/Alt}');
    expect(screen.getByTestId('pay-method-BCA Debit').getAttribute('aria-pressed')).toBe('true');
    // A card gets only the exact amount; round amounts are for cash.
    expect(screen.getByTestId('pay-exact')).toBeTruthy();
    expect(screen.queryByTestId('pay-quick-1')).toBeNull();
    await user.clear(amount);
    await user.type(amount, '80000{Enter}');
    expect(screen.getByTestId('pay-problem').textContent).toContain('cannot be more than the amount due');
    await user.clear(amount);
    await user.type(amount, '50.000{Enter}');
    expect(screen.getByTestId('pay-due').textContent).toBe(rp(22_500));
    expect(screen.getByTestId('pay-state').textContent).toBe(`Still due: ${rp(22_500)}`);
    expect(amount.value).toBe('22500');

    // Cash: the quick amounts offer 23.000 / 25.000 / 100.000; the customer hands over 50.000.
    await user.click(screen.getByTestId('pay-method-Cash'));
    expect(screen.getAllByRole('button', { name: /Rp/ }).map((b) => b.textContent)).toContain(`Exact ${rp(22_500)} F5`);
    await user.clear(amount);
    await user.type(amount, '50000{Enter}');
    expect(screen.getByTestId('pay-change').textContent).toBe(rp(27_500));
    expect(screen.getAllByTestId('pay-line').map((r) => r.getAttribute('data-method'))).toEqual(['BCA Debit', 'Cash']);
    expect(screen.getByTestId('pay-state').textContent).toBe('Paid in full');
    await user.keyboard('{F9}');
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('pays the exact amount with F5', async () => {
    const user = userEvent.setup();
    useStore.getState().addItem(tea);
    render(<StorePayment onComplete={() => undefined} />);
    await user.keyboard('{F5}');
    expect(useStore.getState().payment.payments).toEqual([{ method: 'Cash', amount: 5_000, cash: true }]);
    expect(screen.getByTestId('pay-change').textContent).toBe(rp(0));
  });
});

/** The customer panel wired to the store like the screen wires it, with a scripted DealPOS. */
function StoreCustomer({ lookup, pin }: { lookup: () => Promise<LookupOutcome>; pin: (p: string) => Promise<PinOutcome> }): React.JSX.Element {
  const customer = useStore((s) => s.customer);
  const maxPoints = useStore(customerSelectors.maxPoints);
  const s = useStore.getState();
  return (
    <CustomerPanel
      attached={customer.current}
      attachedSeenAt={customer.seenAt}
      pinVerified={customer.pinVerified}
      pointsRedeemed={customer.pointsRedeemed}
      maxPoints={maxPoints}
      t={t}
      formatTime={formatTime}
      onLookup={lookup}
      onAttach={s.attachCustomer}
      onDetach={s.detachCustomer}
      onVerifyPin={async (c, p) => {
        const outcome = await pin(p);
        if (outcome.kind === 'ok') useStore.getState().markPinVerified(c.code);
        return outcome;
      }}
      onRedeem={(points) => useStore.getState().redeemPoints(points)}
    />
  );
}

describe('CustomerPanel', () => {
  it('looks up, attaches, and redeems points only after the PIN is accepted', async () => {
    const user = userEvent.setup();
    useStore.getState().configureSale({ ...useStore.getState().cart.rules, pointValue: 100 });
    useStore.getState().addItem(rice);
    const lookup = vi.fn(async (): Promise<LookupOutcome> => ({ kind: 'found', customer: sari, seenAt: null }));
    const pin = vi.fn(async (p: string): Promise<PinOutcome> => (p === '123654' ? { kind: 'ok' } : { kind: 'wrong' }));
    render(<StoreCustomer lookup={lookup} pin={pin} />);

    await user.type(screen.getByTestId('customer-value'), 'HW008{Enter}');
    expect(lookup).toHaveBeenCalledWith('code', 'HW008');
    expect((await screen.findByTestId('customer-name')).textContent).toBe('Sari Dewi');
    expect(screen.getByTestId('customer-group').textContent).toBe('Gold');
    expect(screen.getByTestId('customer-points').textContent).toBe('300');
    await user.click(screen.getByTestId('customer-attach'));
    expect(useStore.getState().customer.current?.code).toBe('HW008');

    // No points field before the PIN is checked.
    expect(screen.queryByTestId('customer-points-input')).toBeNull();
    await user.type(screen.getByTestId('customer-pin'), '000000{Enter}');
    expect((await screen.findByTestId('customer-pin-message')).textContent).toBe('That PIN is not correct.');
    expect(useStore.getState().customer.pinVerified).toBe(false);

    await user.type(screen.getByTestId('customer-pin'), '123654{Enter}');
    const points = await screen.findByTestId('customer-points-input');
    expect(screen.getByText('Points to redeem (at most 300)')).toBeTruthy();
    await user.type(points, '301{Enter}');
    expect(screen.getByTestId('customer-points-message').textContent).toBe('Enter a whole number from 0 to 300.');
    await user.clear(points);
    await user.type(points, '200{Enter}');
    expect(useStore.getState().customer.pointsRedeemed).toBe(200);
    expect(selectTotals(useStore.getState()).total).toBe(52_500);
  });

  it('looks a scanned member card up by code at once', async () => {
    const lookup = vi.fn(async (): Promise<LookupOutcome> => ({ kind: 'found', customer: sari, seenAt: null }));
    const props = {
      attached: null,
      attachedSeenAt: null,
      pinVerified: false,
      pointsRedeemed: 0,
      maxPoints: 0,
      t,
      formatTime,
      onLookup: lookup,
      onAttach: () => undefined,
      onDetach: () => undefined,
      onVerifyPin: async (): Promise<PinOutcome> => ({ kind: 'wrong' }),
      onRedeem: () => ({ ok: true as const }),
    };
    const { rerender } = render(<CustomerPanel {...props} scannedCard={null} />);
    expect(lookup).not.toHaveBeenCalled();
    rerender(<CustomerPanel {...props} scannedCard={{ code: 'MEMBER-0042', sequence: 1 }} />);
    expect((await screen.findByTestId('customer-name')).textContent).toBe('Sari Dewi');
    expect(lookup).toHaveBeenCalledWith('code', 'MEMBER-0042');
    expect((screen.getByTestId('customer-value') as HTMLInputElement).value).toBe('MEMBER-0042');
  });

  it('shows details main answered from its cache with a notice, attaches them, and keeps points locked', async () => {
    const user = userEvent.setup();
    useStore.getState().configureSale({ ...useStore.getState().cart.rules, pointValue: 100 });
    useStore.getState().addItem(rice);
    const seenAt = '2026-11-20T09:30:00.000+07:00';
    const lookup = vi.fn(async (): Promise<LookupOutcome> => ({ kind: 'found', customer: sari, seenAt }));
    const pin = vi.fn(async (): Promise<PinOutcome> => ({ kind: 'ok' }));
    render(<StoreCustomer lookup={lookup} pin={pin} />);

    await user.type(screen.getByTestId('customer-value'), 'HW008{Enter}');
    const expected = `DealPOS is unreachable: details as last seen on ${formatDateTime('en', seenAt)}. Points can't be redeemed until it is back.`;
    expect((await screen.findByTestId('customer-offline-notice')).textContent).toBe(expected);
    expect(screen.getByTestId('customer-points').textContent).toBe('300');
    // The keyboard flow is unchanged: Enter on the focused attach button attaches.
    expect(document.activeElement).toBe(screen.getByTestId('customer-attach'));
    await user.keyboard('{Enter}');
    expect(useStore.getState().customer).toMatchObject({ current: sari, seenAt, pinVerified: false });

    // Attached: still marked, points shown, PIN check off.
    expect(screen.getByTestId('customer-offline-notice').textContent).toBe(expected);
    expect(screen.getByTestId('customer-points').textContent).toBe('300');
    const pinField = screen.getByTestId('customer-pin') as HTMLInputElement;
    expect(pinField.disabled).toBe(true);
    expect((screen.getByTestId('customer-check-pin') as HTMLButtonElement).disabled).toBe(true);
    expect(pin).not.toHaveBeenCalled();
    expect(screen.queryByTestId('customer-points-input')).toBeNull();
    // Even a PIN confirmed by some other path cannot unlock points for cached details.
    act(() => useStore.getState().markPinVerified('HW008'));
    expect(useStore.getState().customer.pinVerified).toBe(false);
    expect(useStore.getState().redeemPoints(100)).toMatchObject({ ok: false, reason: 'pin_not_verified' });
  });

  it('shows no offline notice for details DealPOS itself answered', async () => {
    const user = userEvent.setup();
    render(<StoreCustomer lookup={async () => ({ kind: 'found', customer: sari, seenAt: null })} pin={async () => ({ kind: 'wrong' })} />);
    await user.type(screen.getByTestId('customer-value'), 'HW008{Enter}');
    await screen.findByTestId('customer-name');
    expect(screen.queryByTestId('customer-offline-notice')).toBeNull();
    await user.click(screen.getByTestId('customer-attach'));
    expect(screen.queryByTestId('customer-offline-notice')).toBeNull();
    expect((screen.getByTestId('customer-pin') as HTMLInputElement).disabled).toBe(false);
  });

  it('says so when nobody matches, and guesses email and mobile lookups from what is typed', async () => {
    const user = userEvent.setup();
    render(<StoreCustomer lookup={async () => ({ kind: 'not_found' })} pin={async () => ({ kind: 'wrong' })} />);
    await user.type(screen.getByTestId('customer-value'), 'nobody@example.com');
    expect((screen.getByTestId('customer-by-email') as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('customer-message')).textContent).toBe('No customer found.');
    expect(guessLookupBy('0812-3456-789')).toBe('mobile');
    expect(guessLookupBy('+628123456789')).toBe('mobile');
    expect(guessLookupBy('HW008')).toBeNull();
  });
});

describe('ScanFeedback', () => {
  it('flashes the screen edge and then clears it, longer for an error; a new scan flashes again', () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(<ScanFeedback kind="ok" message="Teh Botol added" sequence={1} />);
      expect(screen.getByTestId('scan-flash').dataset.kind).toBe('ok');
      act(() => vi.advanceTimersByTime(FLASH_MS.ok));
      expect(screen.queryByTestId('scan-flash')).toBeNull();
      // The message stays after the flash is gone.
      expect(screen.getByTestId('scan-feedback').textContent).toContain('Teh Botol added');

      rerender(<ScanFeedback kind="error" message="Unknown code 123" sequence={2} />);
      expect(screen.getByTestId('scan-flash').dataset.kind).toBe('error');
      act(() => vi.advanceTimersByTime(FLASH_MS.ok));
      expect(screen.queryByTestId('scan-flash')).not.toBeNull();
      act(() => vi.advanceTimersByTime(FLASH_MS.error - FLASH_MS.ok));
      expect(screen.queryByTestId('scan-flash')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
