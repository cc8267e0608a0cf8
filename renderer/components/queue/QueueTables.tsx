import type { QueueEntry } from '../../../shared/contract/queue';
import { errorTextKey } from '../../i18n/errorText';
import type { Translate } from '../../i18n/t';
import { ApprovalNotes } from './ApprovalNotes';

export interface QueueTableProps {
  readonly entries: readonly QueueEntry[];
  readonly t: Translate;
  readonly formatTotal: (amount: number) => string;
  readonly formatTime: (iso: string) => string;
}

/** The last failure as people read it: a connectivity code in the UI language, never the socket's code. */
function problemText(entry: QueueEntry, t: Translate): string {
  if (entry.lastError === null) return '';
  const key = errorTextKey(entry.lastErrorCode);
  return key === null ? entry.lastError : t(key);
}

/** Every queue table opens with the same number, created and total columns; one place keeps them in step. */
function CommonHeads({ t }: { readonly t: Translate }): React.JSX.Element {
  return (
    <>
      <th scope="col">{t('queue.col.number')}</th>
      <th scope="col">{t('queue.col.created')}</th>
      <th scope="col" className="num">
        {t('queue.col.total')}
      </th>
    </>
  );
}

/** The created and total cells that follow each row's number header, matching CommonHeads. */
function CommonCells({
  entry,
  formatTotal,
  formatTime,
}: Pick<QueueTableProps, 'formatTotal' | 'formatTime'> & { readonly entry: QueueEntry }): React.JSX.Element {
  return (
    <>
      <td>{formatTime(entry.createdAt)}</td>
      <td className="num">{formatTotal(entry.total)}</td>
    </>
  );
}

export function PendingTable({ entries, t, formatTotal, formatTime }: QueueTableProps): React.JSX.Element {
  if (entries.length === 0) return <p className="muted">{t('queue.pending.empty')}</p>;
  return (
    <table data-testid="queue-pending">
      <thead>
        <tr>
          <CommonHeads t={t} />
          <th scope="col" className="num">
            {t('queue.col.attempts')}
          </th>
          <th scope="col">{t('queue.col.nextTry')}</th>
          <th scope="col">{t('queue.col.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.localId} data-testid={`queue-pending-${entry.invoiceNumber}`} data-state={entry.state}>
            <th scope="row">
              {entry.invoiceNumber}
              <ApprovalNotes approvals={entry.approvals} t={t} />
            </th>
            <CommonCells entry={entry} formatTotal={formatTotal} formatTime={formatTime} />
            <td className="num">{entry.attempts}</td>
            <td>{entry.state === 'sending' ? t('queue.state.sending') : entry.nextAttemptAt ? formatTime(entry.nextAttemptAt) : '—'}</td>
            <td>{problemText(entry, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SyncedTable({ entries, t, formatTotal, formatTime }: QueueTableProps): React.JSX.Element {
  if (entries.length === 0) return <p className="muted">{t('queue.synced.empty')}</p>;
  return (
    <table data-testid="queue-synced">
      <thead>
        <tr>
          <CommonHeads t={t} />
          <th scope="col">{t('queue.col.synced')}</th>
          <th scope="col">{t('queue.col.serverId')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.localId} data-testid={`queue-synced-${entry.invoiceNumber}`}>
            <th scope="row">
              {entry.invoiceNumber}
              {entry.edited ? <span className="pill"> {t('queue.entry.edited')}</span> : null}
              <ApprovalNotes approvals={entry.approvals} t={t} />
            </th>
            <CommonCells entry={entry} formatTotal={formatTotal} formatTime={formatTime} />
            <td>{entry.syncedAt ? formatTime(entry.syncedAt) : '—'}</td>
            <td>
              <code>{entry.serverId ?? '—'}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function VoidedTable({ entries, t, formatTotal, formatTime }: QueueTableProps): React.JSX.Element {
  return (
    <table data-testid="queue-voided">
      <thead>
        <tr>
          <CommonHeads t={t} />
          <th scope="col">{t('queue.col.reason')}</th>
          <th scope="col">{t('queue.col.voidedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.localId} data-testid={`queue-voided-${entry.invoiceNumber}`}>
            <th scope="row">
              {entry.invoiceNumber}
              <ApprovalNotes approvals={entry.approvals} t={t} />
            </th>
            <CommonCells entry={entry} formatTotal={formatTotal} formatTime={formatTime} />
            <td>{entry.voidReason ?? ''}</td>
            <td data-testid="queue-voided-by">{entry.voidedBy ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Search results: any state, so the manager sees where an invoice is without knowing which table to read. */
export function FoundTable({ entries, t, formatTotal, formatTime }: QueueTableProps): React.JSX.Element {
  return (
    <table data-testid="queue-found">
      <thead>
        <tr>
          <CommonHeads t={t} />
          <th scope="col">{t('queue.col.state')}</th>
          <th scope="col" className="num">
            {t('queue.col.attempts')}
          </th>
          <th scope="col">{t('queue.col.serverId')}</th>
          <th scope="col">{t('queue.col.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.localId} data-testid={`queue-found-${entry.invoiceNumber}`} data-state={entry.state}>
            <th scope="row">{entry.invoiceNumber}</th>
            <CommonCells entry={entry} formatTotal={formatTotal} formatTime={formatTime} />
            <td>{entry.state === 'sending' ? t('queue.state.sending') : t(`queue.state.${entry.state}`)}</td>
            <td className="num">{entry.attempts}</td>
            <td>
              <code>{entry.serverId ?? '—'}</code>
            </td>
            <td>{entry.state === 'voided' ? (entry.voidReason ?? '') : problemText(entry, t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
