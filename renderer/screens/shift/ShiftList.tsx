import type { ShiftListing } from '../../../shared/contract/shift';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import type { Translate } from '../../i18n/t';

export interface ShiftListProps {
  readonly listing: ShiftListing;
  readonly t: Translate;
  readonly money: FormatMoney;
  readonly formatTime: (iso: string) => string;
  readonly onView: (zNumber: number) => void;
  readonly onRefresh: () => void;
}

/** DealPOS answers local times without a zone ("2026-12-06T17:42:26.69"): shown as its date and minutes. */
const dealPosTime = (value: string | null): string => (value ? value.replace('T', ' ').slice(0, 16) : '');

const signed = (money: FormatMoney, amount: number): string => (amount > 0 ? `+${money(amount)}` : amount < 0 ? `−${money(-amount)}` : money(0));

/** The manager's view: this register's shifts with their variances, and DealPOS's own list when it answered. */
export function ShiftList({ listing, t, money, formatTime, onView, onRefresh }: ShiftListProps): React.JSX.Element {
  return (
    <section className="card" aria-labelledby="shift-list-title" data-testid="shift-list">
      <div className="card-header">
        <h2 id="shift-list-title">{t('shift.list.title')}</h2>
        <button type="button" className="button" onClick={onRefresh} data-testid="shift-list-refresh">
          {t('shift.list.refresh')}
        </button>
      </div>
      {listing.local.length === 0 ? (
        <p className="muted">{t('shift.list.empty')}</p>
      ) : (
        <table data-testid="shift-list-local">
          <thead>
            <tr>
              <th scope="col">{t('shift.list.col.z')}</th>
              <th scope="col">{t('shift.list.col.cashier')}</th>
              <th scope="col">{t('shift.list.col.opened')}</th>
              <th scope="col">{t('shift.list.col.closed')}</th>
              <th scope="col" className="num">
                {t('shift.list.col.expected')}
              </th>
              <th scope="col" className="num">
                {t('shift.list.col.counted')}
              </th>
              <th scope="col" className="num">
                {t('shift.list.col.variance')}
              </th>
              <th scope="col">{t('shift.list.col.dealpos')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {listing.local.map((row) => (
              <tr key={row.shiftId} data-testid="shift-list-row">
                <th scope="row">{row.zNumber ?? '–'}</th>
                <td>{row.cashier}</td>
                <td>{formatTime(row.openedAt)}</td>
                <td>{row.closedAt ? formatTime(row.closedAt) : t('shift.list.open')}</td>
                <td className="num">{row.expectedCash === null ? '' : money(row.expectedCash)}</td>
                <td className="num">{row.counted === null ? '' : money(row.counted)}</td>
                <td className={`num${row.variance !== null && row.variance < 0 ? ' shift-short' : ''}`} data-testid="shift-list-variance">
                  {row.variance === null ? '' : signed(money, row.variance)}
                </td>
                <td title={row.sync.lastError ?? undefined}>{t(`shift.sync.${row.closedAt ? row.sync.close : row.sync.open}`)}</td>
                <td>
                  {row.zNumber !== null ? (
                    <button type="button" className="link-button" onClick={() => onView(row.zNumber ?? 0)} data-testid={`shift-view-z-${row.zNumber}`}>
                      {t('shift.list.view')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('shift.list.remote')}</h3>
      {listing.remote === null ? (
        <p className="muted" data-testid="shift-list-remote-unavailable">
          {t('shift.list.remote.unavailable', { message: listing.remoteError ?? '' })}
        </p>
      ) : (
        <table data-testid="shift-list-remote">
          <thead>
            <tr>
              <th scope="col">{t('shift.list.remote.col.number')}</th>
              <th scope="col">{t('shift.list.remote.col.register')}</th>
              <th scope="col">{t('shift.list.col.opened')}</th>
              <th scope="col">{t('shift.list.col.closed')}</th>
              <th scope="col" className="num">
                {t('shift.list.remote.col.sales')}
              </th>
            </tr>
          </thead>
          <tbody>
            {listing.remote.map((row) => (
              <tr key={row.number}>
                <th scope="row">{row.number}</th>
                <td>{row.register ?? ''}</td>
                <td>{dealPosTime(row.open)}</td>
                <td>{row.close ? dealPosTime(row.close) : t('shift.list.open')}</td>
                <td className="num">{row.salesNTax === null ? '' : money(row.salesNTax)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
