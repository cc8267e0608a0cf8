/**
 * The checkout dialogs' contents, each reading the store itself so the screen around them does not
 * re-render for every change inside a dialog.
 */
import { quickCashAmounts } from '../../../shared/sale/quickCash';
import type { PaymentMethodRule } from '../../../shared/sale/saleRules';
import { CustomerPanel } from '../../components/checkout/CustomerPanel';
import { DiscountPanel } from '../../components/checkout/DiscountPanel';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { PaymentPanel } from '../../components/checkout/PaymentPanel';
import { QuantityPanel } from '../../components/checkout/QuantityPanel';
import { formatDateTime, type Translate } from '../../i18n/t';
import { useLocale } from '../../i18n/useT';
import { customerSelectors } from '../../state/customerSlice';
import { selectTotals } from '../../state/saleSelectors';
import { useStore } from '../../state/store';
import { lookupCustomer, verifyPin } from './checkoutApi';

const store = useStore.getState;

export interface CustomerDialogContentProps {
  readonly t: Translate;
  readonly scannedCard: { readonly code: string; readonly sequence: number } | null;
  readonly onDone: () => void;
}

export function CustomerDialogContent({ t, scannedCard, onDone }: CustomerDialogContentProps): React.JSX.Element {
  const customer = useStore((s) => s.customer);
  const maxPoints = useStore(customerSelectors.maxPoints);
  const locale = useLocale();
  return (
    <CustomerPanel
      attached={customer.current}
      attachedSeenAt={customer.seenAt}
      pinVerified={customer.pinVerified}
      pointsRedeemed={customer.pointsRedeemed}
      maxPoints={maxPoints}
      t={t}
      formatTime={(iso) => formatDateTime(locale, iso)}
      scannedCard={scannedCard}
      onLookup={lookupCustomer}
      onAttach={(c, seenAt) => {
        store().attachCustomer(c, seenAt);
        // With no points to redeem (none, or not while DealPOS is unreachable) there is nothing left
        // to do here: back to scanning.
        if (seenAt !== null || c.loyaltyPoints === 0 || store().cart.rules.pointValue === 0) onDone();
      }}
      onDetach={() => {
        store().detachCustomer();
        onDone();
      }}
      onVerifyPin={async (c, pin) => {
        const outcome = await verifyPin(c.id, pin);
        if (outcome.kind === 'ok') store().markPinVerified(c.code);
        return outcome;
      }}
      onRedeem={(points) => {
        const result = store().redeemPoints(points);
        if (result.ok) onDone();
        return result;
      }}
    />
  );
}

export interface PayDialogContentProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly decimals: number;
  readonly methods: readonly PaymentMethodRule[];
  readonly completing: boolean;
  readonly error: string | null;
  readonly onComplete: () => void;
}

export function PayDialogContent({ t, format, decimals, methods, completing, error, onComplete }: PayDialogContentProps): React.JSX.Element {
  const payments = useStore((s) => s.payment.payments);
  const totals = useStore(selectTotals);
  return (
    <PaymentPanel
      methods={methods}
      payments={payments}
      totals={totals}
      quickAmounts={quickCashAmounts(totals.due, decimals)}
      decimals={decimals}
      format={format}
      t={t}
      completing={completing}
      error={error}
      onAdd={(payment) => store().addPayment(payment)}
      onRemove={(index) => store().removePayment(index)}
      onComplete={onComplete}
    />
  );
}

export interface DiscountContentProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly decimals: number;
  /** The line to discount, or null for the whole sale. */
  readonly lineIndex: number | null;
  readonly onDone: () => void;
}

export function DiscountContent({ t, format, decimals, lineIndex, onDone }: DiscountContentProps): React.JSX.Element {
  const current = useStore((s) => (lineIndex === null ? s.cart.saleDiscount : (s.cart.lines[lineIndex]?.discount ?? null)));
  return (
    <DiscountPanel
      current={current}
      decimals={decimals}
      format={format}
      t={t}
      onApply={(discount) => {
        const result = lineIndex === null ? store().setSaleDiscount(discount) : store().setLineDiscount(lineIndex, discount);
        if (result.ok) onDone();
        return result;
      }}
    />
  );
}

export function QuantityContent({ t, lineIndex, onDone }: { readonly t: Translate; readonly lineIndex: number; readonly onDone: () => void }): React.JSX.Element {
  const quantity = useStore((s) => s.cart.lines[lineIndex]?.quantity ?? 1);
  return (
    <QuantityPanel
      quantity={quantity}
      t={t}
      onApply={(value) => {
        const ok = store().setQuantity(lineIndex, value).ok;
        if (ok) onDone();
        return ok;
      }}
    />
  );
}
