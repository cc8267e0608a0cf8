import type { InvoiceRowView } from '../../../shared/contract/invoices';
import type { MessageKey, Translate } from '../../i18n/t';

export interface InvoiceTableProps {
  readonly rows: readonly InvoiceRowView[];
  readonly t: Translate;
  readonly formatTotal: (amount: number) => string;
  readonly onOpen: (row: InvoiceRowView) => void;
}

const paymentKey = (state: string | null): MessageKey | null =>
  state === 'Paid' || state === 'Partial' || state === 'Unpaid' ? `invoices.payment.${state}` : null;
const fulfillmentKey = (state: string | null): MessageKey | null => (state === 'Sent' || state === 'Unsent' ? `invoices.fulfillment.${state}` : null);

/** One page of invoices across outlets; a row opens with its button (Enter or click). */
export function InvoiceTable({ rows, t, formatTotal, onOpen }: InvoiceTableProps): React.JSX.Element {
  return (
    <table className="invoice-table" data-testid="invoice-table">
      <thead>
        <tr>
          <th scope="col">{t('invoices.col.number')}</th>
          <th scope="col">{t('invoices.col.outlet')}</th>
          <th scope="col">{t('invoices.col.date')}</th>
          <th scope="col">{t('invoices.col.customer')}</th>
          <th scope="col">{t('invoices.col.tag')}</th>
          <th scope="col" className="num">
            {t('invoices.col.total')}
          </th>
          <th scope="col">{t('invoices.col.payment')}</th>
          <th scope="col">{t('invoices.col.fulfillment')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('invoices.col.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const payment = paymentKey(row.paymentState);
          const fulfillment = fulfillmentKey(row.fulfillment);
          return (
            <tr key={row.id} data-testid={`invoice-row-${row.number}`}>
              <th scope="row">{row.number}</th>
              <td>{row.outlet}</td>
              <td>{row.date}</td>
              <td>{row.customer ?? ''}</td>
              <td>{row.tag ?? ''}</td>
              <td className="num">{row.amount === null ? '' : formatTotal(row.amount)}</td>
              <td>{payment ? t(payment) : (row.paymentState ?? '')}</td>
              <td>{fulfillment ? t(fulfillment) : (row.fulfillment ?? '')}</td>
              <td>
                <button type="button" className="button" data-testid={`invoice-open-${row.number}`} onClick={() => onOpen(row)}>
                  {t('invoices.col.open')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
