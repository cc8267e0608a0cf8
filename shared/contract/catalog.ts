import { z } from 'zod';
import type { InvalidCodeReason } from '../catalog/barcode';
import type { Money } from '../money';
import { text } from '../text/text';
import { method, returns } from './define';

/** One sellable variant as the counter sees it. */
export interface CatalogItem {
  readonly code: string;
  readonly name: string;
  readonly product: string;
  /** Minor units: the configured outlet's price where DealPOS has one, else the variant's unit price. */
  readonly price: Money;
  readonly discontinued: boolean;
  /** When the cache last got this row from DealPOS (ISO 8601 with offset). */
  readonly updatedAt: string;
}

/**
 * What a scanned or typed code resolves to. Only `found` can be sold; a discontinued item is still
 * found (so the cashier can decide) but carries `warning: 'discontinued'`.
 */
export type ResolveResult =
  | { readonly status: 'found'; readonly item: CatalogItem; readonly source: 'cache' | 'dealpos'; readonly warning: 'discontinued' | null }
  | { readonly status: 'unknown_code'; readonly code: string }
  | { readonly status: 'not_cached_offline'; readonly code: string }
  | { readonly status: 'invalid_code'; readonly code: string; readonly reason: InvalidCodeReason };

/**
 * `syncing`: pages are coming in; `waiting`: offline or out of request budget, will resume by itself;
 * `error`: needs a person (e.g. DealPOS refused the credentials); `complete`: the last full pass finished.
 */
export type CatalogSyncState = 'idle' | 'syncing' | 'waiting' | 'error' | 'complete';

export interface CatalogProgress {
  readonly state: CatalogSyncState;
  /** Variants stored in the current pass (or the last complete one). */
  readonly done: number;
  /** Variants DealPOS reports, null while unknown. */
  readonly total: number | null;
  /**
   * Estimated time until the pass completes, null when unknown or not syncing: the slower of the
   * pace measured so far and what the request quota allows for the pages left.
   */
  readonly etaMs: number | null;
  /** While syncing: the next page waits this long for the DealPOS request quota (null when it need not wait). */
  readonly quotaWaitMs: number | null;
  /** ISO 8601 with offset of the last completed pass. */
  readonly lastSyncAt: string | null;
  readonly lastError: string | null;
  /**
   * Rises with every snapshot main hands out, answers and events alike. Keep the highest: in the
   * browser host, events and answers travel over two connections and can arrive out of order, and an
   * older "syncing" must not overwrite a newer "complete".
   */
  readonly revision: number;
}

/** Progress as the sync loop sees it; main stamps the revision when it hands a snapshot out. */
export type CatalogProgressSnapshot = Omit<CatalogProgress, 'revision'>;

/** The newer of two snapshots (by revision); `current` when `next` is older. */
export function newerCatalogProgress(current: CatalogProgress | null, next: CatalogProgress): CatalogProgress {
  return current !== null && current.revision > next.revision ? current : next;
}

export const SEARCH_MAX_LIMIT = 100;

export const catalogMethods = {
  'catalog.search': method({
    input: z
      .object({
        // Empty is a valid search.
        query: text({ max: 200, min: 0 }),
        limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT).default(20),
      })
      .strict(),
    result: returns<CatalogItem[]>(),
  }),
  // The generous max lets the resolver answer an oversized scan with `invalid_code` instead of a bare
  // validation error; min 0 likewise leaves a blank code to the resolver (`invalid_code`, reason `empty`).
  'catalog.resolve': method({ input: z.object({ code: text({ max: 4096, min: 0 }) }).strict(), result: returns<ResolveResult>() }),
  'catalog.syncNow': method({ input: z.object({}).strict(), result: returns<CatalogProgress>() }),
  'catalog.syncState': method({ input: z.object({}).strict(), result: returns<CatalogProgress>() }),
  /** The catalog's shortest code length (null when empty): the checkout's scan detector accepts codes that short. */
  'catalog.shortestCode': method({ input: z.object({}).strict(), result: returns<{ readonly length: number | null }>() }),
};

export const catalogEvents = {
  catalogProgress: returns<CatalogProgress>(),
};
