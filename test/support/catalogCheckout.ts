/**
 * Main's checkout service over a catalog held in a map (no resolver, no DealPOS lookups), as the
 * benches and the checkout crash child ring sales up: cash only, no customers, no manager
 * approvals, the default scale-label rules and a plain receipt. Pricing defaults to no tax and
 * no discount limits.
 */
import type Database from 'better-sqlite3';
import { DEFAULT_SCALE_BARCODE_RULES } from '../../shared/catalog/scaleBarcode';
import type { CatalogItem } from '../../shared/contract/catalog';
import { ServiceError } from '../../shared/errors';
import { NO_DISCOUNT_LIMIT } from '../../shared/sale/discountLimits';
import { NO_TAX } from '../../shared/sale/sale';
import type { Logger } from '../../main/logging/logger';
import { createCheckoutService, type CheckoutServiceOptions } from '../../main/sale/checkoutService';
import type { PricingRules } from '../../main/sale/draft';
import { DraftStore } from '../../main/store/draftStore';
import type { OutboxService } from '../../main/sync/outboxService';

export const PLAIN_PRICING: PricingRules = { tax: NO_TAX, taxFallback: null, pointValue: 0, lineLimit: NO_DISCOUNT_LIMIT, saleLimit: NO_DISCOUNT_LIMIT, decimals: 0, cashRoundingCoin: null };

export interface CatalogCheckoutOptions {
  readonly db: Database.Database;
  readonly outbox: Pick<OutboxService, 'store' | 'sales'>;
  readonly catalog: ReadonlyMap<string, CatalogItem>;
  readonly logger: Logger;
  readonly pricing?: PricingRules;
  /** Options beyond these defaults (a printing bench hooks recorded sales). */
  readonly extras?: Partial<Pick<CheckoutServiceOptions, 'receiptContext' | 'onRecorded'>>;
}

export function createCatalogCheckout(options: CatalogCheckoutOptions): ReturnType<typeof createCheckoutService> {
  const { catalog } = options;
  return createCheckoutService({
    drafts: new DraftStore(options.db),
    outbox: options.outbox.store,
    sales: options.outbox.sales,
    pricing: () => options.pricing ?? PLAIN_PRICING,
    paymentMethods: () => [{ name: 'Cash', cash: true }],
    resolve: async (code) => {
      const item = catalog.get(code);
      return item ? { status: 'found', item, source: 'cache', warning: null } : { status: 'unknown_code', code };
    },
    findItem: (code) => catalog.get(code) ?? null,
    scaleRules: () => DEFAULT_SCALE_BARCODE_RULES,
    receiptContext: () => ({ header: '', footer: '', demo: false, decimals: options.pricing?.decimals ?? 0 }),
    customers: { returned: () => null, consumeProof: () => false },
    approvals: () => ({
      consume: () => {
        throw new ServiceError('forbidden', 'No manager approvals here');
      },
    }),
    logger: options.logger,
    ...options.extras,
  });
}
