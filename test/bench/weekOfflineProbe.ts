/**
 * Child process for the outbox bench's week-offline rows (run with --expose-gc, so memory is read
 * after a collection). Main's checkout with no DealPOS account rings up `sales` sales through the
 * real sale.* handlers, all of which stay queued, then `sale.complete` is timed on that backlog and
 * on a second register whose queue stays empty (each sale marked synced at once), interleaved sale
 * by sale so disk noise hits both alike. Prints JSON: the two sets of times (ms), the memory (RSS,
 * V8 heap in use and reserved) after the first `window` sales, halfway and after the soak, and the
 * database's bytes per sale.
 * Usage: node --expose-gc --import tsx test/bench/weekOfflineProbe.ts <dir> <sales> <window>
 */
import fs from 'node:fs';
import path from 'node:path';
import { holdYoungGeneration } from '../../main/app/youngGeneration';
import { openBenchCheckout, ringTypicalSale, type BenchCheckout } from './mainCheckout';

async function completeOne(checkout: BenchCheckout, draftId: string): Promise<{ ms: number; next: string; localId: string }> {
  await ringTypicalSale(checkout.handlers, draftId);
  const start = performance.now();
  const { recorded, next } = await checkout.handlers['sale.complete']({ draftId });
  return { ms: performance.now() - start, next: next.draftId, localId: recorded.localId };
}

async function main(): Promise<void> {
  const [dir, salesArg, windowArg] = process.argv.slice(2);
  const sales = Number(salesArg);
  const window = Number(windowArg);
  if (!dir || !(sales > 0) || !(window > 0) || window > sales) throw new Error('usage: weekOfflineProbe.ts <dir> <sales> <window>');
  // As createServices does in the host this process stands in for.
  holdYoungGeneration();
  const file = path.join(dir, 'backlog.db');
  const backlog = openBenchCheckout(file);
  const empty = openBenchCheckout(path.join(dir, 'empty.db'));
  const memory = (): { rss: number; heapUsed: number; heapTotal: number } => {
    global.gc?.();
    const { rss, heapUsed, heapTotal } = process.memoryUsage();
    return { rss, heapUsed, heapTotal };
  };
  try {
    let draftId = (await backlog.handlers['sale.current']({})).sale.draftId;
    let afterFirst = memory();
    let halfway = afterFirst;
    for (let i = 0; i < sales; i++) {
      draftId = (await completeOne(backlog, draftId)).next;
      if (i === window - 1) afterFirst = memory();
      if (i === Math.floor(sales / 2) - 1) halfway = memory();
    }
    const atEnd = memory();
    backlog.opened.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytesPerSale = fs.statSync(file).size / sales;

    const atBacklog: number[] = [];
    const atEmpty: number[] = [];
    let emptyDraft = (await empty.handlers['sale.current']({})).sale.draftId;
    for (let i = 0; i < window; i++) {
      const a = await completeOne(backlog, draftId);
      draftId = a.next;
      atBacklog.push(a.ms);
      const b = await completeOne(empty, emptyDraft);
      emptyDraft = b.next;
      atEmpty.push(b.ms);
      // DealPOS took it at once: this register's queue stays at 0 pending.
      empty.outbox.store.markSynced(b.localId, `server-${i}`, Date.now());
    }
    const pending = { backlog: backlog.outbox.store.stats().pending, empty: empty.outbox.store.stats().pending };
    process.stdout.write(`${JSON.stringify({ atBacklog, atEmpty, afterFirst, halfway, atEnd, bytesPerSale, pending })}\n`);
  } finally {
    await backlog.close();
    await empty.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
