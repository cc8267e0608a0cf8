import { useState, type FormEvent } from 'react';
import type { QueueEntry } from '../../../shared/contract/queue';
import type { SettingsOptions } from '../../../shared/contract/settings';
import type { InvoicePatch } from '../../../shared/invoice/invoicePatch';
import type { Translate } from '../../i18n/t';
import { Field } from '../forms/Field';
import { NameChoice } from '../forms/NameChoice';
import { checkFix, fixDraftFrom, type FixDraft, type FixErrors } from './fixDraft';

export interface FixInvoiceFormProps {
  readonly entry: QueueEntry;
  readonly options: SettingsOptions;
  readonly t: Translate;
  /** Formats a payment's amount as the payload holds it (major units). */
  readonly formatPayment: (major: number) => string;
  /** Resolves with an error message when the fix was not accepted; null when it went through. */
  readonly onSubmit: (patch: InvoicePatch) => Promise<string | null>;
  readonly onCancel: () => void;
}

/** The fields DealPOS typically refuses, editable; the invoice number and amounts never change. */
export function FixInvoiceForm({ entry, options, t, formatPayment, onSubmit, onCancel }: FixInvoiceFormProps): React.JSX.Element {
  const { payload } = entry;
  const [draft, setDraft] = useState<FixDraft>(() => fixDraftFrom(payload));
  const [errors, setErrors] = useState<FixErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof FixDraft>(field: K, value: FixDraft[K]): void => {
    setDraft((prev) => ({ ...prev, [field]: value }));
    setMessage(null);
  };
  const setLine = (index: number, change: Partial<FixDraft['lines'][number]>): void => {
    set(
      'lines',
      draft.lines.map((line, i) => (i === index ? { ...line, ...change } : line)),
    );
  };

  const setPayment = (index: number, method: string): void => {
    set(
      'payments',
      draft.payments.map((m, i) => (i === index ? method : m)),
    );
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const check = checkFix(payload, draft);
    if (!check.ok) {
      setErrors(check.errors);
      setMessage(check.nothing ? t('queue.edit.nothing') : null);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const failure = await onSubmit(check.patch);
      if (failure) setMessage(t('queue.edit.failed', { message: failure }));
    } finally {
      setBusy(false);
    }
  };

  const err = (key: keyof FixErrors): string | null => {
    const k = errors[key];
    return k ? t(k) : null;
  };

  return (
    <form className="fix-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} aria-labelledby={`fix-${entry.localId}`} data-testid="fix-form">
      <h3 id={`fix-${entry.localId}`}>{t('queue.edit.title', { number: entry.invoiceNumber })}</h3>
      <div className="form-grid">
        <Field label={t('queue.edit.outlet')} error={err('outlet')}>
          {({ id, describedBy, invalid }) => (
            <NameChoice id={id} value={draft.outlet} options={options.outlets} chooseLabel={t('settings.store.choose')} describedBy={describedBy} invalid={invalid} testId="fix-outlet" onChange={(v) => set('outlet', v)} />
          )}
        </Field>
        <Field label={t('queue.edit.taxType')} error={err('taxType')}>
          {({ id, describedBy, invalid }) => (
            <NameChoice id={id} value={draft.taxType} options={options.taxes} chooseLabel={t('settings.store.choose')} describedBy={describedBy} invalid={invalid} testId="fix-tax-type" onChange={(v) => set('taxType', v)} />
          )}
        </Field>
        <Field label={t('queue.edit.tag')} error={err('tag')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="input" value={draft.tag} aria-describedby={describedBy} aria-invalid={invalid} data-testid="fix-tag" onChange={(e) => set('tag', e.target.value)} />
          )}
        </Field>
        <Field label={t('queue.edit.register')} hint={t('queue.edit.registerHint')}>
          {({ id, describedBy }) => (
            <input id={id} className="input" value={draft.register} aria-describedby={describedBy} data-testid="fix-register" onChange={(e) => set('register', e.target.value)} />
          )}
        </Field>
      </div>
      {payload.Customer ? (
        <label className="checkbox">
          <input type="checkbox" checked={draft.removeCustomer} data-testid="fix-remove-customer" onChange={(e) => set('removeCustomer', e.target.checked)} />
          {t('queue.edit.removeCustomer', { name: `${payload.Customer.Name} · ${payload.Customer.Code}` })}
        </label>
      ) : null}
      <table className="fix-lines">
        <caption className="field-label">{t('queue.edit.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.edit.item')}</th>
            <th scope="col">{t('queue.edit.code')}</th>
            <th scope="col" className="num">
              {t('queue.edit.qty')}
            </th>
            <th scope="col">{t('queue.edit.remove')}</th>
          </tr>
        </thead>
        <tbody>
          {payload.Variants.map((variant, index) => {
            const line = draft.lines[index];
            const name = entry.lineNames[index] ?? variant.Code;
            const lineError = err(`line${index}`);
            return (
              <tr key={`${variant.Code}-${index}`} data-removed={line?.remove ? 'true' : undefined}>
                <td>{name}</td>
                <td>
                  <input
                    className="input input-code"
                    aria-label={`${t('queue.edit.code')}: ${name}`}
                    aria-invalid={Boolean(lineError)}
                    value={line?.code ?? ''}
                    disabled={line?.remove}
                    data-testid={`fix-code-${index}`}
                    onChange={(e) => setLine(index, { code: e.target.value })}
                  />
                  {lineError ? <span className="field-error">{lineError}</span> : null}
                </td>
                <td className="num">{variant.Quantity}</td>
                <td>
                  <input
                    type="checkbox"
                    className="checkbox-input"
                    aria-label={`${t('queue.edit.remove')}: ${name}`}
                    checked={line?.remove ?? false}
                    data-testid={`fix-remove-${index}`}
                    onChange={(e) => setLine(index, { remove: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {payload.Payments.length > 0 ? (
        <>
          <table className="fix-lines" aria-describedby={`fix-payments-hint-${entry.localId}`}>
            <caption className="field-label">{t('queue.edit.payments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.edit.paymentMethod')}</th>
                <th scope="col" className="num">
                  {t('queue.edit.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {payload.Payments.map((payment, index) => {
                const amount = formatPayment(payment.Amount);
                const paymentError = err(`payment${index}`);
                const errorId = `fix-payment-error-${entry.localId}-${index}`;
                return (
                  <tr key={`${payment.Method}-${index}`}>
                    <td>
                      <NameChoice
                        id={`fix-payment-${entry.localId}-${index}`}
                        value={draft.payments[index] ?? ''}
                        options={options.paymentMethods}
                        chooseLabel={t('settings.store.choose')}
                        describedBy={paymentError ? errorId : undefined}
                        invalid={Boolean(paymentError)}
                        ariaLabel={`${t('queue.edit.paymentMethod')}: ${amount}`}
                        testId={`fix-payment-${index}`}
                        onChange={(v) => setPayment(index, v)}
                      />
                      {paymentError ? (
                        <span className="field-error" id={errorId}>
                          {paymentError}
                        </span>
                      ) : null}
                    </td>
                    <td className="num">{amount}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="field-hint" id={`fix-payments-hint-${entry.localId}`}>
            {t('queue.edit.paymentsHint')}
          </p>
        </>
      ) : null}
      {message ? (
        <p className="notice notice-error" role="alert" data-testid="fix-error">
          {message}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="fix-save">
          {busy ? t('queue.edit.saving') : t('queue.edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('queue.action.cancel')}
        </button>
      </div>
    </form>
  );
}
