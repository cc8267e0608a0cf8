/**
 * Held sales at the checkout (issue 16): the park dialog (an optional note) and the list of held
 * sales to resume one. Main decides: it refuses an empty or part-paid sale, asks (a `conflict` with
 * `cartNotEmpty`) before resuming into a cart with items, and keeps every held sale until resumed.
 */
import { useEffect, useState } from 'react';
import type { HeldSaleList, HeldSaleSummary } from '../../../shared/contract/held';
import { pos } from '../../api/pos';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { Kbd } from '../../components/shell/Kbd';
import type { Translate } from '../../i18n/t';
import { errorMessage } from '../../state/errorMessage';
import { parkSale, resumeHeld } from '../checkout/saleActions';
import { useFeedbackStore } from '../checkout/scanFeedbackStore';

export interface ParkDialogContentProps {
  readonly t: Translate;
  readonly onDone: () => void;
}

export function ParkDialogContent({ t, onDone }: ParkDialogContentProps): React.JSX.Element {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const park = async (): Promise<void> => {
    setBusy(true);
    const result = await parkSale(note);
    setBusy(false);
    if (!result.ok) {
      setError(t('held.park.failed', { message: result.message }));
      return;
    }
    onDone();
    useFeedbackStore.getState().show('ok', t('held.park.done'));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void park();
      }}
    >
      <p>{t('held.park.body')}</p>
      <label className="field">
        <span>{t('held.park.note')}</span>
        <input
          data-autofocus
          data-testid="park-note"
          value={note}
          maxLength={200}
          placeholder={t('held.park.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
        />
      </label>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="park-error">
          {error}
        </p>
      ) : null}
      <div className="button-row dialog-footer">
        <button type="button" className="button" onClick={onDone}>
          {t('held.park.cancel')} <Kbd keys="Escape" />
        </button>
        <button type="submit" className="button button-primary" data-testid="park-confirm" disabled={busy}>
          {t('held.park.confirm')} <Kbd keys="Enter" />
        </button>
      </div>
    </form>
  );
}

export interface HeldListContentProps {
  readonly t: Translate;
  readonly format: FormatMoney;
  readonly formatDate: (iso: string) => string;
  readonly onDone: () => void;
}

export function HeldListContent({ t, format, formatDate, onDone }: HeldListContentProps): React.JSX.Element {
  const [list, setList] = useState<HeldSaleList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<HeldSaleSummary | null>(null);
  useEffect(() => {
    let live = true;
    pos.held.list({}).then(
      (value) => {
        if (live) setList(value);
      },
      (failure: unknown) => {
        if (live) setError(t('held.list.failed', { message: errorMessage(failure) }));
      },
    );
    return () => {
      live = false;
    };
  }, [t]);

  const resume = async (held: HeldSaleSummary, parkCurrent: boolean): Promise<void> => {
    const result = await resumeHeld(held.heldId, parkCurrent);
    if (!result.ok) {
      if (result.code === 'conflict' && !parkCurrent) {
        setConfirming(held);
        return;
      }
      setConfirming(null);
      setError(t('held.resume.failed', { message: result.message }));
      return;
    }
    onDone();
    const [first] = result.value.discontinued;
    // Warned as at a scan: the cashier sees it before taking payment.
    if (first) useFeedbackStore.getState().show('warning', t('held.resume.discontinued', { name: first.name, code: first.code }));
    else useFeedbackStore.getState().show('ok', t('held.resume.done'));
  };

  if (confirming) {
    return (
      <div data-testid="resume-confirm-dialog">
        <h3>{t('held.resume.busyTitle')}</h3>
        <p>{t('held.resume.busyBody')}</p>
        <div className="button-row dialog-footer">
          <button type="button" className="button" data-autofocus onClick={() => setConfirming(null)}>
            {t('held.resume.keep')}
          </button>
          <button type="button" className="button button-primary" data-testid="resume-confirm" onClick={() => void resume(confirming, true)}>
            {t('held.resume.confirm')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="held-error">
          {error}
        </p>
      ) : null}
      {list && list.held.length === 0 ? <p data-testid="held-empty">{t('held.list.empty')}</p> : null}
      {list && list.held.length > 0 ? (
        <table className="held-list" data-testid="held-list">
          <thead>
            <tr>
              <th>{t('held.list.time')}</th>
              <th>{t('held.list.cashier')}</th>
              <th>{t('held.list.note')}</th>
              <th>{t('held.list.lines')}</th>
              <th className="numeric">{t('held.list.total')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.held.map((held) => (
              <tr key={held.heldId} data-testid="held-row" data-stale={held.stale}>
                <td>
                  {formatDate(held.heldAt)}
                  {held.stale ? (
                    <span className="badge badge-warning" data-testid="held-stale">
                      {' '}
                      {t('held.list.stale', { hours: list.staleAfterHours })}
                    </span>
                  ) : null}
                </td>
                <td>{held.cashier ?? '—'}</td>
                <td data-testid="held-note">
                  {held.note || t('held.list.noNote')}
                  {held.customerName ? <div className="muted">{held.customerName}</div> : null}
                </td>
                <td data-testid="held-lines">{held.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</td>
                <td className="numeric" data-testid="held-total">
                  {format(held.total)}
                </td>
                <td>
                  <button type="button" className="button button-primary" data-testid="held-resume" onClick={() => void resume(held, false)}>
                    {t('held.list.resume')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="button-row dialog-footer">
        <button type="button" className="button" data-testid="held-close" onClick={onDone}>
          {t('held.list.close')} <Kbd keys="Escape" />
        </button>
      </div>
    </div>
  );
}
