import '../support/fakeHost';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import type { CatalogItem } from '../../../../shared/contract/catalog';
import type { Discount, SaleCustomer } from '../../../../shared/sale/sale';
import type { PaymentMethodRule } from '../../../../shared/sale/saleRules';
import type { ReturnedCustomer } from '../../../../main/customer/customerService';
import type { PricingRules } from '../../../../main/sale/draft';
import { CustomerPanel, guessLookupBy, type LookupOutcome, type PinOutcome } from '../../../../renderer/components/checkout/CustomerPanel';
import { DiscountPanel } from '../../../../renderer/components/checkout/DiscountPanel';
import { moneyFormatter } from '../../../../renderer/components/checkout/moneyFormat';
import { FLASH_MS, ScanFeedback } from '../../../../renderer/components/checkout/ScanFeedback';
import { formatDateTime, translate, type MessageKey, type MessageParams } from '../../../../renderer/i18n/t';
import { CartArea } from '../../../../renderer/screens/checkout/CartArea';
import { CustomerDialogContent, PayDialogContent } from '../../../../renderer/screens/checkout/dialogContents';
import { acceptPinProof, addItem, loadCheckout, redeemPoints, setLineDiscount, type SaleActionResult } from '../../../../renderer/screens/checkout/saleActions';
import { SidePanel } from '../../../../renderer/screens/checkout/SidePanel';
import { clearShortcuts, installShortcutListener } from '../../../../renderer/shortcuts/shortcutRegistry';
import { saleSelectors } from '../../../../renderer/state/saleSlice';
import { resetStore, useStore } from '../../../../renderer/state/store';
import { fakeHost } from '../support/fakeHost';
import { handleCheckoutInMain } from '../support/mainCheckout';

const t = (key: MessageKey, params?: MessageParams): string => translate('en', key, params);
const formatTime = (iso: string): string => formatDateTime('en', iso);
const format = moneyFormatter(0);
const ppn11 = { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };
const item = (code: string, name: string, price: number): CatalogItem => ({ code, name, product: name, price, discontinued: false, updatedAt: '2026-11-22T10:00:00+07:00' });
const tea = item('TEA-01', 'Teh Botol', 5_000);
const rice = item('RICE-5', 'Beras 5 kg', 72_500);
const CATALOG = new Map<string, CatalogItem>([tea, rice].map((i) => [i.code, i]));
const sari: SaleCustomer = { id: 'c-1', code: 'HW008', name: 'Sari Dewi', email: 'sari@example.com', mobile: '0812345678', group: 'Gold', loyaltyPoints: 300 };
const METHODS: readonly PaymentMethodRule[] = [
  { name: 'Cash', cash: true },
  { name: 'BCA Debit', cash: false },
];

/** Money as the screen shows it, with the non-breaking space Intl puts after "Rp". */
const rp = (amount: number): string => format(amount);

// jsdom does no layout, so it has no scrolling; the cart scrolls the selected row into view.
Element.prototype.scrollIntoView = function scrollIntoView(): void {};

let closeMain = (): void => undefined;

/** Main's real checkout with `catalog`, and the sale it keeps loaded into the store, as the screen does on open. */
async function openSale(options: { pricing?: Partial<PricingRules>; customers?: ReadonlyMap<string, ReturnedCustomer> } = {}): Promise<void> {
  closeMain = handleCheckoutInMain({ catalog: CATALOG, methods: METHODS, ...options });
  await act(async () => {
    expect(await loadCheckout()).toMatchObject({ ok: true });
  });
}

/** Scans in order, each answered by main before the next, like the serial queue does. */
async function add(...codes: readonly string[]): Promise<void> {
  await act(async () => {
    for (const code of codes) expect(await addItem(code)).toMatchObject({ ok: true });
  });
}

const view = () => saleSelectors.view(useStore.getState());
const line = (index: number) => saleSelectors.lines(useStore.getState())[index];

afterEach(() => {
  cleanup();
  clearShortcuts();
  closeMain();
  closeMain = (): void => undefined;
  fakeHost.reset();
  resetStore();
});

/** The cart and the totals, wired to the store and main exactly as the checkout screen wires them. */
function StoreCart(): React.JSX.Element {
  const noop = (): void => undefined;
  return (
    <>
      <CartArea t={t} format={format} focusScan={noop} onQuantity={noop} onLineDiscount={noop} onPrice={noop} onSaleDiscount={noop} onVoid={noop} />
      <SidePanel t={t} format={format} canReprint={false} onCustomer={noop} onPay={noop} onReprint={noop} heldCount={0} onPark={noop} onHeld={noop} onReturn={noop} onTodaysSales={noop} />
    </>
  );
}

const rows = (): HTMLElement[] => screen.getAllByTestId('cart-row');
const qtyOf = (row: HTMLElement | undefined): string | null => within(row as HTMLElement).getByTestId('cart-row-qty').textContent;

describe('CartTable and TotalsPanel', () => {
  it('shows an empty cart invitation', async () => {
    await openSale();
    render(<StoreCart />);
    expect(screen.getByTestId('cart-empty')).toHaveProperty('textContent', 'Scan an item to start a sale.');
  });

  it('merges scans into one row, changes quantity with the buttons, removes lines, and keeps totals with tax in step', async () => {
    const user = userEvent.setup();
    await openSale({ pricing: { tax: ppn11 } });
    render(<StoreCart />);
    await add('TEA-01', 'RICE-5', 'TEA-01');
    expect(rows().map((r) => r.getAttribute('data-code'))).toEqual(['TEA-01', 'RICE-5']);
    expect(qtyOf(rows()[0])).toBe('2');
    expect(rows()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('totals-subtotal').textContent).toBe(rp(82_500));
    expect(screen.getByTestId('totals-tax').textContent).toBe(rp(9_075));
    expect(screen.getByTestId('totals-total').textContent).toBe(rp(91_575));
    expect(screen.getByTestId('totals-item-count').textContent).toBe('3 items');

    await user.click(within(rows()[1] as HTMLElement).getByTestId('cart-row-increase'));
    await expect.poll(() => qtyOf(rows()[1])).toBe('2');
    expect(screen.getByTestId('totals-subtotal').textContent).toBe(rp(155_000));
    expect(rows()[1]?.getAttribute('aria-selected')).toBe('true');

    await user.click(within(rows()[0] as HTMLElement).getByTestId('cart-row-remove'));
    await expect.poll(() => rows().map((r) => r.getAttribute('data-code'))).toEqual(['RICE-5']);
    expect(screen.getByTestId('totals-item-count').textContent).toBe('2 items');
    expect((within(rows()[0] as HTMLElement).getByTestId('cart-row-decrease') as HTMLButtonElement).disabled).toBe(false);

    // Back to one: main refuses to go below 1, so the decrease button is off.
    await user.click(within(rows()[0] as HTMLElement).getByTestId('cart-row-decrease'));
    await expect.poll(() => qtyOf(rows()[0])).toBe('1');
    expect((within(rows()[0] as HTMLElement).getByTestId('cart-row-decrease') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('totals-total').textContent).toBe(rp(80_475));
  });

  it('shows a line discount on its row and formats rupiah without decimals', async () => {
    await openSale();
    render(<StoreCart />);
    await add('RICE-5');
    await act(async () => {
      expect(await setLineDiscount(line(0)?.lineId ?? '', { kind: 'percent', basisPoints: 1_000 })).toMatchObject({ ok: true });
    });
    const row = rows()[0] as HTMLElement;
    expect(within(row).getByTestId('cart-row-discount').textContent).toBe('−10%');
    expect(within(row).getByTestId('cart-row-total').textContent).toBe(rp(65_250));
    expect(screen.getByTestId('totals-total').textContent).toBe(rp(65_250));
    expect(rp(65_250)).toMatch(/^Rp\s65\.250$/);
  });
});

/**
 * The discount panel asking main for the first line, as the screen's discount dialog does; what main
 * answered is kept so the test can see a refusal the dialog turns into the manager prompt.
 */
function StoreLineDiscount({ answers }: { readonly answers: SaleActionResult[] }): React.JSX.Element {
  const lineId = useStore((s) => saleSelectors.lines(s)[0]?.lineId ?? '');
  const current = useStore((s) => saleSelectors.lines(s)[0]?.discount ?? null);
  return (
    <DiscountPanel
      current={current}
      decimals={0}
      t={t}
      onApply={async (discount: Discount | null) => {
        const result = await setLineDiscount(lineId, discount);
        answers.push(result);
        return result.ok ? null : result.message;
      }}
    />
  );
}

describe('DiscountPanel', () => {
  it('applies a discount within the limit, leaves one over the limit to a manager, and shows why main refused one bigger than the line', async () => {
    const user = userEvent.setup();
    await openSale({ pricing: { lineLimit: { maxBasisPoints: 1_000, maxAmount: null } } });
    await add('RICE-5');
    const answers: SaleActionResult[] = [];
    render(<StoreLineDiscount answers={answers} />);

    // 15 % is over the 10 % limit: main wants a manager's approval, and nothing is applied meanwhile.
    await user.type(screen.getByTestId('discount-value'), '15{Enter}');
    await expect.poll(() => answers.length).toBe(1);
    expect(answers[0]).toMatchObject({ ok: false, code: 'forbidden', needsApproval: true });
    expect(line(0)?.discount).toBeNull();

    // More than the line is worth is simply wrong: main says so under the field.
    await user.click(screen.getByTestId('discount-kind-amount'));
    await user.clear(screen.getByTestId('discount-value'));
    await user.type(screen.getByTestId('discount-value'), '80.000{Enter}');
    expect((await screen.findByTestId('discount-problem')).textContent).toBe(`Beras 5 kg: the discount is more than the ${rp(72_500)} it applies to`);
    expect(answers[1]).toMatchObject({ ok: false, code: 'validation', needsApproval: false });
    expect(line(0)?.discount).toBeNull();

    // 7.000 off 72.500 is within 10 %: applied by main, and the panel offers to clear it.
    await user.clear(screen.getByTestId('discount-value'));
    await user.type(screen.getByTestId('discount-value'), '7.000{Enter}');
    await expect.poll(() => line(0)?.discount).toEqual({ kind: 'amount', amount: 7_000 });
    expect(screen.queryByTestId('discount-problem')).toBeNull();
    expect(await screen.findByTestId('discount-clear')).toBeTruthy();
    expect(view()?.totals.total).toBe(65_500);
  });
});

/** The payment dialog's content as the screen renders it, with the shortcut listener the app installs. */
function StorePayment({ onComplete }: { readonly onComplete: () => void }): React.JSX.Element {
  useEffect(() => installShortcutListener(window), []);
  return <PayDialogContent t={t} format={format} decimals={0} methods={METHODS} completing={false} error={null} onComplete={onComplete} />;
}

describe('PaymentPanel', () => {
  it('splits card and cash, shows change, and only then lets the sale complete', async () => {
    const user = userEvent.setup();
    const onComplete = vi.fn();
    await openSale();
    await add('RICE-5');
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
    expect(view()?.payments).toEqual([]);
    await user.clear(amount);
    await user.type(amount, '50.000{Enter}');
    await expect.poll(() => screen.getByTestId('pay-due').textContent).toBe(rp(22_500));
    expect(screen.getByTestId('pay-state').textContent).toBe(`Still due: ${rp(22_500)}`);
    await expect.poll(() => amount.value).toBe('22500');

    // Cash: the quick amounts offer the notes people hand over; this customer hands over 50.000.
    await user.click(screen.getByTestId('pay-method-Cash'));
    expect(screen.getAllByRole('button', { name: /Rp/ }).map((b) => b.textContent)).toEqual([
      `Exact ${rp(22_500)} F5`,
      `${rp(25_000)} F6`,
      `${rp(30_000)} F7`,
      `${rp(40_000)} F8`,
      `${rp(50_000)} `,
      `${rp(100_000)} `,
    ]);
    await user.clear(amount);
    await user.type(amount, '50000{Enter}');
    await expect.poll(() => screen.getByTestId('pay-change').textContent).toBe(rp(27_500));
    expect(screen.getAllByTestId('pay-line').map((r) => r.getAttribute('data-method'))).toEqual(['BCA Debit', 'Cash']);
    expect(screen.getByTestId('pay-state').textContent).toBe('Paid in full');
    await user.keyboard('{F9}');
    expect(onComplete).toHaveBeenCalledTimes(1);
  });

  it('rounds the cash due down to the store’s coin, starts quick cash there, and charges a card the exact amount', async () => {
    const user = userEvent.setup();
    await openSale({ pricing: { tax: ppn11, cashRoundingCoin: 100 } });
    await add('RICE-5');
    render(<StorePayment onComplete={() => undefined} />);
    // 72.500 + 11 % = 80.475; 68 off before tax makes 72.432 + 7.968 = 80.400 in cash.
    expect(screen.getByTestId('pay-rounding').textContent).toBe(`−${rp(68)}`);
    expect(screen.getByText('Rounding (before tax)')).toBeTruthy();
    expect(screen.getByTestId('pay-total').textContent).toBe(rp(80_400));
    const amount = screen.getByTestId('pay-amount') as HTMLInputElement;
    expect(amount.value).toBe('80400');
    expect(screen.getAllByRole('button', { name: /Rp/ }).map((b) => b.textContent)).toEqual([`Exact ${rp(80_400)} F5`, `${rp(85_000)} F6`, `${rp(90_000)} F7`, `${rp(100_000)} F8`]);

    await user.click(screen.getByTestId('pay-method-BCA Debit'));
    await expect.poll(() => amount.value).toBe('80475');
    expect(screen.getByTestId('pay-exact').textContent).toBe(`Exact ${rp(80_475)} F5`);
    await user.keyboard('{F5}');
    await expect.poll(() => screen.getByTestId('pay-state').textContent).toBe('Paid in full');
    expect(screen.getByTestId('pay-total').textContent).toBe(rp(80_475));
    expect(screen.queryByTestId('pay-rounding')).toBeNull();
  });

  it('pays the exact amount with F5', async () => {
    const user = userEvent.setup();
    await openSale();
    await add('TEA-01');
    render(<StorePayment onComplete={() => undefined} />);
    await user.keyboard('{F5}');
    await expect.poll(() => view()?.payments).toEqual([{ method: 'Cash', amount: 5_000, cash: true }]);
    expect(screen.getByTestId('pay-change').textContent).toBe(rp(0));
    expect(screen.getByTestId('pay-state').textContent).toBe('Paid in full');
  });
});

const PIN = '123654';

/**
 * DealPOS as main reports it: `customer.lookup` answers sari (from its cache when `seenAt` is set)
 * and `customer.verifyPin` hands out the proof main's checkout accepts for her.
 */
function handleCustomerLookups(seenAt: string | null): void {
  fakeHost.handle('customer.lookup', ({ value }) => {
    if (value !== sari.code) return null;
    return seenAt === null ? { customer: sari, source: 'dealpos' as const } : { customer: sari, source: 'cache' as const, seenAt };
  });
  fakeHost.handle('customer.verifyPin', ({ customerId, pin }) => (pin === PIN ? { verified: true, proof: `proof-${customerId}` } : { verified: false, proof: null }));
}

/** Opens main's sale with rice on it and sari as a customer main's lookup returned. */
async function openSaleWithCustomer(seenAt: string | null): Promise<void> {
  await openSale({ pricing: { pointValue: 100 }, customers: new Map([[sari.id ?? '', { customer: sari, seenAt }]]) });
  handleCustomerLookups(seenAt);
  await add('RICE-5');
}

describe('CustomerPanel', () => {
  it('looks up, attaches, and redeems points only after the PIN is accepted', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    await openSaleWithCustomer(null);
    render(<CustomerDialogContent t={t} scannedCard={null} onDone={onDone} />);

    await user.type(screen.getByTestId('customer-value'), 'HW008{Enter}');
    expect((await screen.findByTestId('customer-name')).textContent).toBe('Sari Dewi');
    expect(fakeHost.calls('customer.lookup').map((c) => c.input)).toEqual([{ by: 'code', value: 'HW008' }]);
    expect(screen.getByTestId('customer-group').textContent).toBe('Gold');
    expect(screen.getByTestId('customer-points').textContent).toBe('300');
    await user.click(screen.getByTestId('customer-attach'));
    await expect.poll(() => view()?.customer?.code).toBe('HW008');
    // She has points to redeem, so the dialog stays open for them.
    expect(onDone).not.toHaveBeenCalled();

    // No points field before the PIN is checked.
    expect(screen.queryByTestId('customer-points-input')).toBeNull();
    await user.type(await screen.findByTestId('customer-pin'), '000000{Enter}');
    await expect.poll(() => screen.queryByTestId('customer-pin-message')?.textContent).toBe('That PIN is not correct.');
    expect(view()?.pinVerified).toBe(false);

    await user.type(screen.getByTestId('customer-pin'), `${PIN}{Enter}`);
    const points = await screen.findByTestId('customer-points-input');
    expect(view()?.pinVerified).toBe(true);
    expect(screen.getByText('Points to redeem (at most 300)')).toBeTruthy();
    await user.type(points, '301{Enter}');
    expect(screen.getByTestId('customer-points-message').textContent).toBe('Enter a whole number from 0 to 300.');
    await user.clear(points);
    await user.type(points, '200{Enter}');
    await expect.poll(() => view()?.pointsRedeemed).toBe(200);
    expect(view()?.totals.total).toBe(52_500);
    expect(screen.queryByTestId('customer-points-message')).toBeNull();
    expect(onDone).toHaveBeenCalledTimes(1);
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
      onAttach: async (): Promise<string | null> => null,
      onDetach: () => undefined,
      onVerifyPin: async (): Promise<PinOutcome> => ({ kind: 'wrong' }),
      onRedeem: async (): Promise<string | null> => null,
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
    const onDone = vi.fn();
    const seenAt = '2026-11-20T09:30:00.000+07:00';
    await openSaleWithCustomer(seenAt);
    render(<CustomerDialogContent t={t} scannedCard={null} onDone={onDone} />);

    await user.type(screen.getByTestId('customer-value'), 'HW008{Enter}');
    const expected = `DealPOS is unreachable: details as last seen on ${formatDateTime('en', seenAt)}. Points can't be redeemed until it is back.`;
    expect((await screen.findByTestId('customer-offline-notice')).textContent).toBe(expected);
    expect(screen.getByTestId('customer-points').textContent).toBe('300');
    // The keyboard flow is unchanged: Enter on the focused attach button attaches.
    expect(document.activeElement).toBe(screen.getByTestId('customer-attach'));
    await user.keyboard('{Enter}');
    await expect.poll(() => view()?.customer?.code).toBe('HW008');
    expect(view()).toMatchObject({ customer: sari, customerSeenAt: seenAt, pinVerified: false });
    // Nothing more to do with cached details: the screen goes back to scanning.
    expect(onDone).toHaveBeenCalledTimes(1);

    // Attached: still marked, points shown, PIN check off.
    expect((await screen.findByTestId('customer-pin')) as HTMLInputElement).toHaveProperty('disabled', true);
    expect(screen.getByTestId('customer-offline-notice').textContent).toBe(expected);
    expect(screen.getByTestId('customer-points').textContent).toBe('300');
    expect((screen.getByTestId('customer-check-pin') as HTMLButtonElement).disabled).toBe(true);
    expect(fakeHost.calls('customer.verifyPin')).toHaveLength(0);
    expect(screen.queryByTestId('customer-points-input')).toBeNull();

    // Even a valid proof from some other path cannot unlock points for cached details: main refuses both.
    let proof: SaleActionResult | null = null;
    let redeem: SaleActionResult | null = null;
    await act(async () => {
      proof = await acceptPinProof(`proof-${sari.id ?? ''}`);
      redeem = await redeemPoints(100);
    });
    expect(proof).toMatchObject({ ok: false, code: 'forbidden' });
    expect(redeem).toMatchObject({ ok: false, code: 'forbidden' });
    expect(view()).toMatchObject({ pinVerified: false, pointsRedeemed: 0, maxPoints: 0 });
    expect(screen.queryByTestId('customer-points-input')).toBeNull();
  });

  it('shows no offline notice for details DealPOS itself answered', async () => {
    const user = userEvent.setup();
    await openSaleWithCustomer(null);
    render(<CustomerDialogContent t={t} scannedCard={null} onDone={() => undefined} />);
    await user.type(screen.getByTestId('customer-value'), 'HW008{Enter}');
    await screen.findByTestId('customer-name');
    expect(screen.queryByTestId('customer-offline-notice')).toBeNull();
    await user.click(screen.getByTestId('customer-attach'));
    expect((await screen.findByTestId('customer-pin')) as HTMLInputElement).toHaveProperty('disabled', false);
    expect(screen.queryByTestId('customer-offline-notice')).toBeNull();
  });

  it('says so when nobody matches, and guesses email and mobile lookups from what is typed', async () => {
    const user = userEvent.setup();
    await openSaleWithCustomer(null);
    render(<CustomerDialogContent t={t} scannedCard={null} onDone={() => undefined} />);
    await user.type(screen.getByTestId('customer-value'), 'nobody@example.com');
    expect((screen.getByTestId('customer-by-email') as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('customer-message')).textContent).toBe('No customer found.');
    expect(fakeHost.calls('customer.lookup').map((c) => c.input)).toEqual([{ by: 'email', value: 'nobody@example.com' }]);
    expect(view()?.customer).toBeNull();
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
