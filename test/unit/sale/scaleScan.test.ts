import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_BARCODE_RULES } from '../../../shared/catalog/scaleBarcode';
import type { CatalogItem, ResolveResult } from '../../../shared/contract/catalog';
import type { ScanOutcome } from '../../../shared/contract/sale';
import { NO_DISCOUNT_LIMIT } from '../../../shared/sale/discountLimits';
import { NO_TAX } from '../../../shared/sale/sale';
import { createCheckoutService, type SaleHandlers } from '../../../main/sale/checkoutService';
import { SaleService } from '../../../main/sale/saleService';
import { ean13 } from '../../../main/simulator/ean13';
import { DraftStore } from '../../../main/store/draftStore';
import { OutboxStore } from '../../../main/store/outboxStore';
import { quietLogger } from '../../integration/outbox/harness';
import { SETTINGS, tempDatabase } from '../outbox/fixtures';

const item = (code: string, name: string, price: number, discontinued = false): CatalogItem => ({ code, name, product: name, price, discontinued, updatedAt: '2026-12-06T08:00:00+07:00' });
const BEEF = item('00042', 'Daging Sapi (per kg)', 149_900);
const EGGS = item(ean13('210004201500'), 'Telur Ayam 10 butir', 28_000);
const beefLabel = (grams: number): string => ean13(`2100042${String(grams).padStart(5, '0')}`);

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

/** Main's checkout over a temp SQLite file; `local` is the register's catalog, `remote` what only DealPOS knows. */
function checkout(options: { local: readonly CatalogItem[]; remote?: readonly CatalogItem[]; catalogSynced: boolean }) {
  const db = tempDatabase('scale.db');
  cleanup = () => db.cleanup();
  const local = new Map(options.local.map((i) => [i.code, i]));
  const remote = new Map((options.remote ?? []).map((i) => [i.code, i]));
  const asked: string[] = [];
  const outbox = new OutboxStore(db.opened.db);
  const { handlers } = createCheckoutService({
    drafts: new DraftStore(db.opened.db),
    outbox,
    sales: new SaleService({ store: outbox, settings: () => ({ ...SETTINGS, outlet: 'Main Store', taxType: NO_TAX.name }), taxes: () => [{ id: 'tax', ...NO_TAX }] }),
    pricing: () => ({ tax: NO_TAX, taxFallback: null, pointValue: 0, lineLimit: NO_DISCOUNT_LIMIT, saleLimit: NO_DISCOUNT_LIMIT, decimals: 0, cashRoundingCoin: null }),
    paymentMethods: () => [{ name: 'Cash', cash: true }],
    // Cache first, else "DealPOS" (which then caches), as main's resolver does.
    resolve: async (code): Promise<ResolveResult> => {
      const cached = local.get(code);
      if (cached) return { status: 'found', item: cached, source: 'cache', warning: null };
      asked.push(code);
      const found = remote.get(code);
      if (!found) return { status: 'unknown_code', code };
      local.set(code, found);
      return { status: 'found', item: found, source: 'dealpos', warning: found.discontinued ? 'discontinued' : null };
    },
    findItem: (code) => local.get(code) ?? null,
    scaleRules: () => DEFAULT_SCALE_BARCODE_RULES,
    receiptContext: () => ({ header: '', footer: '', demo: false, decimals: 0 }),
    catalogSynced: () => options.catalogSynced,
    customers: { returned: () => null, consumeProof: () => false },
    approvals: () => ({ consume: () => ({ approvedBy: 'nobody', approvedAt: '' }) }),
    logger: quietLogger(),
  });
  return { handlers, asked };
}

async function scan(handlers: SaleHandlers, code: string): Promise<ScanOutcome> {
  const { sale } = await handlers['sale.current']({});
  return handlers['sale.scan']({ draftId: sale.draftId, code });
}

describe('sale.scan with scale labels', () => {
  it('adds a weighed pack without asking DealPOS for the label code once the catalog is synced', async () => {
    const { handlers, asked } = checkout({ local: [BEEF], catalogSynced: true });
    const outcome = await scan(handlers, beefLabel(1234));
    expect(outcome.status).toBe('added');
    expect(outcome.sale.lines.map((l) => [l.variantCode, l.weightGrams, l.unitPrice])).toEqual([['00042', 1234, 149_900]]);
    expect(outcome.sale.totals.total).toBe(184_977); // 149,900 × 1.234 = 184,976.6
    expect(asked).toEqual([]);
  });

  it('while the catalog has not finished a pass, asks DealPOS first: a product under the full code wins', async () => {
    const { handlers, asked } = checkout({ local: [BEEF], remote: [EGGS], catalogSynced: false });
    const outcome = await scan(handlers, EGGS.code);
    expect(outcome.sale.lines.map((l) => [l.name, l.weightGrams ?? null])).toEqual([[EGGS.name, null]]);
    expect(asked).toEqual([EGGS.code]);
  });

  it('never merges an ordinary scan into a weighed line, nor two labels into one', async () => {
    const { handlers } = checkout({ local: [BEEF], catalogSynced: true });
    await scan(handlers, beefLabel(500));
    await scan(handlers, beefLabel(500));
    const outcome = await scan(handlers, BEEF.code);
    expect(outcome.sale.lines.map((l) => [l.quantity, l.weightGrams ?? null])).toEqual([
      [1, 500],
      [1, 500],
      [1, null],
    ]);
  });

  it('does not offer to add a discontinued weighed item anyway (that would lose the weight)', async () => {
    const { handlers } = checkout({ local: [{ ...BEEF, discontinued: true }], catalogSynced: true });
    const outcome = await scan(handlers, beefLabel(750));
    expect(outcome).toMatchObject({ status: 'discontinued', scaleLabel: beefLabel(750) });
    expect(outcome.sale.lines).toEqual([]);
  });
});
