import type { Receipt } from '../../../shared/receipt/receipt';
import type { Translate } from '../../i18n/t';
import { formatPercent, type FormatMoney } from './moneyFormat';
import { formatKilograms } from './weightFormat';
import { ReceiptBarcode } from './ReceiptBarcode';

export interface ReceiptViewProps {
  /** Main's receipt model, the same one the thermal printer lays out (shared/receipt/receipt.ts). */
  readonly receipt: Receipt;
  readonly format: FormatMoney;
  readonly formatDate: (iso: string) => string;
  readonly t: Translate;
  readonly testId: string;
}

/** The printable receipt. Print CSS shows only this element (see checkout.css). */
export function ReceiptView({ receipt, format, formatDate, t, testId }: ReceiptViewProps): React.JSX.Element {
  return (
    <article className="receipt" data-testid={testId} aria-label={t('checkout.receipt.title')}>
      {receipt.demo ? (
        <p className="receipt-demo" data-testid="receipt-demo">
          {t('checkout.receipt.demo')}
        </p>
      ) : null}
      {receipt.header.length > 0 ? <p className="receipt-header">{receipt.header.join('\n')}</p> : null}
      {receipt.returnOf !== null ? (
        <p className="receipt-return" data-testid="receipt-return-of">
          {t('checkout.receipt.returnOf', { number: receipt.returnOf })}
        </p>
      ) : null}
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
          {receipt.lines.map((line, index) => (
            <tr key={`${index}:${line.code}`} data-testid="receipt-line">
              <td>
                <div>{line.name}</div>
                <div className="receipt-sub">
                  {line.weightGrams === null
                    ? `${line.quantity} × ${format(line.unitPrice)}`
                    : `${formatKilograms(line.weightGrams, t)} × ${t('checkout.cart.perKg', { price: format(line.unitPrice) })}`}
                </div>
                {line.discount ? (
                  <div className="receipt-sub">
                    {t('checkout.receipt.lineDiscount')}
                    {line.discount.basisPoints === null ? '' : ` ${formatPercent(line.discount.basisPoints)}`} −{format(line.discount.amount)}
                  </div>
                ) : null}
              </td>
              <td className="num">{format(line.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt-totals">
        <div>
          <dt>{t('checkout.totals.subtotal')}</dt>
          <dd>{format(receipt.subtotal)}</dd>
        </div>
        {receipt.saleDiscount ? (
          <div>
            <dt>{t('checkout.totals.saleDiscount')}</dt>
            <dd data-testid="receipt-sale-discount">−{format(receipt.saleDiscount.amount)}</dd>
          </div>
        ) : null}
        {receipt.points ? (
          <div>
            <dt>{t('checkout.totals.points', { points: receipt.points.points })}</dt>
            <dd data-testid="receipt-points">−{format(receipt.points.amount)}</dd>
          </div>
        ) : null}
        {receipt.rounding ? (
          <div>
            <dt>{t(receipt.rounding.beforeTax ? 'checkout.totals.roundingBeforeTax' : 'checkout.totals.rounding')}</dt>
            <dd data-testid="receipt-rounding">−{format(receipt.rounding.amount)}</dd>
          </div>
        ) : null}
        {receipt.tax ? (
          <div>
            <dt>{t(receipt.tax.inclusive ? 'checkout.totals.taxIncluded' : 'checkout.totals.tax', { name: receipt.tax.name })}</dt>
            <dd>{format(receipt.tax.amount)}</dd>
          </div>
        ) : null}
        <div className="receipt-grand">
          <dt>{t(receipt.returnOf === null ? 'checkout.totals.total' : 'checkout.receipt.refund')}</dt>
          <dd data-testid="receipt-total">{format(receipt.total)}</dd>
        </div>
        {receipt.payments.map((p, index) => (
          <div key={`${index}:${p.method}`} data-testid="receipt-payment">
            <dt>{p.method}</dt>
            <dd>{format(p.amount)}</dd>
          </div>
        ))}
        {receipt.change > 0 ? (
          <div className="receipt-change">
            <dt>{t('checkout.totals.change')}</dt>
            <dd data-testid="receipt-change">{format(receipt.change)}</dd>
          </div>
        ) : null}
      </dl>
      {receipt.approvals.length > 0 ? (
        <ul className="receipt-approvals" data-testid="receipt-approvals" aria-label={t('checkout.receipt.approvals')}>
          {receipt.approvals.map((approval) => (
            <li key={`${approval.approvedBy}:${approval.detail}`} data-testid="receipt-approval">
              {t('checkout.receipt.approvedBy', { detail: approval.detail, manager: approval.approvedBy })}
            </li>
          ))}
        </ul>
      ) : null}
      {receipt.footer.length > 0 ? <p className="receipt-footer">{receipt.footer.join('\n')}</p> : null}
      <ReceiptBarcode value={receipt.invoiceNumber} label={t('checkout.receipt.barcode', { number: receipt.invoiceNumber })} />
      {receipt.demo ? <p className="receipt-demo">{t('checkout.receipt.demo')}</p> : null}
    </article>
  );
}
