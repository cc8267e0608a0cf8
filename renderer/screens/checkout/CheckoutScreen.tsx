import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_WEDGE_SETTINGS } from '../../../shared/scanner/wedgeDetector';
import { paymentMethodRules } from '../../../shared/sale/saleRules';
import { PosError } from '../../../shared/errors';
import type { ReceiptedSale } from '../../../shared/contract/sale';
import { pos } from '../../api/pos';
import { errorMessage } from '../../state/errorMessage';
import { Dialog } from '../../components/checkout/Dialog';
import { moneyFormatter } from '../../components/checkout/moneyFormat';
import { ReceiptView } from '../../components/checkout/ReceiptView';
import { ScanBar, type ScanBarHandle } from '../../components/checkout/ScanBar';
import { SearchPanel } from '../../components/checkout/SearchPanel';
import { Kbd } from '../../components/shell/Kbd';
import { playTone } from '../../feedback/tones';
import { formatDateTime } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useShortcut } from '../../shortcuts/useShortcut';
import { saleSelectors } from '../../state/saleSlice';
import { useStore } from '../../state/store';
import { CartArea } from './CartArea';
import { reportWedgeScan, searchCatalog } from './checkoutApi';
import { CHECKOUT_GROUP as GROUP, CHECKOUT_KEYS } from './checkoutKeys';
import { CustomerDialogContent, DiscountContent, PayDialogContent, PriceContent, QuantityContent } from './dialogContents';
import { FeedbackArea } from './FeedbackArea';
import { PrintJobsBanner } from './PrintJobsBanner';
import { useFeedbackStore } from './scanFeedbackStore';
import { SaleShortcuts } from './SaleShortcuts';
import { scanSettingsFor } from './scanSettings';
import { changeSelectedQuantity, completeSale, loadCheckout, removeSelectedLine, voidSale as voidSaleInMain } from './saleActions';
import { SidePanel } from './SidePanel';
import { TodaysSales } from './TodaysSales';
import { useScanHandler } from './useScanHandler';
import { useReturnFocusToScan } from './useReturnFocusToScan';
import { useScanSource } from './useScanSource';
import { useWedgeScanner } from './useWedgeScanner';
import { HeldListContent, ParkDialogContent } from '../held/HeldDialogs';
import { ReturnDialogContent } from '../returns/ReturnDialog';
import './checkout.css';

type DialogState =
  | { readonly kind: 'search'; readonly query: string }
  | { readonly kind: 'customer' }
  | { readonly kind: 'lineDiscount'; readonly lineId: string }
  | { readonly kind: 'saleDiscount' }
  | { readonly kind: 'quantity'; readonly lineId: string }
  | { readonly kind: 'price'; readonly lineId: string }
  | { readonly kind: 'pay' }
  | { readonly kind: 'receipt' }
  | { readonly kind: 'today' }
  | { readonly kind: 'void' }
  | { readonly kind: 'park' }
  | { readonly kind: 'held' }
  | { readonly kind: 'return' };

/** Binds Escape to close while a dialog is open; listed in the help overlay. */
function CloseOnEscape({ onClose }: { readonly onClose: () => void }): null {
  useShortcut({ id: 'checkout.dialog.close', keys: 'Escape', label: 'checkout.shortcut.close', group: GROUP }, onClose);
  return null;
}

const store = useStore.getState;

/**
 * The cashier's screen: scan, adjust, attach a customer, take payment, print the receipt. This
 * frame subscribes only to what changes rarely (settings, options); the cart,
 * totals, feedback, line shortcuts and dialogs subscribe to their own parts, so a scan re-renders
 * just those.
 */
export function CheckoutScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const settings = useStore((s) => s.settings.values);
  const options = useStore((s) => s.settings.options);

  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [completing, setCompleting] = useState(false);
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [scannedCard, setScannedCard] = useState<{ readonly code: string; readonly sequence: number } | null>(null);
  // A scan that arrived while a dialog that locks the cart was open: said in that dialog, never added.
  const [refusedScan, setRefusedScan] = useState<{ readonly code: string; readonly sequence: number } | null>(null);
  const scanBarRef = useRef<ScanBarHandle>(null);
  const completingRef = useRef(false);
  const dialogRef = useRef<DialogState | null>(null);
  useEffect(() => {
    dialogRef.current = dialog;
  }, [dialog]);

  const { handleCode, addCatalogItem } = useScanHandler(t);
  const loaded = useStore((s) => s.sale.view !== null);
  const taxFallback = useStore((s) => s.sale.view?.taxFallback ?? null);
  const lastRecorded = useStore((s) => s.sale.lastRecorded);
  const cartEmpty = useStore(saleSelectors.isEmpty);
  // An earlier sale picked from today's list; otherwise the receipt shown is the last sale's.
  const [pickedSale, setPickedSale] = useState<ReceiptedSale | null>(null);
  const shownSale = pickedSale ?? lastRecorded;
  // Main built the receipt from the stored sale; the screen only lays it out (the printer lays out the same model).
  const receipt = shownSale?.receipt ?? null;
  // Whether the last recorded sale was made on this screen (then its receipt is already up) or before a restart.
  const [recordedHere, setRecordedHere] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [heldCount, setHeldCount] = useState<number | null>(null);
  // Held sales: counted again whenever a dialog closes (parking and resuming happen in dialogs).
  useEffect(() => {
    if (dialog !== null) return;
    let live = true;
    pos.held.list({}).then(
      ({ held }) => {
        if (live) setHeldCount(held.length);
      },
      // The button still opens the list, which says what went wrong.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [dialog]);

  // The sale in progress is main's: restored after a restart, reloaded when settings change (main reprices under them).
  useEffect(() => {
    void loadCheckout().then((result) => setLoadError(result.ok ? null : result.message));
  }, [settings]);
  // The payment method list needs DealPOS's method types (cash or not).
  useEffect(() => {
    const state = store();
    if (!state.settings.options) void state.loadOptions();
  }, []);
  const methods = useMemo(() => (settings ? paymentMethodRules(settings, options) : []), [settings, options]);
  const decimals = settings?.currencyDecimals ?? 0;
  const format = useMemo(() => moneyFormatter(decimals), [decimals]);
  const formatDate = useCallback((iso: string) => formatDateTime(locale, iso), [locale]);

  const focusScan = useCallback(() => scanBarRef.current?.focus(), []);
  const closeDialog = useCallback(() => {
    setDialog(null);
    setPickedSale(null);
    setCompleteError(null);
    setScannedCard(null);
    setRefusedScan(null);
    // After the dialog hands focus back, put the cursor where the next scan or code goes — unless
    // the cashier already opened the next dialog (a fast F-key), which keeps its own focus.
    requestAnimationFrame(() => {
      if (dialogRef.current === null) focusScan();
    });
  }, [focusScan]);
  useEffect(focusScan, [focusScan]);
  useReturnFocusToScan(focusScan);
  // A message about an earlier scan means nothing once the cashier has left the screen.
  useEffect(() => () => useFeedbackStore.getState().clear(), []);

  // Every scan source ends up as main's one `scan` event. Keyboard-wedge scans are detected here and
  // reported to main; with no HID scanner chosen they are also acted on at once (no round trip in
  // the way of the cart) and their echo from main is skipped.
  const onScanCode = useCallback(
    (code: string) => {
      const kind = dialogRef.current?.kind;
      // With the customer dialog open, a scan is a member card: it is looked up, not sold.
      // With the return dialog open, it is the receipt's barcode: the sale to return against.
      if (kind === 'customer' || kind === 'return') {
        setScannedCard((card) => ({ code, sequence: (card?.sequence ?? 0) + 1 }));
        return Promise.resolve();
      }
      // A scan during search is the item the cashier was looking for: search closes and it is added.
      if (kind === 'search') {
        dialogRef.current = null;
        closeDialog();
        return handleCode(code);
      }
      // Payment and the line, discount and clear-sale dialogs lock the cart: a scan behind them would
      // change what the open dialog is about (the total being paid), so it is refused, out loud.
      if (kind !== undefined && kind !== 'receipt') {
        setRefusedScan((refused) => ({ code, sequence: (refused?.sequence ?? 0) + 1 }));
        playTone('error');
        return Promise.resolve();
      }
      // The next sale's first scan closes the last receipt; otherwise no re-render in the scan's way.
      if (kind === 'receipt') setDialog(null);
      return handleCode(code);
    },
    [handleCode, closeDialog],
  );
  const { wedge, viaMain } = useScanSource((code) => void onScanCode(code));
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
  // The detector's minimum length follows the catalog's shortest code (1315L, HW008 …), asked again
  // whenever a catalog pass completes.
  const catalogState = useStore((s) => s.sync.catalog?.state ?? null);
  const [shortestCode, setShortestCode] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    pos.catalog.shortestCode({}).then(
      ({ length }) => {
        if (live) setShortestCode(length);
      },
      // Without main's answer the configured minimum stays; a shorter scan is then reported as dropped, never lost silently.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [catalogState]);
  const wedgeSettings = useMemo(() => scanSettingsFor(wedge?.settings ?? DEFAULT_WEDGE_SETTINGS, shortestCode), [wedge, shortestCode]);
  const onDroppedBurst = useCallback(
    (keys: string) => useFeedbackStore.getState().show('error', t('checkout.scan.dropped', { code: keys, key: CHECKOUT_KEYS.focusScan })),
    [t],
  );
  useWedgeScanner(onWedgeScan, wedgeSettings, true, onDroppedBurst);

  const idle = dialog === null;

  const openSearch = (): void => {
    setDialog({ kind: 'search', query: scanBarRef.current?.takeText() ?? '' });
  };
  const openPay = (): void => {
    if (saleSelectors.isEmpty(store())) {
      useFeedbackStore.getState().show('error', t('checkout.pay.emptyCart'));
      return;
    }
    setCompleteError(null);
    setDialog({ kind: 'pay' });
  };
  const openLineDialog = (kind: 'lineDiscount' | 'quantity' | 'price'): void => {
    const line = saleSelectors.selectedLine(store());
    if (line) setDialog({ kind, lineId: line.lineId });
  };
  const voidSale = (): void => {
    void voidSaleInMain().then((result) => {
      if (!result.ok) useFeedbackStore.getState().show('error', result.message);
    });
    useFeedbackStore.getState().clear();
    closeDialog();
  };
  // The configured receipt printer first (main queues the job and says if it fails); without one,
  // the OS print dialog: Electron's on a receipt-sized page (main picks it), else the page's own.
  const printReceipt = (): void => {
    if (!shownSale) return;
    const localId = shownSale.localId;
    const notConfigured = (error: unknown): boolean => error instanceof PosError && error.code === 'not_configured';
    const failed = (error: unknown): void => useFeedbackStore.getState().show('error', t('printing.print.failed', { message: errorMessage(error) }));
    pos.printing.printReceipt({ localId }).then(
      () => useFeedbackStore.getState().show('ok', t('printing.print.queued')),
      (error: unknown) => {
        if (!notConfigured(error)) return failed(error);
        pos.printing.printDialog({ localId }).then(
          () => undefined, // printed, or cancelled by the cashier in the dialog
          (dialogError: unknown) => (notConfigured(dialogError) ? window.print() : failed(dialogError)),
        );
      },
    );
  };

  const complete = async (): Promise<void> => {
    if (completingRef.current) return;
    completingRef.current = true;
    setCompleting(true);
    setCompleteError(null);
    // Main records the draft it holds; a retry of the same draft gets the same sale back, never a second one.
    const outcome = await completeSale();
    completingRef.current = false;
    setCompleting(false);
    if (!outcome.ok) {
      setCompleteError(t('checkout.pay.failed', { message: outcome.message }));
      playTone('error');
      return;
    }
    // The sale is durable in the outbox and main has started the next one: show the receipt.
    setRecordedHere(true);
    useFeedbackStore.getState().clear();
    playTone('ok');
    setDialog({ kind: 'receipt' });
  };

  useShortcut({ id: 'checkout.focusScan', keys: CHECKOUT_KEYS.focusScan, label: 'checkout.shortcut.focusScan', group: GROUP, enabled: idle }, focusScan);
  useShortcut({ id: 'checkout.search', keys: CHECKOUT_KEYS.search, label: 'checkout.shortcut.search', group: GROUP, enabled: idle }, openSearch);
  useShortcut({ id: 'checkout.customer', keys: CHECKOUT_KEYS.customer, label: 'checkout.shortcut.customer', group: GROUP, enabled: idle }, () =>
    setDialog({ kind: 'customer' }),
  );
  useShortcut({ id: 'checkout.pay', keys: CHECKOUT_KEYS.pay, label: 'checkout.shortcut.pay', group: GROUP, enabled: idle }, openPay);
  useShortcut({ id: 'checkout.more', keys: CHECKOUT_KEYS.more, label: 'checkout.shortcut.more', group: GROUP, enabled: idle, inInputs: false }, () =>
    void changeSelectedQuantity(1),
  );
  useShortcut({ id: 'checkout.less', keys: CHECKOUT_KEYS.less, label: 'checkout.shortcut.less', group: GROUP, enabled: idle, inInputs: false }, () =>
    void changeSelectedQuantity(-1),
  );
  useShortcut({ id: 'checkout.remove', keys: CHECKOUT_KEYS.remove, label: 'checkout.shortcut.remove', group: GROUP, enabled: idle, inInputs: false }, () =>
    void removeSelectedLine(),
  );
  useShortcut({ id: 'checkout.up', keys: CHECKOUT_KEYS.up, label: 'checkout.shortcut.up', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().moveSelection(-1),
  );
  useShortcut({ id: 'checkout.down', keys: CHECKOUT_KEYS.down, label: 'checkout.shortcut.down', group: GROUP, enabled: idle, inInputs: false }, () =>
    store().moveSelection(1),
  );
  useShortcut(
    { id: 'checkout.print', keys: CHECKOUT_KEYS.print, label: 'checkout.shortcut.print', group: GROUP, enabled: receipt !== null && (idle || dialog?.kind === 'receipt') },
    printReceipt,
  );

  const scanRefusedNotice = refusedScan ? (
    <p key={refusedScan.sequence} className="notice notice-error" role="alert" data-testid="dialog-scan-refused">
      {t(dialog?.kind === 'pay' ? 'checkout.scan.lockedInPayment' : 'checkout.scan.lockedInDialog', { code: refusedScan.code })}
    </p>
  ) : null;

  // Enter on the receipt is Next sale wherever focus is: after a click on Print it used to print again.
  useShortcut(
    { id: 'checkout.receipt.next', keys: 'Enter', label: 'checkout.receipt.newSale', group: GROUP, enabled: dialog?.kind === 'receipt' },
    closeDialog,
  );

  const lineName = (lineId: string): string => saleSelectors.lines(store()).find((l) => l.lineId === lineId)?.name ?? '';

  return (
    <section className="checkout" aria-labelledby="checkout-heading" data-testid="checkout-screen" data-ready={loaded}>
      <h1 id="checkout-heading" className="visually-hidden">
        {t('checkout.title')}
      </h1>
      <div className="checkout-main">
        {settings && !settings.outlet ? (
          <p className="notice notice-error" role="alert" data-testid="checkout-no-outlet">
            {t('checkout.noOutlet')}
          </p>
        ) : null}
        {taxFallback ? (
          <p className="notice notice-warning" role="status" data-testid="checkout-tax-fallback">
            {t('checkout.taxFallback', { name: taxFallback })}
          </p>
        ) : null}
        {loadError ? (
          <p className="notice notice-error" role="alert" data-testid="checkout-load-error">
            {t('checkout.loadFailed', { message: loadError })}
          </p>
        ) : null}
        {lastRecorded && !recordedHere && cartEmpty ? (
          <p className="notice notice-info" role="status" data-testid="checkout-last-sale">
            {t('checkout.lastSale', { number: lastRecorded.invoiceNumber, time: formatDate(lastRecorded.completedAt) })}{' '}
            <button type="button" className="button button-quiet" data-testid="checkout-last-sale-receipt" onClick={() => setDialog({ kind: 'receipt' })}>
              {t('checkout.lastSale.receipt')}
            </button>
          </p>
        ) : null}
        <ScanBar
          handle={scanBarRef}
          t={t}
          focusKeys={CHECKOUT_KEYS.focusScan}
          searchKeys={CHECKOUT_KEYS.search}
          onCode={(code) => void onScanCode(code)}
          onSearch={(query) => setDialog({ kind: 'search', query })}
          onMoveSelection={(delta) => store().moveSelection(delta)}
          onChangeQuantity={(delta) => void changeSelectedQuantity(delta)}
          onRemoveSelected={() => void removeSelectedLine()}
        />
        <PrintJobsBanner t={t} onDone={focusScan} />
        <FeedbackArea t={t} idle={idle} onSearchByName={() => setDialog({ kind: 'search', query: '' })} onAddItem={addCatalogItem} />
        <CartArea
          t={t}
          format={format}
          focusScan={focusScan}
          onQuantity={() => openLineDialog('quantity')}
          onLineDiscount={() => openLineDialog('lineDiscount')}
          onPrice={() => openLineDialog('price')}
          onSaleDiscount={() => setDialog({ kind: 'saleDiscount' })}
          onVoid={() => setDialog({ kind: 'void' })}
        />
      </div>

      <SidePanel
        t={t}
        format={format}
        canReprint={receipt !== null}
        onCustomer={() => setDialog({ kind: 'customer' })}
        onPay={openPay}
        onReprint={printReceipt}
        onTodaysSales={() => setDialog({ kind: 'today' })}
        heldCount={heldCount}
        onPark={() => setDialog({ kind: 'park' })}
        onHeld={() => setDialog({ kind: 'held' })}
        onReturn={() => setDialog({ kind: 'return' })}
      />

      <SaleShortcuts
        idle={idle}
        confirmingVoid={dialog?.kind === 'void'}
        onLineDialog={openLineDialog}
        onSaleDiscount={() => setDialog({ kind: 'saleDiscount' })}
        onVoid={() => setDialog({ kind: 'void' })}
        onConfirmVoid={voidSale}
      />
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
                useFeedbackStore
                  .getState()
                  .show('warning', t('checkout.scan.discontinued', { name: item.name, code: item.code }), { kind: 'discontinued', item });
              } else {
                void addCatalogItem(item);
              }
            }}
          />
        </Dialog>
      ) : null}

      {dialog?.kind === 'customer' ? (
        <Dialog title={t('checkout.customer.title')} testId="customer-dialog" onClose={closeDialog}>
          <CustomerDialogContent t={t} scannedCard={scannedCard} onDone={closeDialog} />
          <div className="button-row dialog-footer">
            <button type="button" className="button" data-testid="customer-close" onClick={closeDialog}>
              {t('checkout.customer.close')} <Kbd keys="Escape" />
            </button>
          </div>
        </Dialog>
      ) : null}

      {dialog?.kind === 'lineDiscount' ? (
        <Dialog title={t('checkout.discount.lineTitle', { name: lineName(dialog.lineId) })} testId="discount-dialog" onClose={closeDialog}>
          {scanRefusedNotice}
          <DiscountContent t={t} format={format} decimals={decimals} lineId={dialog.lineId} onDone={closeDialog} />
        </Dialog>
      ) : null}

      {dialog?.kind === 'saleDiscount' ? (
        <Dialog title={t('checkout.discount.saleTitle')} testId="discount-dialog" onClose={closeDialog}>
          {scanRefusedNotice}
          <DiscountContent t={t} format={format} decimals={decimals} lineId={null} onDone={closeDialog} />
        </Dialog>
      ) : null}

      {dialog?.kind === 'quantity' ? (
        <Dialog title={t('checkout.qty.title', { name: lineName(dialog.lineId) })} testId="quantity-dialog" onClose={closeDialog}>
          {scanRefusedNotice}
          <QuantityContent t={t} lineId={dialog.lineId} onDone={closeDialog} />
        </Dialog>
      ) : null}

      {dialog?.kind === 'price' ? (
        <Dialog title={t('checkout.price.title', { name: lineName(dialog.lineId) })} testId="price-dialog" onClose={closeDialog}>
          {scanRefusedNotice}
          <PriceContent t={t} format={format} decimals={decimals} lineId={dialog.lineId} onDone={closeDialog} />
        </Dialog>
      ) : null}

      {dialog?.kind === 'pay' ? (
        <Dialog title={t('checkout.pay.title')} testId="pay-dialog" onClose={closeDialog} wide>
          {scanRefusedNotice}
          <PayDialogContent
            t={t}
            format={format}
            decimals={decimals}
            methods={methods}
            completing={completing}
            error={completeError}
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
          {recordedHere && !pickedSale ? (
            <p className="notice notice-success" role="status" data-testid="receipt-saved">
              {t('checkout.receipt.saved')}
            </p>
          ) : null}
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

      {dialog?.kind === 'today' ? (
        <Dialog title={t('checkout.today.title')} testId="todays-sales-dialog" onClose={closeDialog}>
          <TodaysSales
            t={t}
            format={format}
            formatDate={formatDate}
            onShow={(sale) => {
              setPickedSale(sale);
              setDialog({ kind: 'receipt' });
            }}
          />
          <div className="button-row dialog-footer">
            <button type="button" className="button" data-testid="todays-sales-close" onClick={closeDialog}>
              {t('checkout.pay.close')} <Kbd keys="Escape" />
            </button>
          </div>
        </Dialog>
      ) : null}

      {dialog?.kind === 'park' ? (
        <Dialog title={t('held.park.title')} testId="park-dialog" onClose={closeDialog}>
          {scanRefusedNotice}
          <ParkDialogContent t={t} onDone={closeDialog} />
        </Dialog>
      ) : null}

      {dialog?.kind === 'held' ? (
        <Dialog title={t('held.list.title')} testId="held-dialog" onClose={closeDialog} wide>
          {scanRefusedNotice}
          <HeldListContent t={t} format={format} formatDate={formatDate} onDone={closeDialog} />
        </Dialog>
      ) : null}

      {dialog?.kind === 'return' ? (
        <Dialog title={t('returns.title')} testId="return-dialog" onClose={closeDialog} wide>
          <ReturnDialogContent
            t={t}
            format={format}
            methods={methods}
            scanned={scannedCard}
            exchangeDraftId={cartEmpty ? null : (store().sale.view?.draftId ?? null)}
            onExchanged={(recorded, sale) => {
              // The refund now pays for the new items: the cashier takes only the difference.
              store().showRecorded(recorded, sale);
              setScannedCard(null);
              closeDialog();
              useFeedbackStore.getState().show('ok', t('returns.exchanged', { number: recorded.invoiceNumber, amount: format(recorded.totals.total) }));
            }}
            onRecorded={(recorded) => {
              // The sale in progress is untouched; the return's receipt is the last one recorded.
              const view = store().sale.view;
              if (view) store().showRecorded(recorded, view);
              setRecordedHere(true);
              playTone('ok');
              setScannedCard(null);
              setDialog({ kind: 'receipt' });
            }}
          />
        </Dialog>
      ) : null}

      {dialog?.kind === 'void' ? (
        <Dialog title={t('checkout.void.title')} testId="void-dialog" onClose={closeDialog}>
          {scanRefusedNotice}
          <p>{t('checkout.void.body', { count: saleSelectors.totals(store()).itemCount })}</p>
          <div className="button-row dialog-footer">
            <button type="button" className="button" data-autofocus data-testid="void-keep" onClick={closeDialog}>
              {t('checkout.void.keep')} <Kbd keys="Escape" />
            </button>
            <button type="button" className="button button-danger" data-testid="void-confirm" onClick={voidSale}>
              {t('checkout.void.confirm')} <Kbd keys={CHECKOUT_KEYS.voidSale} />
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
