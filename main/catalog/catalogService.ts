/**
 * The `catalog.*` methods over the current session: one CodeResolver and (when an account is
 * connected) one CatalogSync per session, replaced whenever the account service switches mode.
 */
import type { ContractHandlers } from '../../shared/contract';
import type { CatalogProgress, CatalogProgressSnapshot, ResolveResult } from '../../shared/contract/catalog';
import type { AccountService } from '../account/accountService';
import type { Logger } from '../logging/logger';
import { CatalogSync } from '../sync/catalogSync';
import type { BulkWriter } from '../workers/bulkWriter';
import type { StorageHealth } from '../storage/storageGuard';
import { CodeResolver } from './codeResolver';

type CatalogMethod = Extract<keyof ContractHandlers, `catalog.${string}`>;
export type CatalogHandlers = Pick<ContractHandlers, CatalogMethod>;

export interface CatalogService {
  readonly handlers: CatalogHandlers;
  resolve(code: string): Promise<ResolveResult>;
  progress(): CatalogProgress;
}

export interface CatalogServiceOptions {
  readonly account: AccountService;
  /** Each catalog page main reads, for the event-loop monitor. */
  readonly noteActivity?: (label: string) => void;
  /** The current session's bulk writer thread, read as each session starts; catalog commits go there when there is one. */
  readonly bulkWriter?: () => BulkWriter | null;
  readonly onProgress: (progress: CatalogProgress) => void;
  readonly logger?: Logger;
  /** The disk's state: a pass stopped by a full disk starts again when space is back. */
  readonly storage?: StorageHealth;
}

export function createCatalogService(options: CatalogServiceOptions): CatalogService {
  const { account, logger } = options;
  let resolver: CodeResolver | null = null;
  let sync: CatalogSync | null = null;
  // One counter for answers and events: main is single-threaded, so a higher number is a later snapshot.
  let revision = 0;
  const stamp = (snapshot: CatalogProgressSnapshot): CatalogProgress => ({ ...snapshot, revision: ++revision });
  const emit = (snapshot: CatalogProgressSnapshot): void => options.onProgress(stamp(snapshot));

  account.onSession((session) => {
    const decimals = (): number => session.settings.get().currencyDecimals;
    // The session's own writer: started before this (registered first), closed with the session.
    const writer = options.bulkWriter?.() ?? null;
    resolver = new CodeResolver({
      catalog: session.catalog,
      client: () => session.client,
      online: () => account.online(),
      currencyDecimals: decimals,
      ...(logger ? { logger } : {}),
    });
    const current = session.client
      ? new CatalogSync({
          client: session.client,
          catalog: session.catalog,
          state: session.catalogState,
          currencyDecimals: decimals,
          onProgress: emit,
          quota: () => session.budget?.backgroundPace() ?? null,
          ...(logger ? { logger } : {}),
          ...(writer ? { writer } : {}),
          ...(options.noteActivity ? { noteActivity: options.noteActivity } : {}),
          ...(options.storage ? { storage: options.storage } : {}),
        })
      : null;
    sync = current;
    current?.start();
    options.onProgress(progress());
    // Prices are stored in minor units: a new currency precision needs a fresh pass.
    const off = session.settings.onChange((next, previous) => {
      if (next.currencyDecimals !== previous.currencyDecimals) current?.syncNow();
    });
    const offStorage = current && options.storage ? options.storage.onRecovered(() => current.resumeAfterFullDisk()) : () => undefined;
    return async () => {
      off();
      offStorage();
      if (sync === current) sync = null;
      await current?.close();
    };
  });

  function progress(): CatalogProgress {
    if (sync) return stamp(sync.progress());
    return stamp({ state: 'idle', done: account.session().catalog.count(), total: null, etaMs: null, quotaWaitMs: null, lastSyncAt: null, lastError: null });
  }

  async function resolve(code: string): Promise<ResolveResult> {
    if (!resolver) return { status: 'not_cached_offline', code: code.trim().slice(0, 64) };
    return resolver.resolve(code);
  }

  return {
    resolve,
    progress,
    handlers: {
      'catalog.search': async ({ query, limit }) => account.session().catalog.search(query, limit),
      'catalog.resolve': async ({ code }) => resolve(code),
      'catalog.syncNow': async () => (sync ? stamp(sync.syncNow()) : progress()),
      'catalog.syncState': async () => progress(),
      'catalog.shortestCode': async () => ({ length: account.session().catalog.shortestCodeLength() }),
    },
  };
}
