import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { TotalsPanel } from '../../components/checkout/TotalsPanel';
import { Kbd } from '../../components/shell/Kbd';
import type { Translate } from '../../i18n/t';
import { NO_TAX } from '../../../shared/sale/sale';
import { saleSelectors } from '../../state/saleSlice';
import { useStore } from '../../state/store';
import { CHECKOUT_KEYS } from './checkoutKeys';

export interface SidePanelProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly canReprint: boolean;
  readonly onCustomer: () => void;
  readonly onPay: () => void;
  readonly onReprint: () => void;
  /** Held sales on this register (null until known). */
  readonly heldCount: number | null;
  readonly onPark: () => void;
  readonly onHeld: () => void;
  readonly onReturn: () => void;
  readonly onTodaysSales: () => void;
}

/** Customer, running totals and the pay button. */
export function SidePanel({ t, format, canReprint, onCustomer, onPay, onReprint, heldCount, onPark, onHeld, onReturn, onTodaysSales }: SidePanelProps): React.JSX.Element {
  const customer = useStore(saleSelectors.customer);
  const pointsRedeemed = useStore((s) => s.sale.view?.pointsRedeemed ?? 0);
  const tax = useStore((s) => s.sale.view?.tax ?? NO_TAX);
  const totals = useStore(saleSelectors.totals);
  return (
    <aside className="checkout-side">
      <section className="side-card customer-summary" aria-labelledby="customer-summary-title" data-testid="customer-summary">
        <h2 id="customer-summary-title">{t('checkout.customer.title')}</h2>
        {customer ? (
          <p>
            <strong data-testid="customer-summary-name">{customer.name}</strong>
            <span className="customer-summary-facts">
              {customer.group ?? t('checkout.customer.noGroup')} · {t('checkout.customer.points')}: {customer.loyaltyPoints}
            </span>
          </p>
        ) : (
          <p className="muted">{t('checkout.customer.none')}</p>
        )}
        <button type="button" className="button" data-testid="open-customer" onClick={onCustomer}>
          {t('checkout.customer.find')} <Kbd keys={CHECKOUT_KEYS.customer} />
        </button>
      </section>

      <TotalsPanel totals={totals} tax={tax} pointsRedeemed={pointsRedeemed} format={format} t={t} />

      <button type="button" className="button button-primary button-pay" data-testid="open-pay" disabled={totals.itemCount === 0} onClick={onPay}>
        {t('checkout.pay.open')} <Kbd keys={CHECKOUT_KEYS.pay} />
      </button>
      <div className="button-row">
        <button type="button" className="button" data-testid="open-park" disabled={totals.itemCount === 0} onClick={onPark}>
          {t('held.park.open')}
        </button>
        <button type="button" className="button" data-testid="open-held" onClick={onHeld}>
          {t('held.list.open', { count: heldCount ?? 0 })}
        </button>
        <button type="button" className="button" data-testid="open-return" onClick={onReturn}>
          {t('returns.open')}
        </button>
      </div>
      {canReprint ? (
        <button type="button" className="button" data-testid="print-last" onClick={onReprint}>
          {t('checkout.receipt.printLast')} <Kbd keys={CHECKOUT_KEYS.print} />
        </button>
      ) : null}
      <button type="button" className="button" data-testid="open-todays-sales" onClick={onTodaysSales}>
        {t('checkout.today.open')}
      </button>
    </aside>
  );
}
