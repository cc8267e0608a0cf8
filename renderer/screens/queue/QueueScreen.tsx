import { useCallback, useEffect, useRef, useState } from 'react';
import { formatMoney, IDR } from '../../../shared/money';
import type { IssuedApproval } from '../../../shared/contract/approval';
import type { QueueEntry } from '../../../shared/contract/queue';
import type { SettingsOptions } from '../../../shared/contract/settings';
import { ManagerApproval } from '../../components/approval/ManagerApproval';
import { Dialog } from '../../components/checkout/Dialog';
import { DrainProgress } from '../../components/queue/DrainProgress';
import { Kbd } from '../../components/shell/Kbd';
import { QueueFind } from '../../components/queue/QueueFind';
import { QueuePager } from '../../components/queue/QueuePager';
import { PendingTable, SyncedTable, VoidedTable } from '../../components/queue/QueueTables';
import { RejectedInvoiceCard } from '../../components/queue/RejectedInvoiceCard';
import { diskFullText } from '../../i18n/diskFullText';
import { formatCount, formatDateTime } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useShortcut } from '../../shortcuts/useShortcut';
import { useStore } from '../../state/store';
import { QUEUE_PAGE_SIZE } from '../../state/syncSlice';
import { useQueueRefresh } from './useQueueRefresh';

const SYNC_KEYS = 'F5';
const NO_OPTIONS: SettingsOptions = { outlets: [], paymentMethods: [], taxes: [], source: 'none', fetchedAt: null };

/** A void waiting for the manager's PIN; `finish` answers the void form (an error message, or null). */
interface PendingVoid {
  readonly entry: QueueEntry;
  readonly reason: string;
  readonly finish: (failure: string | null) => void;
}

function CancelOnEscape({ onCancel }: { readonly onCancel: () => void }): null {
  useShortcut({ id: 'queue.approval.cancel', keys: 'Escape', label: 'approval.shortcut.cancel', group: 'queue.group' }, onCancel);
  return null;
}

/** The manager's view of the outbox: what DealPOS refused, what is waiting, what went through. */
export function QueueScreen(): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  useQueueRefresh();
  const lists = useStore((s) => s.sync.queue);
  const queueError = useStore((s) => s.sync.queueError);
  const browse = useStore((s) => s.sync.queueBrowse);
  const browseQueue = useStore((s) => s.browseQueue);
  const findNumber = useCallback((number: string) => void browseQueue({ number }), [browseQueue]);
  const syncing = useStore((s) => s.sync.syncing);
  const status = useStore((s) => s.app.status.queue);
  const disk = useStore((s) => s.app.status.disk);
  const decimals = useStore((s) => s.settings.values?.currencyDecimals ?? 0);
  const options = useStore((s) => s.settings.options) ?? NO_OPTIONS;
  const loadOptions = useStore((s) => s.loadOptions);
  const syncQueueNow = useStore((s) => s.syncQueueNow);
  const retryInvoice = useStore((s) => s.retryInvoice);
  const fixAndResend = useStore((s) => s.fixAndResend);
  const voidInvoice = useStore((s) => s.voidInvoice);
  const [flash, setFlash] = useState<string | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [pendingVoid, setPendingVoid] = useState<PendingVoid | null>(null);
  const flashRef = useRef<HTMLParagraphElement>(null);

  // The card that had focus is gone once its invoice is resent or voided: land on the outcome.
  useEffect(() => {
    if (flash) flashRef.current?.focus();
  }, [flash]);

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  const syncNow = useCallback(async (): Promise<void> => {
    const result = await syncQueueNow();
    setSyncError(result.ok ? null : result.message);
  }, [syncQueueNow]);
  useShortcut({ id: 'queue.syncNow', keys: SYNC_KEYS, label: 'queue.shortcut.syncNow', group: 'queue.group' }, () => void syncNow());

  // Rupiah amounts read the Indonesian way (Rp 27.500) in either UI language, as on the receipt.
  const formatTotal = (amount: number): string => formatMoney(amount, { ...IDR, decimals });
  // Payload amounts are in major units, as sent to DealPOS; rounding only guards against float noise.
  const formatPayment = (major: number): string => formatTotal(Math.round(major * 10 ** decimals));
  const formatTime = (iso: string): string => formatDateTime(locale, iso);

  // Voiding needs a manager: the reason form waits while the PIN prompt is open.
  const askToVoid = (entry: QueueEntry, reason: string): Promise<string | null> =>
    new Promise((finish) => setPendingVoid({ entry, reason, finish }));
  const cancelVoid = (): void => {
    pendingVoid?.finish(null);
    setPendingVoid(null);
  };
  const voidApproved = async (approval: IssuedApproval): Promise<void> => {
    if (!pendingVoid) return;
    const { entry, reason, finish } = pendingVoid;
    setPendingVoid(null);
    const result = await voidInvoice(entry.localId, reason, approval.approvalId);
    if (result.ok) setFlash(t('queue.result.voided', { number: entry.invoiceNumber }));
    finish(result.ok ? null : result.message);
  };

  return (
    <section className="screen-queue" aria-labelledby="queue-heading">
      <div className="screen-header">
        <h1 id="queue-heading">{t('queue.title')}</h1>
        <button type="button" className="button button-primary" disabled={syncing} onClick={() => void syncNow()} data-testid="queue-sync-now">
          {syncing ? t('queue.syncing') : t('queue.syncNow')} <Kbd keys={SYNC_KEYS} />
        </button>
      </div>
      <p className="muted" data-testid="queue-summary">
        {status.lastSyncAt ? t('queue.lastSync', { time: formatTime(status.lastSyncAt) }) : t('queue.neverSynced')}
        {status.lastError ? <> · {t('queue.lastError', { message: status.lastError })}</> : null}
      </p>
      {status.drain ? <DrainProgress drain={status.drain} locale={locale} t={t} /> : null}
      {disk ? (
        <p className="notice notice-warning" role="alert" data-testid="queue-disk-full">
          {diskFullText(disk, locale, t)}
        </p>
      ) : status.pausedReason ? (
        <p className="notice notice-warning" role="alert">
          {t('shell.status.paused', { reason: status.pausedReason })}
        </p>
      ) : null}
      {syncError ? (
        <p className="notice notice-error" role="alert">
          {t('queue.syncFailed', { message: syncError })}
        </p>
      ) : null}
      {queueError ? (
        <p className="notice notice-error" role="alert">
          {t('queue.loadFailed', { message: queueError })}
        </p>
      ) : null}
      {flash ? (
        <p className="notice notice-success" role="status" tabIndex={-1} ref={flashRef} data-testid="queue-flash">
          {flash}
        </p>
      ) : null}
      {!lists ? (
        <p role="status">{t('queue.loading')}</p>
      ) : (
        <>
          <QueueFind number={browse.number} found={lists.found} t={t} onFind={findNumber} formatTotal={formatTotal} formatTime={formatTime} />
          <section className="queue-section" aria-labelledby="attention-heading" data-testid="queue-attention">
            <h2 id="attention-heading">{t('queue.attention.title', { count: lists.needsAttention.length })}</h2>
            {lists.needsAttention.length === 0 ? <p className="muted">{t('queue.attention.empty')}</p> : null}
            {lists.needsAttention.map((entry) => (
              <RejectedInvoiceCard
                key={entry.localId}
                entry={entry}
                options={options}
                t={t}
                formatTotal={formatTotal}
                formatTime={formatTime}
                formatPayment={formatPayment}
                onResend={async () => {
                  const result = await retryInvoice(entry.localId);
                  if (result.ok) setFlash(t('queue.result.resent', { number: entry.invoiceNumber }));
                  return result.ok ? null : result.message;
                }}
                onFix={async (patch) => {
                  const result = await fixAndResend(entry.localId, patch);
                  if (result.ok) setFlash(t('queue.result.resent', { number: entry.invoiceNumber }));
                  return result.ok ? null : result.message;
                }}
                onVoid={(reason) => askToVoid(entry, reason)}
              />
            ))}
          </section>
          <section className="queue-section card" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{t('queue.pending.title', { count: formatCount(locale, lists.waiting.total) })}</h2>
            <PendingTable entries={lists.waiting.entries} t={t} formatTotal={formatTotal} formatTime={formatTime} />
            <QueuePager
              page={lists.waiting}
              pageSize={QUEUE_PAGE_SIZE}
              name="waiting"
              label={t('queue.page.waitingLabel')}
              locale={locale}
              t={t}
              onOffset={(waitingOffset) => void browseQueue({ waitingOffset })}
            />
          </section>
          <section className="queue-section card" aria-labelledby="synced-heading">
            <h2 id="synced-heading">{t('queue.synced.title')}</h2>
            <SyncedTable entries={lists.synced.entries} t={t} formatTotal={formatTotal} formatTime={formatTime} />
            <QueuePager
              page={lists.synced}
              pageSize={QUEUE_PAGE_SIZE}
              name="synced"
              label={t('queue.page.syncedLabel')}
              locale={locale}
              t={t}
              onOffset={(syncedOffset) => void browseQueue({ syncedOffset })}
            />
          </section>
          {lists.recentlyVoided.length > 0 ? (
            <section className="queue-section card" aria-labelledby="voided-heading">
              <h2 id="voided-heading">{t('queue.voided.title')}</h2>
              <VoidedTable entries={lists.recentlyVoided} t={t} formatTotal={formatTotal} formatTime={formatTime} />
            </section>
          ) : null}
        </>
      )}
      {pendingVoid ? (
        <>
          <CancelOnEscape onCancel={cancelVoid} />
          <Dialog title={t('approval.title')} testId="void-approval-dialog" onClose={cancelVoid}>
            <ManagerApproval
              request={{ action: 'queue_void', localId: pendingVoid.entry.localId }}
              description={t('approval.describe.queueVoid', { number: pendingVoid.entry.invoiceNumber, reason: pendingVoid.reason })}
              t={t}
              onApproved={(approval) => void voidApproved(approval)}
              onCancel={cancelVoid}
            />
          </Dialog>
        </>
      ) : null}
    </section>
  );
}
