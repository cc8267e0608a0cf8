/**
 * Resolves a scanned or typed code: normalise, look in the cache, and — only when the cache does
 * not know it and DealPOS is reachable — ask `Variant/Detail` at interactive priority and cache the
 * answer. Every outcome is a typed result the checkout screen can branch on.
 */
import { normalizeCode } from '../../shared/catalog/barcode';
import type { CatalogItem, ResolveResult } from '../../shared/contract/catalog';
import type { DealPosClient } from '../dealpos/dealPosClient';
import { DealPosError, DealPosNotFoundError } from '../dealpos/errors';
import type { VariantDetail } from '../dealpos/schemas';
import type { Logger } from '../logging/logger';
import type { CatalogStore } from '../store/catalogStore';
import { toVariantRecord } from './variantRecord';

export interface CodeResolverOptions {
  readonly catalog: CatalogStore;
  readonly client: () => DealPosClient | null;
  /** False when recent requests failed for network reasons: then a cache miss answers at once. */
  readonly online: () => boolean;
  readonly currencyDecimals: () => number;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Longest wait for a request slot and for the answer; a cashier is waiting. */
  readonly maxWaitMs?: number;
  readonly timeoutMs?: number;
}

/** Failures that mean "cannot ask right now", as opposed to DealPOS saying something definite. */
const UNREACHABLE = new Set(['network', 'timeout', 'rate_limited', 'server_error', 'cancelled']);

function found(item: CatalogItem, source: 'cache' | 'dealpos'): ResolveResult {
  return { status: 'found', item, source, warning: item.discontinued ? 'discontinued' : null };
}

/** Codes DealPOS may hold the same GTIN under: as scanned, then the UPC-A ⇄ zero-padded EAN-13 twin. */
function serverCandidates(code: string, symbology: string): string[] {
  if (symbology === 'upca') return [code, `0${code}`];
  if (symbology === 'ean13' && code.startsWith('0')) return [code, code.slice(1)];
  return [code];
}

export class CodeResolver {
  private readonly inFlight = new Map<string, Promise<ResolveResult>>();

  constructor(private readonly options: CodeResolverOptions) {}

  async resolve(raw: string): Promise<ResolveResult> {
    const normalized = normalizeCode(raw);
    if (!normalized.ok) {
      // A store-internal 8/12/13-digit code that is not a GTIN is still sellable if the cache has it.
      const hit = normalized.fallbackKey === null ? null : this.pick(normalized.fallbackKey, normalized.code);
      return hit ? found(hit, 'cache') : { status: 'invalid_code', code: normalized.code, reason: normalized.reason };
    }
    const cached = this.pick(normalized.lookupKey, normalized.code);
    if (cached) return found(cached, 'cache');

    const client = this.options.client();
    if (!client || !this.options.online()) return { status: 'not_cached_offline', code: normalized.code };
    // Two quick scans of the same unknown code share one request.
    const pending = this.inFlight.get(normalized.lookupKey);
    if (pending) return pending;
    const lookup = this.askDealPos(client, normalized.code, normalized.symbology).finally(() => {
      this.inFlight.delete(normalized.lookupKey);
    });
    this.inFlight.set(normalized.lookupKey, lookup);
    return lookup;
  }

  private pick(key: string, code: string): CatalogItem | null {
    return this.options.catalog.findByKey(key, code);
  }

  private async askDealPos(client: DealPosClient, code: string, symbology: string): Promise<ResolveResult> {
    const callOptions = {
      priority: 'interactive' as const,
      maxWaitMs: this.options.maxWaitMs ?? 3000,
      timeoutMs: this.options.timeoutMs ?? 5000,
    };
    for (const candidate of serverCandidates(code, symbology)) {
      let detail: VariantDetail;
      try {
        detail = await client.variantDetail({ code: candidate }, callOptions);
      } catch (error) {
        if (error instanceof DealPosNotFoundError) continue;
        if (error instanceof DealPosError && UNREACHABLE.has(error.code)) {
          this.options.logger?.warn(`Code ${code} is not cached and DealPOS could not be asked (${error.code})`);
          return { status: 'not_cached_offline', code };
        }
        throw error;
      }
      const now = (this.options.now ?? (() => new Date()))().toISOString();
      const record = toVariantRecord(detail, this.options.currencyDecimals(), now);
      if (!record) {
        this.options.logger?.warn(`DealPOS returned variant ${candidate} with an unusable code or price; not caching it`);
        return { status: 'unknown_code', code };
      }
      this.options.catalog.upsertMany([record]);
      const item = this.options.catalog.findByCode(record.code);
      return item ? found(item, 'dealpos') : { status: 'unknown_code', code };
    }
    return { status: 'unknown_code', code };
  }
}
