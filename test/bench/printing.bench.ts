/**
 * Printing (issue 17): from `sale.complete` being called to the whole receipt having arrived at a
 * network printer — a real TCP server on 127.0.0.1 that timestamps each job when the host ends it —
 * with auto-print and the cash drawer on. The time covers recording the sale (one FULL-sync
 * transaction), queueing the print job in SQLite, building the receipt from the stored sale,
 * encoding ESC/POS at 80 mm, connecting, asking the printer's status (it answers DLE EOT as an
 * Epson does, so the paper check is in the path) and sending. One sale at a time, as at a counter.
 */
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PRINTER_SETTINGS, type PrinterSettings } from '../../shared/contract/printing';
import { buildReceipt } from '../../shared/receipt/receipt';
import { EventHub } from '../../main/events/eventHub';
import { createLogger } from '../../main/logging/logger';
import { createPrintService } from '../../main/printing/printService';
import { PrintJobStore } from '../../main/store/printJobStore';
import { realTimeReader, statusReply } from '../support/fakePrinter';
import { percentile, type BenchRow } from './benchRow';
import { openBenchCheckout, ringTypicalSale } from './mainCheckout';

const SALES = 300;
const WARMUP = 30;
const GOAL_MS = 50;

export async function run(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-print-'));
  const receiptContext = { header: 'Toko Maju Jaya\nJl. Merdeka 17', footer: 'Terima kasih!', demo: false, decimals: 0 };
  let printing: ReturnType<typeof createPrintService> | null = null;
  const checkout = openBenchCheckout(path.join(root, 'printing.db'), {
    receiptContext: () => receiptContext,
    onRecorded: (sale) => printing?.saleRecorded(sale),
  });
  const { opened, outbox } = checkout;
  const events = new EventHub();
  const logger = createLogger(() => undefined);

  // The printer: each complete job wakes whoever waits for it, with the time it arrived.
  let wake: ((at: number) => void) | null = null;
  let jobBytes = 0;
  const printer = createServer((socket) => {
    let bytes = 0;
    const read = realTimeReader((n) => socket.write(Buffer.of(statusReply(n, { answersStatus: true, paper: 'ok', coverOpen: false }))));
    socket.on('data', (chunk: Buffer) => (bytes += read(chunk).length));
    socket.on('end', () => {
      const at = performance.now();
      jobBytes = bytes;
      socket.end();
      wake?.(at);
    });
  });
  await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve));
  const address = printer.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');

  let printerSettings: PrinterSettings = {
    ...DEFAULT_PRINTER_SETTINGS,
    transport: 'network',
    address: `127.0.0.1:${address.port}`,
    paperWidth: 80,
    autoPrint: true,
    drawer: { enabled: true, pin: 2, onMs: 100, offMs: 500 },
  };
  printing = createPrintService({
    jobs: new PrintJobStore(opened.db),
    settings: { get: () => printerSettings, set: (value) => (printerSettings = value) },
    receiptOf: (localId) => {
      const recorded = outbox.store.recordedSale(localId);
      return recorded ? buildReceipt(recorded, receiptContext) : null;
    },
    language: () => 'id',
    events,
    logger,
  });
  printing.start();
  const { handlers } = checkout;
  const times: number[] = [];
  try {
    let draftId = (await handlers['sale.current']({})).sale.draftId;
    for (let i = 0; i < SALES + WARMUP; i++) {
      await ringTypicalSale(handlers, draftId);
      const printed = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sale ${i}: no receipt on the printer within 5 s`)), 5_000);
        wake = (at) => {
          clearTimeout(timer);
          resolve(at);
        };
      });
      const start = performance.now();
      const { next } = await handlers['sale.complete']({ draftId });
      const arrived = await printed;
      draftId = next.draftId;
      if (i >= WARMUP) times.push(arrived - start);
      await printing.idle();
    }
  } finally {
    await printing.stop();
    await checkout.close();
    await new Promise<void>((resolve) => printer.close(() => resolve()));
    fs.rmSync(root, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  return [
    { name: 'sale complete → receipt bytes on the socket p95', area: 'checkout', value: p95, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, ok: p95 <= GOAL_MS },
    { name: 'sale complete → receipt bytes on the socket p50', area: 'checkout', value: percentile(times, 50), unit: 'ms', goal: '-', ok: null },
    { name: 'receipt job size (80 mm, drawer pulse, barcode)', area: 'checkout', value: jobBytes, unit: 'bytes', goal: '-', ok: null },
  ];
}
