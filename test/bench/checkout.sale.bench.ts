/**
 * The sale in main (issue 12): `sale.complete` with main-side pricing — the stored draft re-checked
 * against the limits and the payment methods, priced, recorded with its outbox row and number and
 * the next draft started, in one FULL-sync transaction — p50/p99 beside a raw fsync'd single-row
 * insert (WAL, synchronous=FULL) on the same disk, interleaved in the same run. Each sale is the
 * typical basket of mainCheckout.ts (four scans resolved from a catalog map, so the row measures
 * main, not a lookup; a line discount; cash); `sale.scan` inside main is an informational row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { percentile, type BenchRow } from './benchRow';
import { openBenchCheckout, ringTypicalSale } from './mainCheckout';

const SALES = 400;
const WARMUP = 50;

export async function run(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-sale-'));
  const checkout = openBenchCheckout(path.join(root, 'checkout.db'));
  const { handlers } = checkout;
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
      const paid = await ringTypicalSale(handlers, draftId, (ms) => {
        if (i >= WARMUP) scans.push(ms);
      });
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
    await checkout.close();
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
