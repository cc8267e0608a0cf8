import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WedgeSettings } from '../../../shared/scanner/wedgeDetector';
import { quickCashAmounts } from '../../../shared/sale/quickCash';
import { paymentMethodRules, saleRulesFromSettings } from '../../../shared/sale/saleRules';
import { pos } from '../../api/pos';
import { CartTable } from '../../components/checkout/CartTable';
import { CustomerPanel } from '../../components/checkout/CustomerPanel';
import { Dialog } from '../../components/checkout/Dialog';
import { DiscountPanel } from '../../components/checkout/DiscountPanel';
import { moneyFormatter } from '../../components/checkout/moneyFormat';
import { PaymentPanel } from '../../components/checkout/PaymentPanel';
import { QuantityPanel } from '../../components/checkout/QuantityPanel';
import { ReceiptView, type ReceiptData } from '../../components/checkout/ReceiptView';
import { ScanBar, type ScanBarHandle } from '../../components/checkout/ScanBar';
import { ScanFeedback } from '../../components/checkout/ScanFeedback';
import { SearchPanel } from '../../components/checkout/SearchPanel';
import { TotalsPanel } from '../../components/checkout/TotalsPanel';
import { Kbd } from '../../components/shell/Kbd';
import { playTone } from '../../feedback/tones';
import { formatDateTime } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useShortcut } from '../../shortcuts/useShortcut';
import { customerSelectors } from '../../state/customerSlice';
import { selectSaleDraft, selectTotals } from '../../state/saleSelectors';
import { useStore } from '../../state/store';
import { completeSale, lookupCustomer, reportWedgeScan, searchCatalog, verifyPin } from './checkoutApi';
import { CHECKOUT_KEYS } from './checkoutKeys';
import { useScanHandler } from './useScanHandler';
import { useWedgeScanner } from './useWedgeScanner';
import './checkout.css';

type DialogState =
  | { readonly kind: 'search'; readonly query: string }
  | { readonly kind: 'customer' }
  | { readonly kind: 'lineDiscount'; readonly index: number }
  | { readonly kind: 'saleDiscount' }
  | { readonly kind: 'quantity'; readonly index: number }
  | { readonly kind: 'pay' }
  | { readonly kind: 'receipt' };

const GROUP = 'checkout.group' as const;

/** Binds Escape to close while a dialog is open; listed in the help overlay. */
function CloseOnEscape({ onClose }: { readonly onClose: () => void }): null {
  useShortcut({ id: 'checkout.dialog.close', keys: 'Escape', label: 'checkout.shortcut.close', group: GROUP }, onClose);
  return null;
}

/** The cashier's screen: scan, adjust, attach a customer, take payment, print the receipt. */
export function CheckoutScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const settings = useStore((s) => s.settings.values);
  const options = useStore((s) => s.settings.options);
  const demo = useStore((s) => s.app.info?.mode === 'demo');
  const cart = useStore((s) => s.cart);
  const customer = useStore((s) => s.customer);
  const payments = useStore((s) => s.payment.payments);
  const totals = useStore(selectTotals);
  const maxPoints = useStore(customerSelectors.maxPoints);

  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [wedge, setWedge] = useState<{ readonly settings: WedgeSettings; readonly viaMain: boolean } | null>(null);
  const scanBarRef = useRef<ScanBarHandle>(null);
  const completingRef = useRef(false);

  const scan = useScanHandler(t);
  const { showFeedback, clearFeedback, handleCode, addCatalogItem } = scan;

  // Prices, tax and limits follow the saved settings; the tax rate needs the DealPOS tax list.
  useEffect(() => {
    const state = useStore.getState();
    if (!state.settings.options) void state.loadOptions();
  }, []);
  const rules = useMemo(() => (settings ? saleRulesFromSettings(settings, options) : null), [settings, options]);
  useEffect(() => {
    if (rules) useStore.getState().configureSale(rules);
  }, [rules]);
  const methods = useMemo(() => (settings ? paymentMethodRules(settings, options) : []), [settings, options]);
  const decimals = settings?.currencyDecimals ?? 0;
  const format = useMemo(() => moneyFormatter(decimals), [decimals]);
  const formatDate = useCallback((iso: string) => formatDateTime(locale, iso), [locale]);

  const focusScan = useCallback(() => scanBarRef.current?.focus(), []);
  const dialogRef = useRef<DialogState | null>(null);
  useEffect(() => {
    dialogRef.current = dialog;
  }, [dialog]);
  const closeDialog = useCallback(() => {
    setDialog(null);
    setCompleteError(null);
    // After the dialog hands focus back, put the cursor where the next scan or code goes — unless
    // the cashier already opened the next dialog (a fast F-key), which keeps its own focus.
    requestAnimationFrame(() => {
      if (dialogRef.current === null) focusScan();
    });
  }, [focusScan]);
  useEffect(focusScan, [focusScan]);

  // Every scan source ends up as main's one `scan` event. Keyboard-wedge scans are detected here and
  // reported to main; with no HID scanner chosen they are also acted on at once (no round trip in
  // the way of the cart) and their echo from main is skipped.
  const onScanCode = useCallback(
    (code: string) => {
      // The next sale's first scan closes the last receipt; otherwise no re-render in the scan's way.
      if (dialogRef.current?.kind === 'receipt') setDialog(null);
      return handleCode(code);
    },
    [handleCode],
  );
  useEffect(() => {
    let live = true;
    pos.scanner.state({}).then(
      (view) => {
        if (live) setWedge({ settings: view.wedge, viaMain: view.deviceId !== null });
      },
      // Without main's view the detector keeps its documented defaults and handles scans itself.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const viaMain = wedge?.viaMain ?? false;
  useEffect(
    () =>
      pos.on('scan', (event) => {
        if (event.source === 'wedge' && !viaMain) return;
        void onScanCode(event.code);
      }),
    [onScanCode, viaMain],
  );
  const onWedgeScan = useCallback(
    (code: string) => {
      if (viaMain) {
        // A chosen HID scanner may be a keyboard-mode one that also types: main merges both sources
        // and drops the duplicate, so the cart acts only on its event.
        void reportWedgeScan(code).then((outcome) => {
          if (outcome === 'failed') void onScanCode(code);
        });
        return;
      }
      // Reported once the row is on screen and the page idle, so it never competes with the lookup.
      void onScanCode(code).then(() => requestIdleCallback(() => void reportWedgeScan(code), { timeout: 2_000 }));
    },
    [onScanCode, viaMain],
  );
  useWedgeScanner(onWedgeScan, wedge?.settings ?? null, true);

  const selected = cart.lines[cart.selectedIndex] ?? null;
  const hasLines = cart.lines.length > 0;
  const idle = dialog === null;

  const openSearch = (): void => {
    setDialog({ kind: 'search', query: scanBarRef.current?.takeText() ?? '' });
  };
  const openPay = (): void => {
    if (!hasLines) {
      showFeedback('error', t('checkout.pay.emptyCart'));
      return;
    }
    setCompleteError(null);
    setDialog({ kind: 'pay' });
  };
  const printReceipt = (): void => {
    if (receipt) window.print();
  };
  const addDiscontinued = (): void => {
    if (scan.feedback?.followUp?.kind === 'discontinued') addCatalogItem(scan.feedback.followUp.item);
  };

  const complete = async (): Promise<void> => {
    if (completingRef.current) return;
    completingRef.current = true;
    setCompleting(true);
    setCompleteError(null);
    const draft = selectSaleDraft(useStore.getState());
    const outcome = await completeSale(draft);
    completingRef.current = false;
    setCompleting(false);
    if (outcome.kind === 'error') {
      setCompleteError(t('checkout.pay.failed', { message: outcome.message }));
      playTone('error');
      return;
    }
    // The sale is durable in the outbox: start the next one at once and show the receipt.
    useStore.getState().startNewSale();
    setReceipt({
      invoiceNumber: outcome.sale.invoiceNumber,
      completedAt: outcome.sale.completedAt,
      outlet: settings?.outlet ?? null,
      register: settings?.register ?? null,
      header: settings?.receiptHeader ?? '',
      footer: settings?.receiptFooter ?? '',
      demo,
      lines: draft.lines,
      totals: outcome.sale.totals,
      tax: draft.tax,
      payments: draft.payments,
      customer: draft.customer,
      pointsRedeemed: draft.pointsRedeemed,
    });
    clearFeedback();
    playTone('ok');
    setDialog({ kind: 'receipt' });
  };

  const store = useStore.getState;
  useShortcut({ id: 'checkout.search', keys: CHECKOUT_KEYS.search, label: 'checkout.shortcut.search', group: GROUP, enabled: idle }, openSearch);
  useShortcut({ id: 'checkout.customer', keys: CHECKOUT_KEYS.customer, label: 'checkout.shortcut.customer', group: GROUP, enabled: idle }, () =>
    setDialog({ kind: 'customer' }),
  );
  useShortcut(
    { id: 'checkout.lineDiscount', keys: CHECKOUT_KEYS.lineDiscount, label: 'checkout.shortcut.lineDiscount', group: GROUP, enabled: idle && selected !== null },
    () => setDialog({ kind: 'lineDiscount', index: store().cart.selectedIndex }),
  );
  useShortcut(
    { id: 'checkout.saleDiscount', keys: CHECKOUT_KEYS.saleDiscount, label: 'checkout.shortcut.saleDiscount', group: GROUP, enabled: idle && hasLines },
    () => setDialog({ kind: 'saleDiscount' }),
  );
  useShortcut(
    { id: 'checkout.quantity', keys: CHECKOUT_KEYS.quantity, label: 'checkout.shortcut.quantity', group: GROUP, enabled: idle && selected !== null },
    () => setDialog({ kind: 'quantity', index: store().cart.selectedIndex }),
  );
  useShortcut({ id: 'checkout.pay', keys: CHECKOUT_KEYS.pay, label: 'checkout.shortcut.pay', group: GROUP, enabled: idle }, openPay);
  useShortcut({ id: 'checkout.more', keys: CHECKOUT_KEYS.more, label: 'checkout.shortcut.more', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().changeSelectedQuantity(1),
  );
  useShortcut({ id: 'checkout.less', keys: CHECKOUT_KEYS.less, label: 'checkout.shortcut.less', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().changeSelectedQuantity(-1),
  );
  useShortcut({ id: 'checkout.remove', keys: CHECKOUT_KEYS.remove, label: 'checkout.shortcut.remove', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().removeLine(store().cart.selectedIndex),
  );
  useShortcut({ id: 'checkout.up', keys: CHECKOUT_KEYS.up, label: 'checkout.shortcut.up', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().moveSelection(-1),
  );
  useShortcut({ id: 'checkout.down', keys: CHECKOUT_KEYS.down, label: 'checkout.shortcut.down', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().moveSelection(1),
  );
  useShortcut({ id: 'checkout.focusScan', keys: CHECKOUT_KEYS.focusScan, label: 'checkout.shortcut.focusScan', group: GROUP, enabled: idle }, focusScan);
  useShortcut(
    { id: 'checkout.print', keys: CHECKOUT_KEYS.print, label: 'checkout.shortcut.print', group: GROUP, enabled: receipt !== null && (idle || dialog?.kind === 'receipt') },
    printReceipt,
  );
  useShortcut(
    {
      id: 'checkout.addAnyway',
      keys: CHECKOUT_KEYS.addAnyway,
      label: 'checkout.scan.addAnyway',
      group: GROUP,
      enabled: idle && scan.feedback?.followUp?.kind === 'discontinued',
    },
    addDiscontinued,
  );
  useShortcut(
    { id: 'checkout.dismiss', keys: 'Escape', label: 'checkout.scan.dismiss', group: GROUP, enabled: idle && scan.feedback !== null && scan.feedback.kind !== 'ok' },
    clearFeedback,
  );

  const feedback = scan.feedback;
  const followUp = feedback?.followUp ?? null;

  return (
    <section className="checkout" aria-labelledby="checkout-heading" data-testid="checkout-screen" data-ready={rules !== null}>
      <h1 id="checkout-heading" className="visually-hidden">
        {t('checkout.title')}
      </h1>
      <div className="checkout-main">
        <ScanBar
          handle={scanBarRef}
          t={t}
          focusKeys={CHECKOUT_KEYS.focusScan}
          searchKeys={CHECKOUT_KEYS.search}
          onCode={onScanCode}
          onSearch={(query) => setDialog({ kind: 'search', query })}
          onMoveSelection={(delta) => store().moveSelection(delta)}
          onChangeQuantity={(delta) => store().changeSelectedQuantity(delta)}
          onRemoveSelected={() => store().removeLine(store().cart.selectedIndex)}
        />

        {feedback ? (
          <ScanFeedback
            kind={feedback.kind}
            message={feedback.message}
            sequence={feedback.sequence}
            actions={
              followUp?.kind === 'search' ? (
                <button
                  type="button"
                  className="button"
                  data-testid="feedback-search"
                  onClick={() => {
                    clearFeedback();
                    setDialog({ kind: 'search', query: '' });
                  }}
                >
                  {t('checkout.scan.searchByName')} <Kbd keys={CHECKOUT_KEYS.search} />
                </button>
              ) : followUp?.kind === 'discontinued' ? (
                <>
                  <button type="button" className="button" data-testid="feedback-add-anyway" onClick={addDiscontinued}>
                    {t('checkout.scan.addAnyway')} <Kbd keys={CHECKOUT_KEYS.addAnyway} />
                  </button>
                  <button type="button" className="button" data-testid="feedback-dismiss" onClick={clearFeedback}>
                    {t('checkout.scan.dontAdd')} <Kbd keys="Escape" />
                  </button>
                </>
              ) : null
            }
          />
        ) : null}

        <div className="cart-scroll">
          <CartTable
            lines={cart.lines}
            lineTotals={totals.lines}
            selectedIndex={cart.selectedIndex}
            format={format}
            t={t}
            onSelect={(index) => {
              store().selectLine(index);
              focusScan();
            }}
            onIncrease={(index) => {
              store().selectLine(index);
              store().changeSelectedQuantity(1);
            }}
            onDecrease={(index) => {
              store().selectLine(index);
              store().changeSelectedQuantity(-1);
            }}
            onRemove={(index) => {
              store().removeLine(index);
              focusScan();
            }}
          />
        </div>

        <div className="line-actions button-row">
          <button
            type="button"
            className="button"
            data-testid="line-quantity"
            disabled={!selected}
            onClick={() => setDialog({ kind: 'quantity', index: cart.selectedIndex })}
          >
            {t('checkout.qty.label')} <Kbd keys={CHECKOUT_KEYS.quantity} />
          </button>
          <button
            type="button"
            className="button"
            data-testid="line-discount"
            disabled={!selected}
            onClick={() => setDialog({ kind: 'lineDiscount', index: cart.selectedIndex })}
          >
            {t('checkout.cart.discount')} <Kbd keys={CHECKOUT_KEYS.lineDiscount} />
          </button>
          <button type="button" className="button" data-testid="line-remove" disabled={!selected} onClick={() => store().removeLine(cart.selectedIndex)}>
            {t('checkout.cart.removeLine')} <Kbd keys={CHECKOUT_KEYS.remove} />
          </button>
          <button type="button" className="button" data-testid="sale-discount" disabled={!hasLines} onClick={() => setDialog({ kind: 'saleDiscount' })}>
            {t('checkout.totals.saleDiscount')} <Kbd keys={CHECKOUT_KEYS.saleDiscount} />
          </button>
        </div>
      </div>

      <aside className="checkout-side">
        <section className="side-card customer-summary" aria-labelledby="customer-summary-title" data-testid="customer-summary">
          <h2 id="customer-summary-title">{t('checkout.customer.title')}</h2>
          {customer.current ? (
            <p>
              <strong data-testid="customer-summary-name">{customer.current.name}</strong>
              <span className="customer-summary-facts">
                {customer.current.group ?? t('checkout.customer.noGroup')} · {t('checkout.customer.points')}: {customer.current.loyaltyPoints}
              </span>
            </p>
          ) : (
            <p className="muted">{t('checkout.customer.none')}</p>
          )}
          <button type="button" className="button" data-testid="open-customer" onClick={() => setDialog({ kind: 'customer' })}>
            {t('checkout.customer.find')} <Kbd keys={CHECKOUT_KEYS.customer} />
          </button>
        </section>

        <TotalsPanel totals={totals} tax={cart.rules.tax} pointsRedeemed={customer.pointsRedeemed} format={format} t={t} />

        <button type="button" className="button button-primary button-pay" data-testid="open-pay" disabled={!hasLines} onClick={openPay}>
          {t('checkout.pay.open')} <Kbd keys={CHECKOUT_KEYS.pay} />
        </button>
        {receipt ? (
          <button type="button" className="button" data-testid="print-last" onClick={printReceipt}>
            {t('checkout.receipt.printLast')} <Kbd keys={CHECKOUT_KEYS.print} />
          </button>
        ) : null}
      </aside>

      {dialog ? <CloseOnEscape onClose={closeDialog} /> : null}

      {dialog?.kind === 'search' ? (
        <Dialog title={t('checkout.search.title')} testId="search-dialog" onClose={closeDialog} wide>
          <SearchPanel
            initialQuery={dialog.query}
            format={format}
            t={t}
            onSearch={searchCatalog}
            onPick={(item) => {
              closeDialog();
              if (item.discontinued) {
                showFeedback('warning', t('checkout.scan.discontinued', { name: item.name, code: item.code }), { kind: 'discontinued', item });
              } else {
                addCatalogItem(item);
              }
            }}
          />
        </Dialog>
      ) : null}

      {dialog?.kind === 'customer' ? (
        <Dialog title={t('checkout.customer.title')} testId="customer-dialog" onClose={closeDialog}>
          <CustomerPanel
            attached={customer.current}
            pinVerified={customer.pinVerified}
            pointsRedeemed={customer.pointsRedeemed}
            maxPoints={maxPoints}
            t={t}
            onLookup={lookupCustomer}
            onAttach={(c) => store().attachCustomer(c)}
            onDetach={() => {
              store().detachCustomer();
              closeDialog();
            }}
            onVerifyPin={async (c, pin) => {
              const outcome = await verifyPin(c.id, pin);
              if (outcome.kind === 'ok') store().markPinVerified(c.code);
              return outcome;
            }}
            onRedeem={(points) => {
              const result = store().redeemPoints(points);
              if (result.ok) closeDialog();
              return result;
            }}
          />
          <div className="button-row dialog-footer">
            <button type="button" className="button" data-testid="customer-close" onClick={closeDialog}>
              {t('checkout.customer.close')} <Kbd keys="Escape" />
            </button>
          </div>
        </Dialog>
      ) : null}

      {dialog?.kind === 'lineDiscount' && cart.lines[dialog.index] ? (
        <Dialog title={t('checkout.discount.lineTitle', { name: cart.lines[dialog.index]?.name ?? '' })} testId="discount-dialog" onClose={closeDialog}>
          <DiscountPanel
            current={cart.lines[dialog.index]?.discount ?? null}
            decimals={decimals}
            format={format}
            t={t}
            onApply={(discount) => {
              const result = store().setLineDiscount(dialog.index, discount);
              if (result.ok) closeDialog();
              return result;
            }}
          />
        </Dialog>
      ) : null}

      {dialog?.kind === 'saleDiscount' ? (
        <Dialog title={t('checkout.discount.saleTitle')} testId="discount-dialog" onClose={closeDialog}>
          <DiscountPanel
            current={cart.saleDiscount}
            decimals={decimals}
            format={format}
            t={t}
            onApply={(discount) => {
              const result = store().setSaleDiscount(discount);
              if (result.ok) closeDialog();
              return result;
            }}
          />
        </Dialog>
      ) : null}

      {dialog?.kind === 'quantity' && cart.lines[dialog.index] ? (
        <Dialog title={t('checkout.qty.title', { name: cart.lines[dialog.index]?.name ?? '' })} testId="quantity-dialog" onClose={closeDialog}>
          <QuantityPanel
            quantity={cart.lines[dialog.index]?.quantity ?? 1}
            t={t}
            onApply={(quantity) => {
              const ok = store().setQuantity(dialog.index, quantity).ok;
              if (ok) closeDialog();
              return ok;
            }}
          />
        </Dialog>
      ) : null}

      {dialog?.kind === 'pay' ? (
        <Dialog title={t('checkout.pay.title')} testId="pay-dialog" onClose={closeDialog} wide>
          <PaymentPanel
            methods={methods}
            payments={payments}
            totals={totals}
            quickAmounts={quickCashAmounts(totals.due, decimals)}
            decimals={decimals}
            format={format}
            t={t}
            completing={completing}
            error={completeError}
            onAdd={(payment) => store().addPayment(payment)}
            onRemove={(index) => store().removePayment(index)}
            onComplete={() => void complete()}
          />
          <div className="button-row dialog-footer">
            <button type="button" className="button" data-testid="pay-close" onClick={closeDialog}>
              {t('checkout.pay.close')} <Kbd keys="Escape" />
            </button>
          </div>
        </Dialog>
      ) : null}

      {dialog?.kind === 'receipt' && receipt ? (
        <Dialog title={t('checkout.receipt.title')} testId="receipt-dialog" onClose={closeDialog}>
          <p className="notice notice-success" role="status" data-testid="receipt-saved">
            {t('checkout.receipt.saved')}
          </p>
          <ReceiptView receipt={receipt} format={format} formatDate={formatDate} t={t} testId="receipt" />
          <div className="button-row dialog-footer">
            <button type="button" className="button" data-testid="receipt-print" onClick={printReceipt}>
              {t('checkout.receipt.print')} <Kbd keys={CHECKOUT_KEYS.print} />
            </button>
            <button type="button" className="button button-primary" data-autofocus data-testid="receipt-next" onClick={closeDialog}>
              {t('checkout.receipt.newSale')} <Kbd keys="Enter" />
            </button>
          </div>
        </Dialog>
      ) : null}

      {receipt ? (
        <div className="print-area" aria-hidden="true">
          <ReceiptView receipt={receipt} format={format} formatDate={formatDate} t={t} testId="receipt-print-copy" />
        </div>
      ) : null}
    </section>
  );
}
