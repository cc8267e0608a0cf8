import { useState, type FormEvent } from 'react';
import type { QueueEntry } from '../../../shared/contract/queue';
import type { Translate } from '../../i18n/t';
import { Field } from '../forms/Field';

export const MIN_VOID_REASON = 3;

export interface VoidInvoiceFormProps {
  readonly entry: QueueEntry;
  readonly t: Translate;
  readonly onSubmit: (reason: string) => Promise<string | null>;
  readonly onCancel: () => void;
}

export function VoidInvoiceForm({ entry, t, onSubmit, onCancel }: VoidInvoiceFormProps): React.JSX.Element {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (reason.trim().length < MIN_VOID_REASON) {
      setError(t('queue.void.reasonTooShort'));
      return;
    }
    setBusy(true);
    try {
      const failure = await onSubmit(reason.trim());
      setError(failure ? t('queue.void.failed', { message: failure }) : null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="void-form" onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} aria-labelledby={`void-${entry.localId}`} data-testid="void-form">
      <h3 id={`void-${entry.localId}`}>{t('queue.void.title', { number: entry.invoiceNumber })}</h3>
      <p>{t('queue.void.explain')}</p>
      <Field label={t('queue.void.reason')} hint={t('queue.void.reasonHint')} error={error}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            className="textarea"
            value={reason}
            maxLength={500}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="void-reason"
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-danger" disabled={busy} data-testid="void-confirm">
          {t('queue.void.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('queue.action.cancel')}
        </button>
      </div>
    </form>
  );
}
