import type { XReport } from '../../../shared/contract/shift';
import type { Translate } from '../../i18n/t';
import type { FormatMoney } from '../checkout/moneyFormat';

export interface ShiftTotalsTableProps {
  /** An X report's totals (expected cash may be hidden) or a Z report's. */
  readonly totals: XReport['totals'];
  readonly t: Translate;
  readonly money: FormatMoney;
  readonly testId: string;
}

/** Sales, returns, discounts, tax, payments per method and the drawer's expected cash, as main computed them. */
export function ShiftTotalsTable({ totals, t, money, testId }: ShiftTotalsTableProps): React.JSX.Element {
  const row = (label: string, value: string, id?: string): React.JSX.Element => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="num" data-testid={id ? `${testId}-${id}` : undefined}>
        {value}
      </td>
    </tr>
  );
  return (
    <table className="shift-totals" data-testid={testId}>
      <tbody>
        {row(t('shift.totals.sales', { count: totals.saleCount }), '', 'count')}
        {row(t('shift.totals.gross'), money(totals.gross))}
        {row(t('shift.totals.discounts'), `−${money(totals.discounts)}`, 'discounts')}
        {totals.rounding > 0 ? row(t('shift.totals.rounding'), `−${money(totals.rounding)}`, 'rounding') : null}
        {row(t('shift.totals.net'), money(totals.sales), 'sales')}
        {row(t('shift.totals.tax'), money(totals.tax), 'tax')}
        {row(t('shift.totals.taken'), money(totals.salesTotal), 'taken')}
        {row(t('shift.totals.returns', { count: totals.returnCount }), money(totals.returns), 'returns')}
        <tr>
          <th scope="rowgroup" colSpan={2}>
            {t('shift.totals.payments')}
          </th>
        </tr>
        {totals.payments.map((p) => row(`  ${p.method}`, money(p.net), `method-${p.method}`))}
        {row(t('shift.totals.float'), money(totals.openingFloat))}
        {row(t('shift.totals.cashSales'), money(totals.cashSales))}
        {totals.cashRefunds > 0 ? row(t('shift.totals.cashRefunds'), `−${money(totals.cashRefunds)}`) : null}
        {row(t('shift.totals.cashIn'), money(totals.cashIn), 'cash-in')}
        {row(t('shift.totals.cashOut'), `−${money(totals.cashOut)}`, 'cash-out')}
        {row(t('shift.totals.noSale'), String(totals.noSaleCount), 'no-sale')}
        {row(t('shift.totals.expected'), totals.expectedCash === null ? t('shift.totals.hidden') : money(totals.expectedCash), 'expected')}
      </tbody>
    </table>
  );
}
