import type { QueuePage } from '../../../shared/contract/queue';
import type { Locale } from '../../i18n/defineMessages';
import { formatCount, type Translate } from '../../i18n/t';

export interface QueuePagerProps {
  readonly page: QueuePage;
  readonly pageSize: number;
  /** Names the table it pages ("waiting", "synced"), for test ids and the screen reader label. */
  readonly name: string;
  readonly label: string;
  readonly locale: Locale;
  readonly t: Translate;
  readonly onOffset: (offset: number) => void;
}

/** "51–100 of 2,000" with previous and next: a week's backlog is read page by page, never as one table. */
export function QueuePager({ page, pageSize, name, label, locale, t, onOffset }: QueuePagerProps): React.JSX.Element | null {
  if (page.total <= pageSize && page.offset === 0) return null;
  const from = page.entries.length === 0 ? 0 : page.offset + 1;
  const to = page.offset + page.entries.length;
  return (
    <nav className="queue-pager" aria-label={label} data-testid={`queue-pager-${name}`}>
      <button
        type="button"
        className="button"
        disabled={page.offset === 0}
        onClick={() => onOffset(Math.max(0, page.offset - pageSize))}
        data-testid={`queue-pager-${name}-previous`}
      >
        {t('queue.page.previous')}
      </button>
      <span role="status" data-testid={`queue-pager-${name}-range`}>
        {t('queue.page.range', { from: formatCount(locale, from), to: formatCount(locale, to), total: formatCount(locale, page.total) })}
      </span>
      <button
        type="button"
        className="button"
        disabled={to >= page.total}
        onClick={() => onOffset(page.offset + pageSize)}
        data-testid={`queue-pager-${name}-next`}
      >
        {t('queue.page.next')}
      </button>
    </nav>
  );
}
