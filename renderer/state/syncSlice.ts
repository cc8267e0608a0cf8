import type { StateCreator } from 'zustand';
import { newerCatalogProgress, type CatalogProgress } from '../../shared/contract/catalog';
import type { QueueEntry, QueuePage } from '../../shared/contract/queue';
import type { InvoicePatch } from '../../shared/invoice/invoicePatch';
import { pos } from '../api/pos';
import { attempt, type ActionResult } from './actionResult';
import { errorMessage } from './errorMessage';
import type { StoreState } from './store';

/** Rows per page of the waiting and synced tables: a week offline is thousands, paged, never one long table. */
export const QUEUE_PAGE_SIZE = 50;
/** How many voided invoices the queue screen shows; they are rare and kept for the record. */
export const RECENT_LIMIT = 20;

export interface QueueLists {
  /** Waiting or in flight, oldest first: the page the manager is on. */
  readonly waiting: QueuePage;
  /** Rejected by DealPOS: a manager must fix and resend or void them. */
  readonly needsAttention: readonly QueueEntry[];
  /** Synced, newest first: the page the manager is on. */
  readonly synced: QueuePage;
  readonly recentlyVoided: readonly QueueEntry[];
  /** Entries in any state whose invoice number contains `QueueBrowse.number`; null when not searching. */
  readonly found: QueuePage | null;
}

/** Where the manager is in the queue: each table's page, and the invoice number being looked for. */
export interface QueueBrowse {
  readonly waitingOffset: number;
  readonly syncedOffset: number;
  readonly number: string;
}

export interface SyncState {
  readonly queue: QueueLists | null;
  readonly queueBrowse: QueueBrowse;
  readonly queueError: string | null;
  readonly syncing: boolean;
  readonly catalog: CatalogProgress | null;
  readonly catalogError: string | null;
}

export interface SyncSlice {
  readonly sync: SyncState;
  loadQueue: () => Promise<void>;
  /** Moves a table to another page (or the search to another number) and reloads. */
  browseQueue: (next: Partial<QueueBrowse>) => Promise<void>;
  syncQueueNow: () => Promise<ActionResult<void>>;
  retryInvoice: (localId: string) => Promise<ActionResult<QueueEntry>>;
  /** Saves the fix, then sends the invoice again; a failed save sends nothing. */
  fixAndResend: (localId: string, patch: InvoicePatch) => Promise<ActionResult<QueueEntry>>;
  /** `approvalId`: a manager's approval of `{ action: 'queue_void', localId }` (manager.approve). */
  voidInvoice: (localId: string, reason: string, approvalId: string) => Promise<ActionResult<QueueEntry>>;
  loadCatalogState: () => Promise<void>;
  setCatalogProgress: (progress: CatalogProgress) => void;
  syncCatalogNow: () => Promise<ActionResult<void>>;
}

export const initialSyncState: SyncState = {
  queue: null,
  queueBrowse: { waitingOffset: 0, syncedOffset: 0, number: '' },
  queueError: null,
  syncing: false,
  catalog: null,
  catalogError: null,
};

function byCreated(a: QueueEntry, b: QueueEntry): number {
  return a.createdAt.localeCompare(b.createdAt);
}

/** A page whose rows all went (synced while the manager looked at the last page) steps back to the last real page. */
function lastPageOffset(page: QueuePage): number | null {
  if (page.entries.length > 0 || page.offset === 0) return null;
  return Math.max(0, Math.floor((page.total - 1) / QUEUE_PAGE_SIZE) * QUEUE_PAGE_SIZE);
}

export const createSyncSlice: StateCreator<StoreState, [], [], SyncSlice> = (set, get) => {
  const patch = (next: Partial<SyncState>): void => set((s) => ({ sync: { ...s.sync, ...next } }));
  /** Keeps the newest catalog snapshot, whichever way (answer or event) it came and in whatever order. */
  const takeCatalog = (next: CatalogProgress): void => set((s) => ({ sync: { ...s.sync, catalog: newerCatalogProgress(s.sync.catalog, next) } }));
  const thenReload = async <T>(result: ActionResult<T>): Promise<ActionResult<T>> => {
    await get().loadQueue();
    return result;
  };

  return {
    sync: initialSyncState,
    loadQueue: async () => {
      const browse = get().sync.queueBrowse;
      const number = browse.number.trim();
      const page = (view: 'waiting' | 'synced', offset: number): Promise<QueuePage> =>
        pos.queue.page({ view, offset, limit: QUEUE_PAGE_SIZE });
      try {
        const [waiting, synced, rejected, voided, found] = await Promise.all([
          page('waiting', browse.waitingOffset),
          page('synced', browse.syncedOffset),
          pos.queue.list({ state: 'rejected', limit: 500 }),
          pos.queue.list({ state: 'voided', limit: RECENT_LIMIT }),
          number ? pos.queue.page({ view: 'all', offset: 0, limit: QUEUE_PAGE_SIZE, number }) : Promise.resolve(null),
        ]);
        const waitingBack = lastPageOffset(waiting);
        const syncedBack = lastPageOffset(synced);
        if (waitingBack !== null || syncedBack !== null) {
          await get().browseQueue({ waitingOffset: waitingBack ?? browse.waitingOffset, syncedOffset: syncedBack ?? browse.syncedOffset });
          return;
        }
        patch({
          queue: { waiting, needsAttention: [...rejected].sort(byCreated), synced, recentlyVoided: voided, found },
          queueError: null,
        });
      } catch (error) {
        patch({ queueError: errorMessage(error) });
      }
    },
    browseQueue: async (next) => {
      patch({ queueBrowse: { ...get().sync.queueBrowse, ...next } });
      await get().loadQueue();
    },
    syncQueueNow: async () => {
      patch({ syncing: true });
      try {
        const result = await attempt(() => pos.queue.syncNow({}));
        return await thenReload(result.ok ? { ok: true, value: undefined } : result);
      } finally {
        patch({ syncing: false });
      }
    },
    retryInvoice: async (localId) => thenReload(await attempt(() => pos.queue.retry({ localId }))),
    fixAndResend: async (localId, fix) => {
      const edited = await attempt(() => pos.queue.edit({ localId, patch: fix }));
      if (!edited.ok) return thenReload(edited);
      return thenReload(await attempt(() => pos.queue.retry({ localId })));
    },
    voidInvoice: async (localId, reason, approvalId) => thenReload(await attempt(() => pos.queue.void({ localId, reason, approvalId }))),
    loadCatalogState: async () => {
      try {
        takeCatalog(await pos.catalog.syncState({}));
        patch({ catalogError: null });
      } catch (error) {
        patch({ catalogError: errorMessage(error) });
      }
    },
    setCatalogProgress: takeCatalog,
    syncCatalogNow: async () => {
      const result = await attempt(() => pos.catalog.syncNow({}));
      if (!result.ok) {
        patch({ catalogError: result.message });
        return result;
      }
      takeCatalog(result.value);
      patch({ catalogError: null });
      return { ok: true, value: undefined };
    },
  };
};
