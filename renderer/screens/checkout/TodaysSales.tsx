import { useEffect, useState } from 'react';
import type { TodaysSales as TodaysSalesList } from '../../../shared/contract/receipts';
import type { ReceiptedSale } from '../../../shared/contract/sale';
import { pos } from '../../api/pos';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import type { Translate } from '../../i18n/t';
import { errorMessage } from '../../state/errorMessage';

export interface TodaysSalesProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly formatDate: (iso: string) => string;
  /** The picked sale, with the receipt main built for it. */
  readonly onShow: (sale: ReceiptedSale) => void;
}

/** Today's sales on this register, newest first: the cashier picks one to see and reprint its receipt. */
export function TodaysSales({ t, format, formatDate, onShow }: TodaysSalesProps): React.JSX.Element {
  const [list, setList] = useState<TodaysSalesList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    pos.receipts.today({ limit: 100 }).then(
      (answer) => live && setList(answer),
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
    };
  }, []);
  const show = (localId: string): void => {
    setError(null);
    pos.receipts.get({ localId }).then(onShow, (failure: unknown) => setError(errorMessage(failure)));
  };

  if (error) {
    return (
      <p className="notice notice-error" role="alert" data-testid="todays-sales-error">
        {t('checkout.today.failed', { message: error })}
      </p>
    );
  }
  if (!list) return <p role="status">{t('checkout.today.loading')}</p>;
  if (list.sales.length === 0) return <p className="muted" data-testid="todays-sales-empty">{t('checkout.today.empty')}</p>;
  return (
    <>
      {list.total > list.sales.length ? <p className="muted">{t('checkout.today.more', { shown: list.sales.length, total: list.total })}</p> : null}
      <div className="todays-sales">
        <table data-testid="todays-sales">
          <thead>
            <tr>
              <th scope="col">{t('checkout.today.time')}</th>
              <th scope="col">{t('checkout.receipt.invoice')}</th>
              <th scope="col" className="num">
                {t('checkout.today.items')}
              </th>
              <th scope="col" className="num">
                {t('checkout.today.total')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('checkout.today.show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.sales.map((sale, index) => (
              <tr key={sale.localId} data-testid={`todays-sale-${sale.invoiceNumber}`}>
                <td>{formatDate(sale.completedAt)}</td>
                <th scope="row">{sale.invoiceNumber}</th>
                <td className="num">{sale.itemCount}</td>
                <td className="num">{format(sale.total)}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    data-autofocus={index === 0 ? true : undefined}
                    aria-label={t('checkout.today.showNumber', { number: sale.invoiceNumber })}
                    onClick={() => show(sale.localId)}
                  >
                    {t('checkout.today.show')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
