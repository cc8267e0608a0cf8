/**
 * The checkout dialogs' contents, each reading the store itself so the screen around them does not
 * re-render for every change inside a dialog. Every change is asked of main (./saleActions.ts).
 */
import { useState } from 'react';
import { roundsBeforeTax } from '../../../shared/sale/cashRounding';
import { quickCashAmounts } from '../../../shared/sale/quickCash';
import { NO_TAX, type Discount } from '../../../shared/sale/sale';
import type { PaymentMethodRule } from '../../../shared/sale/saleRules';
import { CustomerPanel } from '../../components/checkout/CustomerPanel';
import { DiscountPanel } from '../../components/checkout/DiscountPanel';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { PaymentPanel } from '../../components/checkout/PaymentPanel';
import { PricePanel } from '../../components/checkout/PricePanel';
import { QuantityPanel } from '../../components/checkout/QuantityPanel';
import { ManagerApproval } from '../../components/approval/ManagerApproval';
import { formatDateTime, type Translate } from '../../i18n/t';
import { useLocale } from '../../i18n/useT';
import { saleSelectors } from '../../state/saleSlice';
import { useStore } from '../../state/store';
import { lookupCustomer, verifyPin } from './checkoutApi';
import { useFeedbackStore } from './scanFeedbackStore';
import { acceptPinProof, addPayment, overridePrice, redeemPoints, removePayment, setCustomer, setLineDiscount, setQuantity, setSaleDiscount, type SaleActionResult } from './saleActions';

/** Null once main applied the change, else main's reason. */
function refusal(result: SaleActionResult<unknown>): string | null {
  return result.ok ? null : result.message;
}

export interface CustomerDialogContentProps {
  readonly t: Translate;
  readonly scannedCard: { readonly code: string; readonly sequence: number } | null;
  readonly onDone: () => void;
}

export function CustomerDialogContent({ t, scannedCard, onDone }: CustomerDialogContentProps): React.JSX.Element {
  const view = useStore(saleSelectors.view);
  const locale = useLocale();
  return (
    <CustomerPanel
      attached={view?.customer ?? null}
      attachedSeenAt={view?.customerSeenAt ?? null}
      pinVerified={view?.pinVerified ?? false}
      pointsRedeemed={view?.pointsRedeemed ?? 0}
      maxPoints={view?.maxPoints ?? 0}
      t={t}
      formatTime={(iso) => formatDateTime(locale, iso)}
      scannedCard={scannedCard}
      onLookup={lookupCustomer}
      onAttach={async (customer, seenAt) => {
        if (customer.id === null) return t('checkout.customer.noId');
        const result = await setCustomer(customer.id);
        // With no points to redeem (none, or not while DealPOS is unreachable) there is nothing left
        // to do here: back to scanning.
        if (result.ok && (seenAt !== null || customer.loyaltyPoints === 0 || result.value.pointValue === 0)) onDone();
        return refusal(result);
      }}
      onDetach={() => {
        void setCustomer(null).then((result) => {
          if (result.ok) onDone();
          else useFeedbackStore.getState().show('error', result.message);
        });
      }}
      onVerifyPin={async (customer, pin) => {
        const outcome = await verifyPin(customer.id, pin);
        if (outcome.kind !== 'ok') return outcome;
        const accepted = await acceptPinProof(outcome.proof);
        return accepted.ok ? outcome : { kind: 'error', message: accepted.message };
      }}
      onRedeem={async (points) => {
        const result = await redeemPoints(points);
        if (result.ok) onDone();
        return refusal(result);
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
  const payments = useStore(saleSelectors.payments);
  const totals = useStore(saleSelectors.totals);
  const tax = useStore((s) => saleSelectors.view(s)?.tax ?? NO_TAX);
  return (
    <PaymentPanel
      methods={methods}
      payments={payments}
      totals={totals}
      roundingBeforeTax={roundsBeforeTax(tax)}
      quickAmounts={quickCashAmounts(totals.due, decimals)}
      decimals={decimals}
      format={format}
      t={t}
      completing={completing}
      error={error}
      onAdd={async (payment) => refusal(await addPayment(payment.method, payment.amount))}
      onRemove={(index) => void removePayment(index)}
      onComplete={onComplete}
    />
  );
}

export interface DiscountContentProps {
  readonly t: Translate;
  readonly decimals: number;
  readonly format: FormatMoney;
  /** The line to discount, or null for the whole sale. */
  readonly lineId: string | null;
  readonly onDone: () => void;
}

/**
 * A discount; beyond the store's limit main asks for a manager, so the dialog turns into the
 * manager-PIN prompt for exactly that discount and applies it with the approval.
 */
export function DiscountContent({ t, decimals, format, lineId, onDone }: DiscountContentProps): React.JSX.Element {
  const current = useStore((s) => (lineId === null ? saleSelectors.saleDiscount(s) : (saleSelectors.lines(s).find((l) => l.lineId === lineId)?.discount ?? null)));
  const draftId = useStore((s) => s.sale.view?.draftId ?? '');
  const [needsApproval, setNeedsApproval] = useState<{ readonly discount: Discount; readonly reason: string } | null>(null);
  // Main can still refuse after the approval (the sale changed meanwhile): said above the discount form.
  const [afterApproval, setAfterApproval] = useState<string | null>(null);

  const apply = (discount: Discount | null, approvalId?: string): Promise<SaleActionResult> =>
    lineId === null ? setSaleDiscount(discount, approvalId) : setLineDiscount(lineId, discount, approvalId);

  if (needsApproval) {
    const { discount } = needsApproval;
    return (
      <ManagerApproval
        t={t}
        request={lineId === null ? { action: 'sale_discount', draftId, discount } : { action: 'line_discount', draftId, lineId, discount }}
        description={needsApproval.reason}
        onApproved={(approval) => {
          void apply(discount, approval.approvalId).then((result) => {
            if (result.ok) return onDone();
            setAfterApproval(result.message);
            setNeedsApproval(null);
          });
        }}
        onCancel={() => setNeedsApproval(null)}
      />
    );
  }
  return (
    <>
      {afterApproval ? (
        <p className="notice notice-error" role="alert" data-testid="discount-after-approval">
          {afterApproval}
        </p>
      ) : null}
      <DiscountPanel
      current={current}
      decimals={decimals}
      t={t}
      onApply={async (discount) => {
        const result = await apply(discount);
        if (result.ok) {
          onDone();
          return null;
        }
        if (result.needsApproval && discount) {
          setNeedsApproval({ discount, reason: `${result.message} (${describe(discount, format)})` });
          return null;
        }
        return result.message;
      }}
      />
    </>
  );
}

function describe(discount: Discount, format: FormatMoney): string {
  return discount.kind === 'percent' ? `${discount.basisPoints / 100}%` : format(discount.amount);
}

export function QuantityContent({ lineId, t, onDone }: { readonly t: Translate; readonly lineId: string; readonly onDone: () => void }): React.JSX.Element {
  const quantity = useStore((s) => saleSelectors.lines(s).find((l) => l.lineId === lineId)?.quantity ?? 1);
  return (
    <QuantityPanel
      quantity={quantity}
      t={t}
      onApply={async (value) => {
        const result = await setQuantity(lineId, value);
        if (result.ok) onDone();
        return refusal(result);
      }}
    />
  );
}

export interface PriceContentProps {
  readonly t: Translate;
  readonly decimals: number;
  readonly format: FormatMoney;
  readonly lineId: string;
  readonly onDone: () => void;
}

/** A new price for a line: typed here, approved by a manager's PIN for exactly that price, applied by main. */
export function PriceContent({ t, decimals, format, lineId, onDone }: PriceContentProps): React.JSX.Element {
  const line = useStore((s) => saleSelectors.lines(s).find((l) => l.lineId === lineId) ?? null);
  const draftId = useStore((s) => s.sale.view?.draftId ?? '');
  const [price, setPrice] = useState<number | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  if (!line) return <p className="notice notice-error">{t('checkout.price.noLine')}</p>;
  if (price !== null) {
    return (
      <ManagerApproval
        t={t}
        request={{ action: 'price_override', draftId, lineId, unitPrice: price }}
        description={t('checkout.price.approval', { name: line.name, price: format(price), was: format(line.listPrice) })}
        onApproved={(approval) => {
          void overridePrice(lineId, price, approval.approvalId).then((result) => {
            if (result.ok) return onDone();
            setRefused(result.message);
            setPrice(null);
          });
        }}
        onCancel={() => setPrice(null)}
      />
    );
  }
  return (
    <>
      {refused ? (
        <p className="notice notice-error" role="alert" data-testid="price-refused">
          {refused}
        </p>
      ) : null}
      <PricePanel unitPrice={line.unitPrice} listPrice={line.listPrice} decimals={decimals} format={format} t={t} onPrice={setPrice} />
    </>
  );
}
