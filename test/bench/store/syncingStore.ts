/** What store.scanDuringSync.bench.ts and its app process (syncingStoreHost.ts) agree on. */
export const SYNC_VARIANTS = 200_000;

/** The host's stdout, one JSON object a line, in this order. */
export type HostLine =
  /** The store is set up for selling (its sync is running by then). */
  | { readonly url: string }
  /** Codes the cache already holds, once `done` variants are stored. */
  | { readonly codes: readonly string[]; readonly done: number }
  /** The full pass completed, `syncMs` after connecting. */
  | { readonly complete: true; readonly syncMs: number; readonly variants: number }
  /** Main's own time in one `sale.scan` call, and whether the sync ran from its start to its end. */
  | { readonly handledMs: number; readonly syncing: boolean };
