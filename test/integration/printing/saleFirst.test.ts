/**
 * Printing never decides whether a sale happened: when telling the printer fails outright, the sale
 * is still recorded and answered as recorded, and the failure is in the log.
 */
import { afterEach, expect, it } from 'vitest';
import type { CatalogItem } from '../../../shared/contract/catalog';
import { ServiceError } from '../../../shared/errors';
import { NO_DISCOUNT_LIMIT } from '../../../shared/sale/discountLimits';
import { NO_TAX } from '../../../shared/sale/sale';
import { createCheckoutService } from '../../../main/sale/checkoutService';
import { SaleService } from '../../../main/sale/saleService';
import { DraftStore } from '../../../main/store/draftStore';
import { OutboxStore } from '../../../main/store/outboxStore';
import { quietLogger } from '../outbox/harness';
import { SETTINGS, tempDatabase } from '../../unit/outbox/fixtures';

const db = tempDatabase('sale-first.db');
afterEach(() => db.cleanup());

it('a sale is recorded and answered even when printing cannot be told about it', async () => {
  const outbox = new OutboxStore(db.opened.db);
  const item: CatalogItem = { code: 'TEH-1', name: 'Teh Botol Sosro 450ml', product: 'Teh Botol', price: 5_000, discontinued: false, updatedAt: '2026-12-04T10:00:00+07:00' };
  const lines: string[] = [];
  const { handlers } = createCheckoutService({
    drafts: new DraftStore(db.opened.db),
    outbox,
    sales: new SaleService({ store: outbox, settings: () => ({ ...SETTINGS, taxType: NO_TAX.name }) }),
    pricing: () => ({ tax: NO_TAX, taxFallback: null, pointValue: 0, lineLimit: NO_DISCOUNT_LIMIT, saleLimit: NO_DISCOUNT_LIMIT, decimals: 0, cashRoundingCoin: null }),
    paymentMethods: () => [{ name: 'Cash', cash: true }],
    resolve: async () => ({ status: 'found', item, source: 'cache', warning: null }),
    findItem: () => item,
    scaleRules: () => [],
    customers: { returned: () => null, consumeProof: () => false },
    approvals: () => ({
      consume: () => {
        throw new ServiceError('forbidden', 'none');
      },
    }),
    receiptContext: () => ({ header: 'Toko Maju Jaya', footer: '', demo: false, decimals: 0 }),
    onRecorded: () => {
      throw new ServiceError('conflict', 'The app is switching between accounts; try again in a moment');
    },
    logger: quietLogger(lines),
  });
  const { sale } = await handlers['sale.current']({});
  await handlers['sale.scan']({ draftId: sale.draftId, code: item.code });
  await handlers['sale.addPayment']({ draftId: sale.draftId, method: 'Cash', amount: 10_000 });
  const { recorded } = await handlers['sale.complete']({ draftId: sale.draftId });
  expect(recorded.receipt).toMatchObject({ invoiceNumber: recorded.invoiceNumber, total: 5_000, change: 5_000, header: ['Toko Maju Jaya'], cashPaid: true });
  expect(outbox.recordedSale(sale.draftId)?.invoiceNumber).toBe(recorded.invoiceNumber);
  expect(lines.join('\n')).toContain(`sale ${recorded.invoiceNumber} is recorded, but printing could not be told`);
});
