import type { AppMode, AppStatus } from '../../../shared/contract/app';
import type { Locale } from '../../i18n/defineMessages';
import { diskFullText } from '../../i18n/diskFullText';
import { scannerHintText } from '../../i18n/scannerHint';
import { formatDuration, type Translate } from '../../i18n/t';

export interface StatusBarProps {
  readonly status: AppStatus;
  readonly mode: AppMode | null;
  readonly outletName: string | null;
  readonly registerName: string | null;
  readonly locale: Locale;
  readonly t: Translate;
  readonly onOpenQueue: () => void;
}

/** The always-visible strip at the bottom: what a cashier or manager must be able to see at a glance. */
export function StatusBar(props: StatusBarProps): React.JSX.Element {
  const { status, mode, outletName, registerName, locale, t, onOpenQueue } = props;
  const { queue, scanner, connectivity } = status;
  const scannerText = t(`shell.status.scanner.${scanner.state}`);
  const scannerHint = scanner.hint ? scannerHintText(scanner.hint, t) : null;
  // Before an account or the demo is chosen nothing is being synced, so the dot must not claim "online".
  const connectionState = mode === 'setup' ? 'not_connected' : connectivity;
  return (
    <footer className="status-bar" aria-label={t('shell.status.label')}>
      <span className="status-item status-connectivity" data-state={connectionState} data-testid="status-connectivity" role="status">
        <span className="status-dot" aria-hidden="true" />
        {connectionState === 'not_connected' ? t('shell.status.notConnected') : t(`shell.status.${connectivity}`)}
      </span>
      <button
        type="button"
        className="status-item status-button"
        data-state={queue.pending > 0 ? 'busy' : 'idle'}
        aria-label={t('shell.status.pendingOpen', { count: queue.pending })}
        onClick={onOpenQueue}
        data-testid="status-open-queue"
      >
        {t('shell.status.pending')}: <strong data-testid="status-pending">{queue.pending}</strong>
        {queue.oldestPendingAgeMs !== null && queue.pending > 0 ? (
          <span className="status-sub"> ({t('shell.status.oldest', { age: formatDuration(locale, queue.oldestPendingAgeMs) })})</span>
        ) : null}
      </button>
      <button
        type="button"
        className="status-item status-button"
        data-state={queue.needsAttention > 0 ? 'alert' : 'idle'}
        aria-label={t('shell.status.needsAttentionOpen', { count: queue.needsAttention })}
        onClick={onOpenQueue}
        data-testid="status-open-attention"
      >
        {t('shell.status.needsAttention')}: <strong data-testid="status-needs-attention">{queue.needsAttention}</strong>
      </button>
      {status.disk ? (
        <span className="status-item status-warning" role="alert" data-testid="status-disk-full">
          {diskFullText(status.disk, locale, t)}
        </span>
      ) : queue.pausedReason ? (
        <span className="status-item status-warning" role="alert" title={t('shell.status.paused', { reason: queue.pausedReason })}>
          {t('shell.status.paused', { reason: queue.pausedReason })}
        </span>
      ) : null}
      <span
        className="status-item status-scanner"
        data-state={scanner.state}
        data-testid="status-scanner"
        title={scannerHint ?? undefined}
      >
        <span className="status-dot" aria-hidden="true" />
        {t('shell.status.scanner')}: {scannerText}
        {scanner.deviceName ? ` · ${scanner.deviceName}` : ''}
        {scannerHint && (scanner.state === 'permission_denied' || scanner.state === 'error') ? (
          <span className="status-sub" data-testid="status-scanner-hint"> — {scannerHint}</span>
        ) : null}
      </span>
      <span className="status-spacer" />
      <span className="status-item" data-testid="status-outlet">
        {t('shell.status.outlet')}: <strong>{outletName ?? t('shell.status.notSet')}</strong>
      </span>
      <span className="status-item" data-testid="status-register">
        {t('shell.status.register')}: <strong>{registerName ?? t('shell.status.notSet')}</strong>
      </span>
      {mode === 'demo' ? (
        <span className="status-item demo-badge" data-testid="status-demo" title={t('shell.status.demo')}>
          {t('shell.status.demoShort')}
        </span>
      ) : null}
    </footer>
  );
}
