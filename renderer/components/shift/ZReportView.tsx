import type { ZReport } from '../../../shared/contract/shift';
import type { Translate } from '../../i18n/t';
import type { FormatMoney } from '../checkout/moneyFormat';
import { ShiftTotalsTable } from './ShiftTotalsTable';

export interface ZReportViewProps {
  readonly report: ZReport;
  readonly t: Translate;
  readonly money: FormatMoney;
  readonly formatTime: (iso: string) => string;
}

/** A numbered Z report as stored at the close, and how far its close got to DealPOS. */
export function ZReportView({ report, t, money, formatTime }: ZReportViewProps): React.JSX.Element {
  const { count, sync } = report;
  const variance = count.variance > 0 ? `+${money(count.variance)}` : count.variance < 0 ? `−${money(-count.variance)}` : money(0);
  return (
    <article className="card z-report" data-testid="z-report" aria-labelledby="z-report-title">
      <h2 id="z-report-title">{t('shift.z.title', { number: report.number })}</h2>
      <dl className="facts">
        <dt>{t('shift.z.cashier')}</dt>
        <dd data-testid="z-cashier">{report.cashier}</dd>
        {report.closedBy !== report.cashier ? (
          <>
            <dt>{t('shift.z.closedBy')}</dt>
            <dd>{report.closedBy}</dd>
          </>
        ) : null}
        <dt>{t('shift.z.opened')}</dt>
        <dd>{formatTime(report.openedAt)}</dd>
        <dt>{t('shift.z.closed')}</dt>
        <dd>{formatTime(report.closedAt)}</dd>
      </dl>
      <ShiftTotalsTable totals={report.totals} t={t} money={money} testId="z-totals" />
      <table className="shift-totals" data-testid="z-count">
        <tbody>
          {count.lines.map((line) => (
            <tr key={line.value}>
              <th scope="row">{`${money(line.value)} × ${line.count}`}</th>
              <td className="num">{money(line.amount)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('shift.totals.expected')}</th>
            <td className="num" data-testid="z-expected">
              {money(count.expected)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('shift.z.counted')}</th>
            <td className="num" data-testid="z-counted">
              {money(count.counted)}
            </td>
          </tr>
          <tr className={count.variance < 0 ? 'shift-short' : undefined}>
            <th scope="row">{t('shift.z.variance')}</th>
            <td className="num" data-testid="z-variance">
              {variance}
            </td>
          </tr>
        </tbody>
      </table>
      {report.queuedAtClose > 0 ? (
        <p className="notice notice-warning" data-testid="z-queued">
          {t('shift.z.queued', { count: report.queuedAtClose })}
        </p>
      ) : null}
      <p className="muted" data-testid="z-sync" data-state={sync.close}>
        {t('shift.z.sync', { state: t(`shift.sync.${sync.close}`) })}
        {sync.dealpos?.number ? ` · ${t('shift.z.dealpos', { number: sync.dealpos.number, sales: sync.dealpos.sales === null ? '–' : money(sync.dealpos.sales), tax: sync.dealpos.tax === null ? '–' : money(sync.dealpos.tax) })}` : ''}
      </p>
    </article>
  );
}
