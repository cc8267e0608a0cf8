import { roundsBeforeTax } from '../../../shared/sale/cashRounding';
import type { TaxRule } from '../../../shared/sale/sale';
import type { SaleTotals } from '../../../shared/sale/totals';
import type { Translate } from '../../i18n/t';
import type { FormatMoney } from './moneyFormat';

export interface TotalsPanelProps {
  readonly totals: SaleTotals;
  readonly tax: TaxRule;
  readonly pointsRedeemed: number;
  readonly format: FormatMoney;
  readonly t: Translate;
}

/** Running totals: every figure comes from `computeTotals`, nothing is added up here. */
export function TotalsPanel({ totals, tax, pointsRedeemed, format, t }: TotalsPanelProps): React.JSX.Element {
  const showTax = tax.rateBasisPoints > 0;
  return (
    <section className="totals-panel" aria-label={t('checkout.totals.title')} data-testid="totals-panel">
      <dl className="totals-list">
        <div className="totals-row">
          <dt>{t('checkout.totals.subtotal')}</dt>
          <dd data-testid="totals-subtotal">{format(totals.subtotal)}</dd>
        </div>
        {totals.saleDiscount > 0 ? (
          <div className="totals-row">
            <dt>{t('checkout.totals.saleDiscount')}</dt>
            <dd data-testid="totals-sale-discount">−{format(totals.saleDiscount)}</dd>
          </div>
        ) : null}
        {totals.pointsDiscount > 0 ? (
          <div className="totals-row">
            <dt>{t('checkout.totals.points', { points: pointsRedeemed })}</dt>
            <dd data-testid="totals-points">−{format(totals.pointsDiscount)}</dd>
          </div>
        ) : null}
        {totals.roundingDiscount > 0 ? (
          // Taken off before tax like a discount (shared/sale/cashRounding.ts), so the rows add up to the total.
          <div className="totals-row">
            <dt>{t(roundsBeforeTax(tax) ? 'checkout.totals.roundingBeforeTax' : 'checkout.totals.rounding')}</dt>
            <dd data-testid="totals-rounding">−{format(totals.roundingDiscount)}</dd>
          </div>
        ) : null}
        {showTax ? (
          <div className="totals-row">
            <dt>{t(tax.inclusive ? 'checkout.totals.taxIncluded' : 'checkout.totals.tax', { name: tax.name })}</dt>
            <dd data-testid="totals-tax">{format(totals.tax)}</dd>
          </div>
        ) : null}
        <div className="totals-row totals-grand">
          <dt>{t('checkout.totals.total')}</dt>
          <dd data-testid="totals-total">{format(totals.total)}</dd>
        </div>
        {totals.paid > 0 ? (
          <>
            <div className="totals-row">
              <dt>{t('checkout.totals.paid')}</dt>
              <dd data-testid="totals-paid">{format(totals.paid)}</dd>
            </div>
            <div className="totals-row totals-due">
              <dt>{t('checkout.totals.due')}</dt>
              <dd data-testid="totals-due">{format(totals.due)}</dd>
            </div>
          </>
        ) : null}
        {totals.change > 0 ? (
          <div className="totals-row totals-change">
            <dt>{t('checkout.totals.change')}</dt>
            <dd data-testid="totals-change">{format(totals.change)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="totals-count" data-testid="totals-item-count">
        {totals.itemCount === 1 ? t('checkout.cart.itemsOne') : t('checkout.cart.items', { count: totals.itemCount })}
      </p>
    </section>
  );
}
