/**
 * Retention of synced sales on a real SQLite file: only sales DealPOS confirmed more than 90 days
 * ago go (with their outbox rows and edits), in bounded batches, at start-up and then daily on the
 * worker's clock. No DealPOS is needed: rows are moved through the states with the same store calls
 * the worker and the manager actions make, at chosen times.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../main/events/eventHub';
import { StatusService } from '../../../main/events/statusService';
import { createOutboxService, type OutboxService } from '../../../main/sync/outboxService';
import { PRUNE_START_DELAY_MS, SYNCED_SALE_RETENTION_MS, type SyncedSalePrunerOptions } from '../../../main/sync/syncedSalePruner';
import type { CompletedSale } from '../../../shared/contract/sale';
import { FakeClock } from '../../unit/outbox/fakeClock';
import { paidSale, SETTINGS, tempDatabase } from '../../unit/outbox/fixtures';
import { quietLogger } from './harness';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2026-11-22T03:00:00Z');

interface Fixture {
  readonly outbox: OutboxService;
  readonly clock: FakeClock;
  readonly db: ReturnType<typeof tempDatabase>;
  readonly logLines: string[];
  sell(count: number): CompletedSale[];
  sellSynced(count: number, syncedAt: number): CompletedSale[];
  count(table: 'sale' | 'outbox' | 'outbox_edit', localIds?: readonly string[]): number;
}

let open: Fixture[] = [];

afterEach(async () => {
  for (const f of open) {
    await f.outbox.stop();
    f.db.cleanup();
  }
  open = [];
});

function fixture(pruner: Partial<SyncedSalePrunerOptions> = {}): Fixture {
  const db = tempDatabase();
  const clock = new FakeClock(NOW);
  const events = new EventHub();
  const logLines: string[] = [];
  // All sales were completed 100 days ago, on one day, so their numbers share one sequence.
  const saleAt = NOW - 100 * DAY;
  const outbox = createOutboxService({
    db: db.opened.db,
    settings: () => SETTINGS,
    client: () => null,
    status: new StatusService(events),
    events,
    logger: quietLogger(logLines),
    now: () => saleAt,
    worker: { clock },
    pruner,
  });
  const sell = (count: number): CompletedSale[] => Array.from({ length: count }, () => outbox.sales.complete(paidSale()));
  const f: Fixture = {
    outbox,
    clock,
    db,
    logLines,
    sell,
    sellSynced: (count, syncedAt) => {
      const sales = sell(count);
      for (const s of sales) expect(outbox.store.markSynced(s.localId, `srv-${s.localId}`, syncedAt)).toBe(true);
      return sales;
    },
    count: (table, localIds) => {
      const sql = db.opened.db;
      if (!localIds) return (sql.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      const marks = localIds.map(() => '?').join(', ');
      return (sql.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE local_id IN (${marks})`).get(...localIds) as { n: number }).n;
    },
  };
  open.push(f);
  return f;
}

const ids = (sales: readonly CompletedSale[]): string[] => sales.map((s) => s.localId);

describe('synced sale retention', () => {
  it('keeps 90 days', () => {
    expect(SYNCED_SALE_RETENTION_MS).toBe(90 * DAY);
  });

  it('removes sales synced 91 days ago with their outbox rows and edits, and keeps everything else', async () => {
    const f = fixture();
    const { store } = f.outbox;
    const old = f.sellSynced(3, NOW - 91 * DAY);
    // A sale that was rejected, fixed by a manager (an edit row), then synced 91 days ago.
    const [fixed] = f.sell(1);
    if (!fixed) throw new Error('no sale');
    store.markRejected(fixed.localId, 'Variant code 1315L not found', 'server_validation', NOW - 95 * DAY);
    store.edit(fixed.localId, { outlet: 'Outlet2' }, NOW - 94 * DAY);
    store.retry(fixed.localId, NOW - 94 * DAY);
    store.markSending([fixed.localId], NOW - 91 * DAY);
    expect(store.markSynced(fixed.localId, 'srv-fixed', NOW - 91 * DAY)).toBe(true);
    const gone = [...ids(old), fixed.localId];

    const recent = f.sellSynced(2, NOW - 89 * DAY);
    const pending = f.sell(1);
    const sending = f.sell(1);
    store.markSending(ids(sending), NOW - 99 * DAY);
    const rejected = f.sell(1);
    store.markRejected(ids(rejected)[0] ?? '', 'Outlet closed', 'server_validation', NOW - 99 * DAY);
    const voided = f.sell(1);
    const voidedId = ids(voided)[0] ?? '';
    store.markRejected(voidedId, 'Outlet closed', 'server_validation', NOW - 99 * DAY);
    store.edit(voidedId, { outlet: 'Outlet2' }, NOW - 98 * DAY);
    store.void(voidedId, 'Re-entered by hand', 'Budi', NOW - 98 * DAY);
    const kept = [...ids(recent), ...ids(pending), ...ids(sending), ...ids(rejected), voidedId];

    const sql = f.db.opened.db;
    const identity = sql.prepare('SELECT * FROM register_identity').all();
    const sequence = sql.prepare('SELECT * FROM invoice_sequence').all();
    expect(f.count('outbox_edit', gone)).toBe(1);

    expect(await f.outbox.pruner.pruneNow()).toBe(4);

    expect(f.count('sale', gone)).toBe(0);
    expect(f.count('outbox', gone)).toBe(0);
    expect(f.count('outbox_edit', gone)).toBe(0);
    expect(f.count('sale', kept)).toBe(kept.length);
    expect(kept.map((id) => store.get(id)?.state)).toEqual(['synced', 'synced', 'pending', 'sending', 'rejected', 'voided']);
    expect(f.count('outbox_edit', [voidedId])).toBe(1);
    expect(sql.prepare('SELECT * FROM register_identity').all()).toEqual(identity);
    expect(sql.prepare('SELECT * FROM invoice_sequence').all()).toEqual(sequence);
    expect(sql.pragma('foreign_key_check')).toEqual([]);
    expect(sql.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(f.logLines.some((l) => l.includes('INFO') && l.includes('removed 4 sale(s)'))).toBe(true);
    // The log says how many, never what was sold.
    expect(f.logLines.join('\n')).not.toMatch(/Cardigan|Indomie|payload/i);

    // A second run finds nothing more.
    expect(await f.outbox.pruner.pruneNow()).toBe(0);
  });

  it('never reuses an invoice number: the next sale after a prune follows on', async () => {
    const f = fixture();
    const before = f.sellSynced(3, NOW - 91 * DAY);
    expect(await f.outbox.pruner.pruneNow()).toBe(3);
    expect(f.count('sale')).toBe(0);

    const [next] = f.sell(1);
    const numbers = before.map((s) => s.invoiceNumber);
    expect(numbers.map((n) => n.slice(-5))).toEqual(['-0001', '-0002', '-0003']);
    expect(next?.invoiceNumber).toBe(numbers[2]?.replace(/-0003$/, '-0004'));
  });

  it('removes a big backlog in bounded transactions', async () => {
    const f = fixture({ batchSize: 3 });
    f.sellSynced(10, NOW - 120 * DAY);
    const keep = f.sellSynced(1, NOW - 10 * DAY);
    const batches: number[] = [];
    const prune = f.outbox.store.pruneSynced.bind(f.outbox.store);
    vi.spyOn(f.outbox.store, 'pruneSynced').mockImplementation((cutoff, limit) => {
      const removed = prune(cutoff, limit);
      batches.push(removed);
      return removed;
    });

    expect(await f.outbox.pruner.pruneNow()).toBe(10);
    expect(batches).toEqual([3, 3, 3, 1]);
    expect(f.count('sale')).toBe(1);
    expect(f.count('sale', ids(keep))).toBe(1);
  });

  it('prunes a little after the outbox starts, then again every day on the worker clock', async () => {
    const f = fixture();
    const expired = f.sellSynced(2, NOW - 91 * DAY);
    const nearly = f.sellSynced(3, NOW - 89.5 * DAY);
    f.outbox.start();
    // Start-up is not blocked: nothing is removed until the start delay has passed.
    expect(f.count('sale')).toBe(5);

    await f.clock.advance(PRUNE_START_DELAY_MS);
    expect(f.count('sale', ids(expired))).toBe(0);
    expect(f.count('sale', ids(nearly))).toBe(3);

    await f.clock.advance(DAY);
    expect(f.count('sale', ids(nearly))).toBe(0);
    expect(f.logLines.filter((l) => l.includes('removed'))).toHaveLength(2);
  });

  it('leaves freed pages in the file for reuse unless the database vacuums incrementally', async () => {
    const f = fixture();
    const sql = f.db.opened.db;
    const pages = (): { count: number; free: number } => ({
      count: sql.pragma('page_count', { simple: true }) as number,
      free: sql.pragma('freelist_count', { simple: true }) as number,
    });
    expect(sql.pragma('auto_vacuum', { simple: true })).toBe(0);
    f.sellSynced(200, NOW - 91 * DAY);
    const before = pages();
    expect(await f.outbox.pruner.pruneNow()).toBe(200);
    const after = pages();
    expect(after.count).toBe(before.count);
    expect(after.free).toBeGreaterThan(10);

    // A file created with auto_vacuum=incremental gives its free pages back after a prune.
    sql.pragma('auto_vacuum = incremental');
    sql.exec('VACUUM');
    expect(sql.pragma('auto_vacuum', { simple: true })).toBe(2);
    f.sellSynced(200, NOW - 91 * DAY);
    const grown = pages();
    expect(await f.outbox.pruner.pruneNow()).toBe(200);
    expect(pages().free).toBe(0);
    expect(pages().count).toBeLessThan(grown.count);
  });
});
