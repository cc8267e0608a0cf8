import { useEffect, useState } from 'react';
import type { QueuePage } from '../../../shared/contract/queue';
import type { Translate } from '../../i18n/t';
import { FoundTable, type QueueTableProps } from './QueueTables';

export interface QueueFindProps extends Omit<QueueTableProps, 'entries'> {
  readonly number: string;
  readonly found: QueuePage | null;
  readonly t: Translate;
  readonly onFind: (number: string) => void;
}

/** Typing pauses this long before the queue is asked, so a scan or fast typing is one lookup. */
const FIND_DELAY_MS = 250;

/** Finds an invoice among thousands by any part of its number (typed, or scanned from a receipt). */
export function QueueFind({ number, found, t, onFind, formatTotal, formatTime }: QueueFindProps): React.JSX.Element {
  const [typed, setTyped] = useState(number);
  useEffect(() => {
    if (typed.trim() === number.trim()) return undefined;
    const timer = setTimeout(() => onFind(typed), FIND_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, number, onFind]);
  const shown = found?.entries.length ?? 0;
  return (
    <section className="queue-section card" aria-labelledby="find-heading" data-testid="queue-find">
      <form
        className="queue-find"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onFind(typed);
        }}
      >
        <label htmlFor="queue-find-number" id="find-heading">
          {t('queue.find.label')}
        </label>
        <input
          id="queue-find-number"
          type="search"
          value={typed}
          maxLength={60}
          autoComplete="off"
          aria-describedby="queue-find-hint"
          onChange={(event) => setTyped(event.target.value)}
          data-testid="queue-find-number"
        />
        {typed !== '' ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setTyped('');
              onFind('');
            }}
            data-testid="queue-find-clear"
          >
            {t('queue.find.clear')}
          </button>
        ) : null}
        <p id="queue-find-hint" className="muted">
          {t('queue.find.hint')}
        </p>
      </form>
      {found && number.trim() !== '' ? (
        <div role="status" data-testid="queue-find-result">
          {found.total === 0 ? (
            <p className="muted">{t('queue.find.none', { number: number.trim() })}</p>
          ) : (
            <>
              <h2>{t('queue.find.title', { number: number.trim(), count: found.total })}</h2>
              {found.total > shown ? <p className="muted">{t('queue.find.more', { shown })}</p> : null}
              <FoundTable entries={found.entries} t={t} formatTotal={formatTotal} formatTime={formatTime} />
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
