import type { StateCreator } from 'zustand';
import { newerCatalogProgress, type CatalogProgress } from '../../shared/contract/catalog';
import type { QueueEntry } from '../../shared/contract/queue';
import type { InvoicePatch } from '../../shared/invoice/invoicePatch';
import { pos } from '../api/pos';
import { attempt, type ActionResult } from './actionResult';
import { errorMessage } from './errorMessage';
import type { StoreState } from './store';

/** How many synced and voided invoices the queue screen shows; older ones live in DealPOS. */
export const RECENT_LIMIT = 20;

export interface QueueLists {
  /** Waiting or in flight, oldest first. */
  readonly pending: readonly QueueEntry[];
  /** Rejected by DealPOS: a manager must fix and resend or void them. */
  readonly needsAttention: readonly QueueEntry[];
  readonly recentlySynced: readonly QueueEntry[];
  readonly recentlyVoided: readonly QueueEntry[];
}

export interface SyncState {
  readonly queue: QueueLists | null;
  readonly queueError: string | null;
  readonly syncing: boolean;
  readonly catalog: CatalogProgress | null;
  readonly catalogError: string | null;
}

export interface SyncSlice {
  readonly sync: SyncState;
  loadQueue: () => Promise<void>;
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
  queueError: null,
  syncing: false,
  catalog: null,
  catalogError: null,
};

function byCreated(a: QueueEntry, b: QueueEntry): number {
  return a.createdAt.localeCompare(b.createdAt);
}

function byNewest(key: 'syncedAt' | 'createdAt') {
  return (a: QueueEntry, b: QueueEntry): number => (b[key] ?? b.createdAt).localeCompare(a[key] ?? a.createdAt);
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
      try {
        const [pending, sending, rejected, synced, voided] = await Promise.all([
          pos.queue.list({ state: 'pending', limit: 500 }),
          pos.queue.list({ state: 'sending', limit: 500 }),
          pos.queue.list({ state: 'rejected', limit: 500 }),
          pos.queue.list({ state: 'synced', limit: RECENT_LIMIT }),
          pos.queue.list({ state: 'voided', limit: RECENT_LIMIT }),
        ]);
        patch({
          queue: {
            pending: [...sending, ...pending].sort(byCreated),
            needsAttention: [...rejected].sort(byCreated),
            recentlySynced: [...synced].sort(byNewest('syncedAt')),
            recentlyVoided: [...voided].sort(byNewest('createdAt')),
          },
          queueError: null,
        });
      } catch (error) {
        patch({ queueError: errorMessage(error) });
      }
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
