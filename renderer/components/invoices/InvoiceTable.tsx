import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { InvoiceRowView } from '../../../shared/contract/invoices';
import type { MessageKey, Translate } from '../../i18n/t';

export interface InvoiceTableProps {
  readonly rows: readonly InvoiceRowView[];
  readonly t: Translate;
  readonly formatTotal: (amount: number) => string;
  /** Null: rows cannot be opened (deleted invoices, which DealPOS no longer finds by number). */
  readonly onOpen: ((row: InvoiceRowView) => void) | null;
}

/**
 * Pages up to this size are drawn whole. Longer ones (up to DealPOS's 500) draw only the rows in view
 * plus a margin, so a full page shows within a frame or two instead of building 5,000 cells at once.
 */
export const WHOLE_TABLE_ROWS = 60;
/**
 * A row's height (one line of text beside a 44 px target button, with padding). Rows are not
 * measured one by one: reading each row's size while committing would force a layout per row.
 */
const ESTIMATED_ROW_PX = 53;
const OVERSCAN_ROWS = 8;

const paymentKey = (state: string | null): MessageKey | null =>
  state === 'Paid' || state === 'Partial' || state === 'Unpaid' ? `invoices.payment.${state}` : null;
const fulfillmentKey = (state: string | null): MessageKey | null => (state === 'Sent' || state === 'Unsent' ? `invoices.fulfillment.${state}` : null);

function Head({ t }: { readonly t: Translate }): React.JSX.Element {
  return (
    <thead className="invoice-table-head">
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
  );
}

interface RowProps extends Omit<InvoiceTableProps, 'rows'> {
  readonly row: InvoiceRowView;
  /** 1-based position in the whole page (the header is row 1), for screen readers when rows are windowed. */
  readonly rowIndex?: number;
}

function Row({ row, t, formatTotal, onOpen, rowIndex }: RowProps): React.JSX.Element {
  const payment = paymentKey(row.paymentState);
  const fulfillment = fulfillmentKey(row.fulfillment);
  return (
    <tr data-testid={`invoice-row-${row.number}`} aria-rowindex={rowIndex}>
      <th scope="row">{row.number}</th>
      <td>{row.outlet}</td>
      <td>{row.date}</td>
      <td>{row.customer ?? ''}</td>
      <td>{row.tag ?? ''}</td>
      <td className="num">{row.amount === null ? '' : formatTotal(row.amount)}</td>
      <td>{payment ? t(payment) : (row.paymentState ?? '')}</td>
      <td>{fulfillment ? t(fulfillment) : (row.fulfillment ?? '')}</td>
      <td>
        {onOpen ? (
          <button type="button" className="button" data-testid={`invoice-open-${row.number}`} onClick={() => onOpen(row)}>
            {t('invoices.col.open')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

/** One page of invoices across outlets; a row opens with its button (Enter or click). */
export function InvoiceTable(props: InvoiceTableProps): React.JSX.Element {
  if (props.rows.length > WHOLE_TABLE_ROWS) return <WindowedInvoiceTable {...props} />;
  return (
    <table className="invoice-table" data-testid="invoice-table">
      <Head t={props.t} />
      <tbody>
        {props.rows.map((row) => (
          <Row key={row.id} {...props} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function WindowedInvoiceTable({ rows, t, formatTotal, onOpen }: InvoiceTableProps): React.JSX.Element {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: OVERSCAN_ROWS,
    // The first frame already shows rows; the real size replaces this once the box is measured.
    initialRect: { width: 1200, height: 640 },
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    // Focusable so the keyboard can scroll the rows that are not drawn yet.
    <div ref={scrollRef} className="invoice-table-scroll" tabIndex={0} role="region" aria-label={t('invoices.title')} data-testid="invoice-table-scroll">
      <table className="invoice-table" data-testid="invoice-table" aria-rowcount={rows.length + 1}>
        <Head t={t} />
        <tbody>
          {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
          {items.map((item) => {
            const row = rows[item.index];
            return row ? (
              <Row
                key={item.key}
                row={row}
                t={t}
                formatTotal={formatTotal}
                onOpen={onOpen}
                rowIndex={item.index + 2}
              />
            ) : null;
          })}
          {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
