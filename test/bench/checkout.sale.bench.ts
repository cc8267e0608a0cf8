/**
 * The sale in main (issue 12): `sale.complete` with main-side pricing — the stored draft re-checked
 * against the limits and the payment methods, priced, recorded with its outbox row and number and
 * the next draft started, in one FULL-sync transaction — p50/p99 beside a raw fsync'd single-row
 * insert (WAL, synchronous=FULL) on the same disk, interleaved in the same run. Each sale is three
 * scans (resolved from a catalog map, so the row measures main, not a lookup), one with a line
 * discount, and a cash payment; `sale.scan` inside main is an informational row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CatalogItem } from '../../shared/contract/catalog';
import { ServiceError } from '../../shared/errors';
import { discountLimitFromPercent } from '../../shared/sale/discountLimits';
import { createLogger } from '../../main/logging/logger';
import { EventHub } from '../../main/events/eventHub';
import { StatusService } from '../../main/events/statusService';
import { createCheckoutService } from '../../main/sale/checkoutService';
import { DEMO_FIXTURES } from '../../main/simulator/demoData';
import { openDatabase } from '../../main/store/database';
import { DraftStore } from '../../main/store/draftStore';
import { createOutboxService } from '../../main/sync/outboxService';
import { percentile, type BenchRow } from './benchRow';

const SALES = 400;
const WARMUP = 50;

export async function run(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-sale-'));
  const opened = openDatabase({ file: path.join(root, 'checkout.db') });
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
  const { cardiganL, indomie, aqua } = DEMO_FIXTURES.variants;
  const catalog = new Map<string, CatalogItem>(
    [cardiganL, indomie, aqua].map((v) => [v.code, { code: v.code, name: v.name, product: v.name, price: v.price, discontinued: false, updatedAt: '2026-12-04T10:00:00+07:00' }]),
  );
  const { handlers } = createCheckoutService({
    drafts: new DraftStore(opened.db),
    outbox: outbox.store,
    sales: outbox.sales,
    pricing: () => ({
      tax: { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
      taxFallback: null,
      pointValue: 0,
      lineLimit: discountLimitFromPercent(20),
      saleLimit: discountLimitFromPercent(20),
      decimals: 0,
    }),
    paymentMethods: () => [{ name: 'Cash', cash: true }],
    resolve: async (code) => {
      const item = catalog.get(code);
      return item ? { status: 'found', item, source: 'cache', warning: null } : { status: 'unknown_code', code };
    },
    findItem: (code) => catalog.get(code) ?? null,
    receiptContext: () => ({ header: '', footer: '', demo: false, decimals: 0 }),
    customers: { returned: () => null, consumeProof: () => false },
    approvals: () => ({
      consume: () => {
        throw new ServiceError('forbidden', 'no approvals in the bench');
      },
    }),
    logger,
  });
  const raw = new Database(path.join(root, 'raw.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE raw (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = raw.prepare<[string]>('INSERT INTO raw (body) VALUES (?)');

  const completion: number[] = [];
  const rawTimes: number[] = [];
  const scans: number[] = [];
  try {
    let draftId = (await handlers['sale.current']({})).sale.draftId;
    for (let i = 0; i < SALES + WARMUP; i++) {
      for (const code of [cardiganL.code, indomie.code, indomie.code, aqua.code]) {
        const start = performance.now();
        await handlers['sale.scan']({ draftId, code });
        if (i >= WARMUP) scans.push(performance.now() - start);
      }
      const lines = (await handlers['sale.current']({})).sale.lines;
      await handlers['sale.setLineDiscount']({ draftId, lineId: lines[1]?.lineId ?? '', discount: { kind: 'percent', basisPoints: 1_000 } });
      const paid = await handlers['sale.addPayment']({ draftId, method: 'Cash', amount: 400_000 });
      let start = performance.now();
      const { next } = await handlers['sale.complete']({ draftId });
      const completeMs = performance.now() - start;
      start = performance.now();
      insert.run(JSON.stringify(paid));
      const rawMs = performance.now() - start;
      draftId = next.draftId;
      if (i >= WARMUP) {
        completion.push(completeMs);
        rawTimes.push(rawMs);
      }
    }
  } finally {
    await outbox.stop();
    opened.close();
    raw.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  for (const list of [completion, rawTimes, scans]) list.sort((a, b) => a - b);
  const p99 = percentile(completion, 99);
  const rawP99 = percentile(rawTimes, 99);
  return [
    { name: 'sale.complete p99 with main-side pricing', area: 'checkout', value: p99, unit: 'ms', goal: `≤ 5× raw fsync'd insert (${(5 * rawP99).toFixed(3)} ms)`, ok: p99 <= 5 * rawP99 },
    { name: 'sale.complete p50 with main-side pricing', area: 'checkout', value: percentile(completion, 50), unit: 'ms', goal: '-', ok: null },
    { name: "raw fsync'd single-row insert (WAL, FULL), same run, p99", area: 'checkout', value: rawP99, unit: 'ms', goal: '-', ok: null },
    { name: 'sale.scan in main (resolve, price, store the draft, answer) p95', area: 'checkout', value: percentile(scans, 95), unit: 'ms', goal: '-', ok: null },
  ];
}
