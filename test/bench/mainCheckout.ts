/**
 * Main's checkout over a real SQLite file with no DealPOS account (so every sale stays queued), as
 * the benches drive it: the real checkout and outbox services, a three-item catalog answered from a
 * map (the rows measure main, not a lookup), 20 % discount limits and cash.
 */
import type { CatalogItem } from '../../shared/contract/catalog';
import type { ContractHandlers } from '../../shared/contract';
import { discountLimitFromPercent } from '../../shared/sale/discountLimits';
import { createLogger } from '../../main/logging/logger';
import { EventHub } from '../../main/events/eventHub';
import { StatusService } from '../../main/events/statusService';
import type { CheckoutServiceOptions } from '../../main/sale/checkoutService';
import { DEMO_FIXTURES } from '../../main/simulator/demoData';
import { openDatabase, type OpenedDatabase } from '../../main/store/database';
import { createOutboxService, type OutboxService } from '../../main/sync/outboxService';
import { createCatalogCheckout } from '../support/catalogCheckout';

const { cardiganL, indomie, aqua } = DEMO_FIXTURES.variants;
/** A typical basket: four scans (one repeat), a line discount within the limit. */
export const TYPICAL_SCANS: readonly string[] = [cardiganL.code, indomie.code, indomie.code, aqua.code];

type SaleHandlers = Pick<ContractHandlers, 'sale.current' | 'sale.scan' | 'sale.setLineDiscount' | 'sale.addPayment' | 'sale.complete'>;

export interface BenchCheckout {
  readonly opened: OpenedDatabase;
  readonly outbox: OutboxService;
  readonly handlers: SaleHandlers;
  close(): Promise<void>;
}

/** Checkout options a bench may set beyond the defaults (a printing bench hooks recorded sales). */
export type BenchCheckoutExtras = Partial<Pick<CheckoutServiceOptions, 'receiptContext' | 'onRecorded'>>;

export function openBenchCheckout(file: string, extras: BenchCheckoutExtras = {}): BenchCheckout {
  const opened = openDatabase({ file });
  const events = new EventHub();
  const logger = createLogger(() => undefined);
  const outbox = createOutboxService({
    db: opened.db,
    settings: () => ({ outlet: 'Outlet1', register: 'Outlet1', salesTag: 'Offline', currencyDecimals: 0, invoiceNumberPrefix: 'BENCH', taxType: 'PPN 11%' }),
    taxes: () => [{ id: 't', name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false }],
    client: () => null,
    status: new StatusService(events),
    events,
    logger,
  });
  const catalog = new Map<string, CatalogItem>(
    [cardiganL, indomie, aqua].map((v) => [v.code, { code: v.code, name: v.name, product: v.name, price: v.price, discontinued: false, updatedAt: '2026-12-04T10:00:00+07:00' }]),
  );
  const { handlers } = createCatalogCheckout({
    db: opened.db,
    outbox,
    catalog,
    logger,
    pricing: {
      tax: { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
      taxFallback: null,
      pointValue: 0,
      lineLimit: discountLimitFromPercent(20),
      saleLimit: discountLimitFromPercent(20),
      decimals: 0,
      cashRoundingCoin: null,
    },
    extras,
  });
  return {
    opened,
    outbox,
    handlers,
    close: async () => {
      await outbox.stop();
      opened.close();
    },
  };
}

/**
 * Rings up the typical basket on `draftId` and pays it in cash, ready for `sale.complete`.
 * `onScan` gets each `sale.scan`'s duration in ms. Returns the payment answer.
 */
export async function ringTypicalSale(handlers: SaleHandlers, draftId: string, onScan?: (ms: number) => void): Promise<unknown> {
  for (const code of TYPICAL_SCANS) {
    const start = performance.now();
    await handlers['sale.scan']({ draftId, code });
    onScan?.(performance.now() - start);
  }
  const lines = (await handlers['sale.current']({})).sale.lines;
  await handlers['sale.setLineDiscount']({ draftId, lineId: lines[1]?.lineId ?? '', discount: { kind: 'percent', basisPoints: 1_000 } });
  return handlers['sale.addPayment']({ draftId, method: 'Cash', amount: 400_000 });
}
