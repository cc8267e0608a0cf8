/**
 * Main's real checkout service behind the fake host's `sale.*` methods, on a real SQLite file: the
 * component tests see main's pricing, limits and approvals, not a hand-written imitation. Only the
 * catalog (a map), the customers and the manager approvals are supplied by the test.
 */
import { DEFAULT_SCALE_BARCODE_RULES, type ScaleBarcodeRule } from '../../../../shared/catalog/scaleBarcode';
import type { ContractHandlers, MethodName } from '../../../../shared/contract';
import type { CatalogItem, ResolveResult } from '../../../../shared/contract/catalog';
import { ServiceError } from '../../../../shared/errors';
import { NO_DISCOUNT_LIMIT } from '../../../../shared/sale/discountLimits';
import { NO_TAX } from '../../../../shared/sale/sale';
import type { PaymentMethodRule } from '../../../../shared/sale/saleRules';
import type { ReturnedCustomer } from '../../../../main/customer/customerService';
import { createCheckoutService, type ApprovalGate } from '../../../../main/sale/checkoutService';
import type { PricingRules } from '../../../../main/sale/draft';
import { SaleService } from '../../../../main/sale/saleService';
import { DraftStore } from '../../../../main/store/draftStore';
import { OutboxStore } from '../../../../main/store/outboxStore';
import { quietLogger } from '../../../integration/outbox/harness';
import { SETTINGS, tempDatabase } from '../../outbox/fixtures';
import type { ReceiptContext } from '../../../../shared/receipt/receipt';
import { fakeHost } from './fakeHost';

export interface MainCheckoutOptions {
  readonly catalog: ReadonlyMap<string, CatalogItem>;
  readonly pricing?: Partial<PricingRules>;
  readonly methods?: readonly PaymentMethodRule[];
  readonly customers?: ReadonlyMap<string, ReturnedCustomer>;
  readonly approvals?: ApprovalGate;
  readonly scaleRules?: readonly ScaleBarcodeRule[];
  /** Header, footer and demo mark main builds the receipt with. */
  readonly receipt?: Partial<ReceiptContext>;
}

const NO_APPROVALS: ApprovalGate = {
  consume: () => {
    throw new ServiceError('forbidden', 'No manager approval in this test');
  },
};

/** Installs the handlers; call the returned cleanup in afterEach (it closes and deletes the file). */
export function handleCheckoutInMain(options: MainCheckoutOptions): () => void {
  const db = tempDatabase('checkout.db');
  const outbox = new OutboxStore(db.opened.db);
  const pricing: PricingRules = { tax: NO_TAX, taxFallback: null, pointValue: 0, lineLimit: NO_DISCOUNT_LIMIT, saleLimit: NO_DISCOUNT_LIMIT, decimals: 0, cashRoundingCoin: null, ...options.pricing };
  // The recorder checks the sale's tax against the configured one: configure the tax main prices with.
  const sales = new SaleService({
    store: outbox,
    settings: () => ({ ...SETTINGS, outlet: 'Main Store', taxType: pricing.tax.name }),
    taxes: () => [{ id: 'tax', ...pricing.tax }],
  });
  const checkout = createCheckoutService({
    drafts: new DraftStore(db.opened.db),
    outbox,
    sales,
    pricing: () => pricing,
    paymentMethods: () => options.methods ?? [{ name: 'Cash', cash: true }, { name: 'Debit Card', cash: false }],
    resolve: async (code): Promise<ResolveResult> => {
      const item = options.catalog.get(code);
      if (!item) return { status: 'unknown_code', code };
      return { status: 'found', item, source: 'cache', warning: item.discontinued ? 'discontinued' : null };
    },
    findItem: (code) => options.catalog.get(code) ?? null,
    scaleRules: () => options.scaleRules ?? DEFAULT_SCALE_BARCODE_RULES,
    customers: { returned: (id) => options.customers?.get(id) ?? null, consumeProof: (proof, id) => proof === `proof-${id}` },
    approvals: () => options.approvals ?? NO_APPROVALS,
    receiptContext: () => ({ header: '', footer: '', demo: false, decimals: pricing.decimals, ...options.receipt }),
    logger: quietLogger(),
  });
  const handlers = checkout.handlers as unknown as Record<MethodName, (input: never) => Promise<unknown>>;
  for (const method of Object.keys(checkout.handlers) as Array<keyof ContractHandlers & `sale.${string}`>) {
    fakeHost.handle(method, async (input) => {
      try {
        return (await handlers[method](input as never)) as never;
      } catch (error) {
        if (error instanceof ServiceError) throw fakeHost.error(error.toShape());
        throw error;
      }
    });
  }
  return () => db.cleanup();
}
