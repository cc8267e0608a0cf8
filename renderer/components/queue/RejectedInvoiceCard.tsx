import { useState } from 'react';
import type { QueueEntry } from '../../../shared/contract/queue';
import type { SettingsOptions } from '../../../shared/contract/settings';
import type { InvoicePatch } from '../../../shared/invoice/invoicePatch';
import type { Translate } from '../../i18n/t';
import { ApprovalNotes } from './ApprovalNotes';
import { FixInvoiceForm } from './FixInvoiceForm';
import { VoidInvoiceForm } from './VoidInvoiceForm';

export interface RejectedInvoiceCardProps {
  readonly entry: QueueEntry;
  readonly options: SettingsOptions;
  readonly t: Translate;
  readonly formatTotal: (amount: number) => string;
  readonly formatTime: (iso: string) => string;
  /** Formats a payment amount as the invoice payload holds it (major units). */
  readonly formatPayment: (major: number) => string;
  /** Each resolves with an error message, or null when it went through. */
  readonly onResend: () => Promise<string | null>;
  readonly onFix: (patch: InvoicePatch) => Promise<string | null>;
  readonly onVoid: (reason: string) => Promise<string | null>;
}

type Mode = 'view' | 'fix' | 'void';

/** One invoice DealPOS refused: its message first, then what was sold, then what the manager can do. */
export function RejectedInvoiceCard(props: RejectedInvoiceCardProps): React.JSX.Element {
  const { entry, options, t, formatTotal, formatTime, formatPayment, onResend, onFix, onVoid } = props;
  const [mode, setMode] = useState<Mode>('view');
  const [resendError, setResendError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const resend = async (): Promise<void> => {
    setBusy(true);
    try {
      const failure = await onResend();
      setResendError(failure ? t('queue.edit.failed', { message: failure }) : null);
    } finally {
      setBusy(false);
    }
  };

  const headingId = `rejected-${entry.localId}`;
  return (
    <article className="card rejected-card" aria-labelledby={headingId} data-testid={`queue-rejected-${entry.invoiceNumber}`}>
      <header className="card-header">
        <h3 id={headingId}>{entry.invoiceNumber}</h3>
        <ApprovalNotes approvals={entry.approvals} t={t} />
        <span className="muted">
          {formatTime(entry.createdAt)} · <strong>{formatTotal(entry.total)}</strong> · {entry.payload.Variants.length === 1 ? t('queue.entry.line') : t('queue.entry.lines', { count: entry.payload.Variants.length })} ·{' '}
          {entry.attempts === 1 ? t('queue.entry.attempt') : t('queue.entry.attempts', { count: entry.attempts })}
          {entry.edited ? <span className="pill"> {t('queue.entry.edited')}</span> : null}
        </span>
      </header>
      <div className="server-message" data-testid="queue-error">
        <span className="server-message-label">{t('queue.attention.serverSays')}</span> {entry.lastError ?? '—'}
      </div>
      <ul className="line-summary">
        {entry.payload.Variants.map((variant, index) => (
          <li key={`${variant.Code}-${index}`}>
            {variant.Quantity} × {entry.lineNames[index] ?? variant.Code} <code>{variant.Code}</code>
          </li>
        ))}
      </ul>
      {resendError ? (
        <p className="notice notice-error" role="alert">
          {resendError}
        </p>
      ) : null}
      {mode === 'view' ? (
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => setMode('fix')} data-testid="queue-fix">
            {t('queue.action.fix')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void resend()} data-testid="queue-resend">
            {t('queue.action.resend')}
          </button>
          <button type="button" className="button button-danger-outline" onClick={() => setMode('void')} data-testid="queue-void">
            {t('queue.action.void')}
          </button>
        </div>
      ) : null}
      {mode === 'fix' ? <FixInvoiceForm entry={entry} options={options} t={t} formatPayment={formatPayment} onSubmit={onFix} onCancel={() => setMode('view')} /> : null}
      {mode === 'void' ? <VoidInvoiceForm entry={entry} t={t} onSubmit={onVoid} onCancel={() => setMode('view')} /> : null}
    </article>
  );
}
