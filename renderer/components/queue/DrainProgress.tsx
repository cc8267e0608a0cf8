import type { QueueDrain } from '../../../shared/contract/app';
import { formatCount, formatDuration, type Translate } from '../../i18n/t';
import type { Locale } from '../../i18n/defineMessages';

/** A backlog on its way to DealPOS: how far it got, what it cost, and the time left at the quota. */
export function DrainProgress({ drain, locale, t }: { readonly drain: QueueDrain; readonly locale: Locale; readonly t: Translate }): React.JSX.Element {
  const share = drain.interactiveShare;
  const n = (value: number): string => formatCount(locale, value);
  const progress = t('queue.drain.progress', { sent: n(drain.sent), total: n(drain.total), requests: n(drain.requests) });
  return (
    <div className="queue-drain" role="status" data-testid="queue-drain">
      <progress max={drain.total} value={drain.sent} aria-label={progress} />
      <p>{progress}</p>
      <p className="muted" data-testid="queue-drain-eta">
        {drain.timeLeftMs !== null && share
          ? t('queue.drain.timeLeft', {
              time: formatDuration(locale, drain.timeLeftMs),
              perWindow: share.limit - share.reserved,
              window: formatDuration(locale, share.windowSeconds * 1000),
              left: n(drain.requestsLeft),
            })
          : t('queue.drain.timeUnknown', { left: n(drain.requestsLeft) })}
        {share ? <> {t('queue.drain.share', { reserved: share.reserved, limit: share.limit })}</> : null}
      </p>
    </div>
  );
}
