import { useCallback, useEffect, useState } from 'react';
import type { OpenShift, ShiftListing, ShiftSettings, XReport, ZReport } from '../../../shared/contract/shift';
import { PosError } from '../../../shared/errors';
import { pos } from '../../api/pos';
import { moneyFormatter } from '../../components/checkout/moneyFormat';
import { ShiftTotalsTable } from '../../components/shift/ShiftTotalsTable';
import { ZReportView } from '../../components/shift/ZReportView';
import { formatDateTime } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';
import { useStore } from '../../state/store';
import { CashPanel } from './CashPanel';
import { CloseShiftForm } from './CloseShiftForm';
import { OpenShiftForm } from './OpenShiftForm';
import { ShiftList } from './ShiftList';
import './shift.css';

type Panel = 'x' | 'cash_in' | 'cash_out' | 'no_sale' | 'close' | null;

/**
 * The Shift screen (issue 15): open a shift, then cash in and out, no-sale, the X report and the
 * close with a counted drawer; a Z report once closed (viewable, printable, any earlier one too);
 * and the manager's list of shifts with their variances. Main decides and stores everything.
 */
export function ShiftScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const decimals = useStore((s) => s.settings.values?.currencyDecimals ?? 0);
  const money = moneyFormatter(decimals);
  const formatTime = (iso: string): string => formatDateTime(locale, iso);
  const [settings, setSettings] = useState<ShiftSettings | null>(null);
  const [shift, setShift] = useState<OpenShift | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [xReport, setXReport] = useState<XReport | null>(null);
  const [zReport, setZReport] = useState<ZReport | null>(null);
  const [listing, setListing] = useState<ShiftListing | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [printOutcome, setPrintOutcome] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);

  const loadList = useCallback(() => {
    pos.shift
      .list({ limit: 50 })
      .then(setListing)
      .catch((error: unknown) => setLoadError(errorMessage(error)));
  }, []);

  useEffect(() => {
    let live = true;
    Promise.all([pos.shift.getSettings({}), pos.shift.current({})])
      .then(([saved, current]) => {
        if (!live) return;
        setSettings(saved);
        setShift(current);
      })
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    loadList();
    return () => {
      live = false;
    };
  }, [loadList]);

  const showX = async (current: OpenShift): Promise<void> => {
    try {
      setXReport(await pos.shift.xReport({ shiftId: current.id }));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  const choose = (next: Panel): void => {
    setPanel(next);
    setZReport(null);
    if ((next === 'x' || next === 'close') && shift) void showX(shift);
  };

  const viewZ = async (number: number): Promise<void> => {
    try {
      setPrintOutcome(null);
      setZReport(await pos.shift.zReport({ number }));
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  };

  const printZ = async (report: ZReport): Promise<void> => {
    try {
      const { target } = await pos.shift.printZ({ number: report.number });
      setPrintOutcome({ ok: true, text: t('shift.z.printed', { target }) });
    } catch (error) {
      // Without a receipt printer the page prints itself through the OS dialog.
      if (error instanceof PosError && error.code === 'not_configured') window.print();
      else setPrintOutcome({ ok: false, text: errorMessage(error) });
    }
  };

  return (
    <section className="screen-shift" aria-labelledby="shift-heading">
      <h1 id="shift-heading">{t('shift.title')}</h1>
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <div className="shift-layout">
        <div className="shift-main">
          {zReport ? (
            <>
              <ZReportView report={zReport} t={t} money={money} formatTime={formatTime} />
              {printOutcome ? (
                <p className={`notice ${printOutcome.ok ? 'notice-success' : 'notice-error'}`} role="status" data-testid="z-print-outcome">
                  {printOutcome.text}
                </p>
              ) : null}
              <div className="button-row no-print">
                <button type="button" className="button button-primary" data-testid="z-print" onClick={() => void printZ(zReport)}>
                  {t('shift.z.print')}
                </button>
                <button type="button" className="button" data-testid="z-back" onClick={() => setZReport(null)}>
                  {t('shift.z.back')}
                </button>
              </div>
            </>
          ) : shift ? (
            <>
              <div className="card" data-testid="shift-current">
                <p className="lead">{t('shift.current', { cashier: shift.cashier, time: formatTime(shift.openedAt), float: money(shift.openingFloat) })}</p>
                <div className="button-row" role="group">
                  {(
                    [
                      ['x', 'shift.action.x'],
                      ['cash_in', 'shift.action.cashIn'],
                      ['cash_out', 'shift.action.cashOut'],
                      ['no_sale', 'shift.action.noSale'],
                      ['close', 'shift.action.close'],
                    ] as const
                  ).map(([key, label]) => (
                    <button key={key} type="button" className={`button${panel === key ? ' button-primary' : ''}`} aria-pressed={panel === key} data-testid={`shift-action-${key}`} onClick={() => choose(key)}>
                      {t(label)}
                    </button>
                  ))}
                </div>
                {shift.movements.length > 0 ? (
                  <>
                    <h2>{t('shift.movements')}</h2>
                    <ul data-testid="shift-movements">
                      {shift.movements.map((m) => (
                        <li key={m.id}>
                          {`${t(`shift.movement.${m.kind}`)}${m.kind === 'no_sale' ? '' : ` ${money(m.amount)}`}${m.reason ? ` · ${m.reason}` : ''}${m.approvedBy ? ` · ${t('shift.movement.approvedBy', { name: m.approvedBy })}` : ''}`}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
              {panel === 'x' && xReport ? (
                <div className="card" data-testid="shift-x-report">
                  <h2>{t('shift.x.title')}</h2>
                  <p className="muted">{t('shift.x.at', { time: formatTime(xReport.at) })}</p>
                  <ShiftTotalsTable totals={xReport.totals} t={t} money={money} testId="x-totals" />
                </div>
              ) : null}
              {panel === 'cash_in' || panel === 'cash_out' || panel === 'no_sale' ? (
                <CashPanel key={panel} shift={shift} kind={panel} decimals={decimals} money={money} onChanged={setShift} />
              ) : null}
              {panel === 'close' && xReport && settings ? (
                <CloseShiftForm
                  shift={shift}
                  cashiers={settings.cashiers}
                  expected={xReport.totals.expectedCash}
                  decimals={decimals}
                  money={money}
                  onClosed={(report) => {
                    setShift(null);
                    setPanel(null);
                    setXReport(null);
                    setPrintOutcome(null);
                    setZReport(report);
                    loadList();
                  }}
                />
              ) : null}
            </>
          ) : settings ? (
            <OpenShiftForm cashiers={settings.cashiers} required={settings.requireOpenShift} decimals={decimals} onOpened={(opened) => setShift(opened)} />
          ) : null}
        </div>
        <div className="shift-side no-print">{listing ? <ShiftList listing={listing} t={t} money={money} formatTime={formatTime} onView={(n) => void viewZ(n)} onRefresh={loadList} /> : null}</div>
      </div>
    </section>
  );
}
