import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogisticServiceChoices, ReferenceRecord } from '../../../shared/contract/salesOrder';
import { PosError } from '../../../shared/errors';
import { pos } from '../../api/pos';
import { Field } from '../../components/forms/Field';
import { errorTextKey } from '../../i18n/errorText';
import { formatDateTime, type Translate } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';
import { useStore } from '../../state/store';
import { useOrderScanner } from './useOrderScanner';

const OTHER = '__other__';

/** Why DealPOS refused a record, in the UI language. */
export function problemText(record: ReferenceRecord, t: Translate): string {
  switch (record.problem) {
    case 'unknown_order':
      return t('salesOrder.problem.unknown_order', { number: record.number, outlet: record.outlet });
    case 'lacks_role':
      return t('salesOrder.problem.lacks_role', { role: record.role ?? '' });
    case 'refused':
      return t('salesOrder.problem.refused', { message: record.lastError ?? '' });
    case null: {
      const key = errorTextKey(record.lastErrorCode);
      return key ? t(key) : (record.lastError ?? '');
    }
  }
}

function outcomeText(record: ReferenceRecord, t: Translate): { tone: 'success' | 'warning' | 'error'; text: string } {
  if (record.state === 'sent') return { tone: 'success', text: t('salesOrder.result.sent', { number: record.number, outlet: record.outlet }) };
  if (record.state === 'rejected') return { tone: 'error', text: t('salesOrder.result.rejected', { number: record.number, reason: problemText(record, t) }) };
  return { tone: 'warning', text: t('salesOrder.result.pending', { number: record.number }) };
}

/** Scan a sales order, then the courier's tracking number; record both in DealPOS (queued when offline). */
export function SalesOrderScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const options = useStore((s) => s.settings.options);
  const registerOutlet = useStore((s) => s.settings.values?.outlet ?? null);
  const loadOptions = useStore((s) => s.loadOptions);
  const outlets = (options?.outlets ?? []).map((outlet) => outlet.name);
  const [outlet, setOutlet] = useState<string>('');
  const [number, setNumber] = useState('');
  const [reference, setReference] = useState('');
  const [logistic, setLogistic] = useState('');
  const [otherCode, setOtherCode] = useState('');
  const [note, setNote] = useState('');
  const [choices, setChoices] = useState<LogisticServiceChoices | null>(null);
  const [recent, setRecent] = useState<readonly ReferenceRecord[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [errors, setErrors] = useState<{ number?: string; reference?: string; outlet?: string }>({});
  const [scanNote, setScanNote] = useState<string | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const referenceRef = useRef<HTMLInputElement>(null);
  const recordRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);
  useEffect(() => {
    if (outlet === '' && (registerOutlet ?? outlets[0])) setOutlet(registerOutlet ?? outlets[0] ?? '');
  }, [outlet, registerOutlet, outlets]);

  const refresh = useCallback(async (): Promise<void> => {
    try {
      setRecent(await pos.salesOrder.list({ limit: 20 }));
    } catch (failure) {
      setOutcome({ tone: 'error', text: errorMessage(failure) });
    }
  }, []);
  useEffect(() => {
    void refresh();
    pos.salesOrder.logisticServices({}).then(
      (loaded) => {
        setChoices(loaded);
        setLogistic(loaded.lastUsed ?? '');
      },
      (failure: unknown) => setOutcome({ tone: 'error', text: errorMessage(failure) }),
    );
    return pos.on('salesOrderReferenceChanged', () => void refresh());
  }, [refresh]);

  // The order number first (or whenever its field has focus), then the tracking number.
  const onScan = useCallback(
    (code: string) => {
      const toNumber = number === '' || document.activeElement === numberRef.current;
      if (toNumber) {
        setNumber(code);
        setScanNote(t('salesOrder.scan.number', { code }));
        referenceRef.current?.focus();
      } else {
        setReference(code);
        setScanNote(t('salesOrder.scan.reference', { code }));
        recordRef.current?.focus();
      }
    },
    [number, t],
  );
  useOrderScanner(onScan);

  const clear = (): void => {
    setNumber('');
    setReference('');
    setNote('');
    setErrors({});
    setScanNote(null);
    numberRef.current?.focus();
  };

  const record = async (): Promise<void> => {
    const code = logistic === OTHER ? otherCode.trim() : logistic;
    if (number.trim() === '') {
      setErrors({ number: t('salesOrder.error.numberRequired') });
      numberRef.current?.focus();
      return;
    }
    if (reference.trim() === '' && code === '' && note.trim() === '') {
      setErrors({ reference: t('salesOrder.error.nothingToChange') });
      referenceRef.current?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const result = await pos.salesOrder.record({ outlet, number, referenceNumber: reference, logisticServiceCode: code, note });
      setOutcome(outcomeText(result, t));
      if (result.state !== 'rejected') {
        setNumber('');
        setReference('');
        setNote('');
        setScanNote(null);
        numberRef.current?.focus();
      }
      await refresh();
    } catch (failure) {
      if (failure instanceof PosError && failure.details?.['reason'] === 'outlet_not_accessible') {
        setErrors({ outlet: t('salesOrder.error.outletNotAccessible', { outlet }) });
      } else if (failure instanceof PosError && failure.details?.['reason'] === 'nothing_to_change') {
        setErrors({ reference: t('salesOrder.error.nothingToChange') });
      } else if (failure instanceof PosError && failure.code === 'not_configured') {
        setOutcome({ tone: 'error', text: t('salesOrder.error.notConfigured') });
      } else {
        setOutcome({ tone: 'error', text: errorMessage(failure) });
      }
    } finally {
      setBusy(false);
    }
  };

  const codes = choices?.codes ?? [];
  return (
    <section className="screen-sales-orders" aria-labelledby="sales-orders-heading">
      <div className="screen-header">
        <h1 id="sales-orders-heading">{t('salesOrder.title')}</h1>
      </div>
      <p className="lead">{t('salesOrder.intro')}</p>
      <p className="muted" data-testid="sales-order-needs-connection">
        {t('salesOrder.needsConnection')}
      </p>
      <form
        className="card"
        data-testid="sales-order-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void record();
        }}
      >
        <div className="form-grid">
          <Field label={t('salesOrder.field.outlet')} error={errors.outlet}>
            {({ id }) => (
              <select id={id} className="select" data-testid="sales-order-outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)}>
                {outlets.includes(outlet) || outlet === '' ? null : <option value={outlet}>{outlet}</option>}
                {outlets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('salesOrder.field.number')} error={errors.number}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                ref={numberRef}
                className="input"
                data-testid="sales-order-number"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                autoFocus
                value={number}
                onChange={(e) => setNumber(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('salesOrder.field.reference')} error={errors.reference}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                ref={referenceRef}
                className="input"
                data-testid="sales-order-reference"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('salesOrder.field.logistic')}>
            {({ id }) => (
              <select id={id} className="select" data-testid="sales-order-logistic" value={logistic} onChange={(e) => setLogistic(e.target.value)}>
                <option value="">{t('salesOrder.field.logisticNone')}</option>
                {codes.map((code) => (
                  <option key={code} value={code}>
                    {code === choices?.lastUsed ? `${code} (${t('salesOrder.lastUsed')})` : code}
                  </option>
                ))}
                <option value={OTHER}>{t('salesOrder.field.logisticOther')}</option>
              </select>
            )}
          </Field>
          {logistic === OTHER ? (
            <Field label={t('salesOrder.field.logisticOther')}>
              {({ id }) => <input id={id} className="input" data-testid="sales-order-logistic-other" data-wedge="off" value={otherCode} onChange={(e) => setOtherCode(e.target.value)} />}
            </Field>
          ) : null}
          <Field label={t('salesOrder.field.note')}>
            {({ id }) => <input id={id} className="input" data-testid="sales-order-note" data-wedge="off" value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
        </div>
        <p className="field-hint" data-testid="sales-order-empty-keeps">
          {t('salesOrder.emptyKeeps')}
        </p>
        {scanNote ? (
          <p className="muted" role="status" data-testid="sales-order-scan-note">
            {scanNote}
          </p>
        ) : null}
        <div className="button-row">
          <button ref={recordRef} type="submit" className="button button-primary" disabled={busy} data-testid="sales-order-record">
            {busy ? t('salesOrder.recording') : t('salesOrder.record')}
          </button>
          <button type="button" className="button" onClick={clear}>
            {t('salesOrder.clear')}
          </button>
        </div>
      </form>
      {outcome ? (
        <p className={`notice notice-${outcome.tone}`} role={outcome.tone === 'success' ? 'status' : 'alert'} data-testid="sales-order-outcome">
          {outcome.text}
        </p>
      ) : null}
      <section className="card" aria-labelledby="sales-order-recent-heading">
        <h2 id="sales-order-recent-heading">{t('salesOrder.recent.title')}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t('salesOrder.recent.empty')}</p>
        ) : (
          <table data-testid="sales-order-recent">
            <thead>
              <tr>
                <th scope="col">{t('salesOrder.col.order')}</th>
                <th scope="col">{t('salesOrder.col.reference')}</th>
                <th scope="col">{t('salesOrder.col.logistic')}</th>
                <th scope="col">{t('salesOrder.col.note')}</th>
                <th scope="col">{t('salesOrder.col.state')}</th>
                <th scope="col">{t('salesOrder.col.time')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((entry) => (
                <tr key={entry.id} data-testid={`sales-order-record-${entry.id}`} data-state={entry.state}>
                  <th scope="row">
                    {entry.number} · {entry.outlet}
                  </th>
                  <td>{entry.referenceNumber ?? t('salesOrder.unchanged')}</td>
                  <td>{entry.logisticServiceCode ?? t('salesOrder.unchanged')}</td>
                  <td>{entry.note ?? t('salesOrder.unchanged')}</td>
                  <td>
                    {t(`salesOrder.state.${entry.state}`)}
                    {entry.state === 'rejected' || (entry.state === 'pending' && entry.lastError) ? <div className="muted">{problemText(entry, t)}</div> : null}
                  </td>
                  <td>{formatDateTime(locale, entry.sentAt ?? entry.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
