/**
 * Disk full while completing a sale (SQLite refuses to grow the file past `max_page_count`): the
 * cashier gets `storage_full`, nothing of the sale is written, and its number is not used up.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { EventHub } from '../../../main/events/eventHub';
import { StatusService } from '../../../main/events/statusService';
import { createOutboxService, type OutboxService } from '../../../main/sync/outboxService';
import type { CompletedSale } from '../../../shared/contract/sale';
import { ServiceError } from '../../../shared/errors';
import type { SaleDraft } from '../../../shared/sale/sale';
import { parseInvoiceNumber } from '../../../shared/invoice/invoiceNumber';
import { paidSale, SETTINGS, tempDatabase } from '../../unit/outbox/fixtures';
import { quietLogger } from './harness';

let db: ReturnType<typeof tempDatabase>;
let outbox: OutboxService;

beforeEach(() => {
  db = tempDatabase();
  const events = new EventHub();
  outbox = createOutboxService({
    db: db.opened.db,
    settings: () => SETTINGS,
    client: () => null,
    status: new StatusService(events),
    events,
    logger: quietLogger(),
  });
});
afterEach(async () => {
  await outbox.stop();
  db.cleanup();
});

function rows(): number {
  const count = (table: string): number => (db.opened.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return count('sale') + count('outbox') + count('invoice_sequence') + count('register_identity');
}

it('refuses the sale with storage_full and writes nothing when the disk is full', async () => {
  const sqlite = db.opened.db;
  // A big sale needs new pages; cap the file at its current size so SQLite reports SQLITE_FULL.
  const lines = Array.from({ length: 400 }, (_, i) => ({
    variantCode: `CODE-${i}`,
    name: `A rather long product name number ${i} `.repeat(3),
    quantity: 1,
    unitPrice: 1_000,
    discount: null,
  }));
  const sale = paidSale({ lines, payments: [{ method: 'Cash', amount: 400_000, cash: true }] });
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  sqlite.pragma(`max_page_count = ${pages}`);

  const complete = async ({ sale: draft }: { sale: SaleDraft }): Promise<CompletedSale> => outbox.sales.complete(draft);
  const error: unknown = await complete({ sale }).then(
    () => null,
    (e: unknown) => e,
  );
  // What the dispatcher hands the renderer.
  expect(error instanceof ServiceError ? error.toShape() : error).toEqual({
    code: 'storage_full',
    message: expect.stringMatching(/disk is full: this sale was NOT saved/),
  });
  expect(rows()).toBe(0);
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

  // Space freed: the same sale completes, and takes the first number (nothing was used up).
  sqlite.pragma('max_page_count = 1073741823');
  const done = await complete({ sale });
  expect(parseInvoiceNumber(done.invoiceNumber)?.seq).toBe(1);
  expect(outbox.store.stats().pending).toBe(1);
});
