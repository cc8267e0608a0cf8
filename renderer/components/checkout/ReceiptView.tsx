import type { SaleApproval } from '../../../shared/contract/sale';
import type { Payment, SaleCustomer, SaleLine, TaxRule } from '../../../shared/sale/sale';
import type { SaleTotals } from '../../../shared/sale/totals';
import type { Translate } from '../../i18n/t';
import { formatPercent, type FormatMoney } from './moneyFormat';
import { formatKilograms } from './weightFormat';

export interface ReceiptData {
  readonly invoiceNumber: string;
  /** ISO 8601 with offset. */
  readonly completedAt: string;
  readonly outlet: string | null;
  readonly register: string | null;
  readonly header: string;
  readonly footer: string;
  /** Demo store: the receipt says so in large type. */
  readonly demo: boolean;
  readonly lines: readonly SaleLine[];
  /** Main's recomputed totals; the receipt never shows renderer-only figures. */
  readonly totals: SaleTotals;
  readonly tax: TaxRule;
  readonly payments: readonly Payment[];
  readonly customer: SaleCustomer | null;
  readonly pointsRedeemed: number;
  /** Price overrides and discounts beyond the limits, and the manager who approved each. */
  readonly approvals: readonly SaleApproval[];
}

export interface ReceiptViewProps {
  readonly receipt: ReceiptData;
  readonly format: FormatMoney;
  readonly formatDate: (iso: string) => string;
  readonly t: Translate;
  readonly testId: string;
}

/** The printable receipt. Print CSS shows only this element (see checkout.css). */
export function ReceiptView({ receipt, format, formatDate, t, testId }: ReceiptViewProps): React.JSX.Element {
  const { totals } = receipt;
  return (
    <article className="receipt" data-testid={testId} aria-label={t('checkout.receipt.title')}>
      {receipt.demo ? (
        <p className="receipt-demo" data-testid="receipt-demo">
          {t('checkout.receipt.demo')}
        </p>
      ) : null}
      {receipt.header ? <p className="receipt-header">{receipt.header}</p> : null}
      <dl className="receipt-meta">
        {receipt.outlet ? (
          <div>
            <dt>{t('checkout.receipt.outlet')}</dt>
            <dd data-testid="receipt-outlet">{receipt.outlet}</dd>
          </div>
        ) : null}
        {receipt.register ? (
          <div>
            <dt>{t('checkout.receipt.register')}</dt>
            <dd data-testid="receipt-register">{receipt.register}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('checkout.receipt.invoice')}</dt>
          <dd data-testid="receipt-number">{receipt.invoiceNumber}</dd>
        </div>
        <div>
          <dt>{t('checkout.receipt.date')}</dt>
          <dd>{formatDate(receipt.completedAt)}</dd>
        </div>
        {receipt.customer ? (
          <div>
            <dt>{t('checkout.receipt.customer')}</dt>
            <dd data-testid="receipt-customer">
              {receipt.customer.name} ({receipt.customer.code})
            </dd>
          </div>
        ) : null}
      </dl>
      <table className="receipt-lines">
        <thead>
          <tr>
            <th scope="col">{t('checkout.cart.item')}</th>
            <th scope="col" className="num">
              {t('checkout.cart.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, index) => {
            const lt = totals.lines[index];
            return (
              // Two weighed packs of one item are two lines with the same code.
              <tr key={`${index}:${line.variantCode}`} data-testid="receipt-line">
                <td>
                  <div>{line.name}</div>
                  <div className="receipt-sub">
                    {line.weightGrams === undefined
                      ? `${line.quantity} × ${format(line.unitPrice)}`
                      : `${formatKilograms(line.weightGrams, t)} × ${t('checkout.cart.perKg', { price: format(line.unitPrice) })}`}
                  </div>
                  {line.discount && lt && lt.discount > 0 ? (
                    <div className="receipt-sub">
                      {t('checkout.receipt.lineDiscount')}
                      {line.discount.kind === 'percent' ? ` ${formatPercent(line.discount.basisPoints)}` : ''} −{format(lt.discount)}
                    </div>
                  ) : null}
                </td>
                <td className="num">{lt ? format(lt.net) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="receipt-totals">
        <div>
          <dt>{t('checkout.totals.subtotal')}</dt>
          <dd>{format(totals.subtotal)}</dd>
        </div>
        {totals.saleDiscount > 0 ? (
          <div>
            <dt>{t('checkout.totals.saleDiscount')}</dt>
            <dd data-testid="receipt-sale-discount">−{format(totals.saleDiscount)}</dd>
          </div>
        ) : null}
        {totals.pointsDiscount > 0 ? (
          <div>
            <dt>{t('checkout.totals.points', { points: receipt.pointsRedeemed })}</dt>
            <dd data-testid="receipt-points">−{format(totals.pointsDiscount)}</dd>
          </div>
        ) : null}
        {receipt.tax.rateBasisPoints > 0 ? (
          <div>
            <dt>{t(receipt.tax.inclusive ? 'checkout.totals.taxIncluded' : 'checkout.totals.tax', { name: receipt.tax.name })}</dt>
            <dd>{format(totals.tax)}</dd>
          </div>
        ) : null}
        <div className="receipt-grand">
          <dt>{t('checkout.totals.total')}</dt>
          <dd data-testid="receipt-total">{format(totals.total)}</dd>
        </div>
        {receipt.payments.map((p) => (
          <div key={p.method} data-testid="receipt-payment">
            <dt>{p.method}</dt>
            <dd>{format(p.amount)}</dd>
          </div>
        ))}
        {totals.change > 0 ? (
          <div className="receipt-change">
            <dt>{t('checkout.totals.change')}</dt>
            <dd data-testid="receipt-change">{format(totals.change)}</dd>
          </div>
        ) : null}
      </dl>
      {receipt.approvals.length > 0 ? (
        <ul className="receipt-approvals" data-testid="receipt-approvals" aria-label={t('checkout.receipt.approvals')}>
          {receipt.approvals.map((approval) => (
            <li key={`${approval.action}:${approval.detail}`} data-testid="receipt-approval">
              {t('checkout.receipt.approvedBy', { detail: approval.detail, manager: approval.approvedBy })}
            </li>
          ))}
        </ul>
      ) : null}
      {receipt.footer ? <p className="receipt-footer">{receipt.footer}</p> : null}
      {receipt.demo ? <p className="receipt-demo">{t('checkout.receipt.demo')}</p> : null}
    </article>
  );
}
