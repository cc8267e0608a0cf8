/**
 * Printing as the hosts see it: createServices with the demo store, a real SQLite file, and a real
 * TCP server on 127.0.0.1 as the counter's receipt printer. Sales go through the sale contract;
 * the printer's bytes are decoded back to the lines a customer reads and the drawer pulse.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { PrinterSettings, PrintJob } from '../../../shared/contract/printing';
import { contractCaller, refusal, ringUp, type ContractCall } from '../../support/checkout';
import { decodeEscPos } from '../../support/escposDecoder';
import { refusedPort, startFakePrinter, type FakePrinter } from '../../support/fakePrinter';
import { waitFor } from '../outbox/harness';

let services: Services | null = null;
let printer: FakePrinter;
let dir = '';

const start = async (): Promise<{ services: Services; call: ContractCall }> => {
  services = await createServices({
    dataDir: dir,
    version: 'test',
    host: 'browser',
    logToStderr: false,
    printing: { network: { connectMs: 1_000, idleMs: 500, answerMs: 300 } },
  });
  return { services, call: contractCaller(services.dispatch) };
};

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-printing-'));
  printer = await startFakePrinter();
});
afterEach(async () => {
  await services?.close();
  services = null;
  await printer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const PRINTER = (address: string): PrinterSettings => ({
  transport: 'network',
  address,
  queue: '',
  paperWidth: 58,
  autoPrint: true,
  drawer: { enabled: true, pin: 2, onMs: 120, offMs: 240 },
  logo: null,
});

async function demoCounter(call: ContractCall): Promise<void> {
  await call('account.startDemo', {});
  await call('settings.update', { outlet: 'Outlet1', register: 'Outlet1', invoiceNumberPrefix: 'DEMO', receiptHeader: 'Toko Maju Jaya', receiptFooter: 'Terima kasih' });
}

async function jobsNow(call: ContractCall): Promise<readonly PrintJob[]> {
  return call('printing.jobs', {});
}

const rp = (n: number): string => `Rp ${n.toLocaleString('de-DE')}`; // thousands with "." as Indonesian receipts print them
const row = (left: string, right: string): string => `${left}${' '.repeat(32 - left.length - right.length)}${right}`;

describe('print queue with a real TCP printer', () => {
  it('auto-prints each cash sale once with the drawer pulse first, and every printed line is the sale', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', PRINTER(printer.address));
    const { indomie, tehBotol } = DEMO_FIXTURES.variants;
    const total = 2 * indomie.price + tehBotol.price;
    const sale = await ringUp(call, { codes: [indomie.code, tehBotol.code, indomie.code], payments: [{ method: 'Cash', amount: 20_000 }] });

    const [job] = await printer.waitForJobs(1);
    const decoded = decodeEscPos(job ?? new Uint8Array());
    expect(decoded.sequence[0]).toEqual({ kind: 'pulse', pin: 2, onMs: 120, offMs: 240 });
    const date = sale.completedAt.replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}).*$/, '$3/$2/$1 $4:$5');
    expect(decoded.lines.map((l) => l.text.trim() === '' ? '' : l.text).filter(Boolean)).toEqual([
      '    DEMO - NOT A',
      '       REAL SALE',
      '         Toko Maju Jaya         ',
      row('Outlet', 'Outlet1'),
      row('Register', 'Outlet1'),
      row('Invoice', sale.invoiceNumber),
      row('Date', date),
      '-'.repeat(32),
      indomie.name.padEnd(32),
      row('  2 x Rp 3.500', rp(2 * indomie.price)),
      tehBotol.name.padEnd(32),
      row('  1 x Rp 5.000', rp(tehBotol.price)),
      '-'.repeat(32),
      row('Subtotal (3 items)', rp(total)),
      row('TOTAL', rp(total)),
      row('Cash', rp(20_000)),
      row('Change', rp(20_000 - total)),
      '-'.repeat(32),
      '          Terima kasih          ',
      '    DEMO - NOT A',
      '       REAL SALE',
    ]);
    expect(decoded.events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: sale.invoiceNumber }));
    expect(decoded.events.at(-1)).toEqual({ kind: 'cut', partial: true });
    await expect.poll(async () => jobsNow(call)).toEqual([]);
    expect(printer.jobs).toHaveLength(1);
  });

  it('a printer that closes mid-job leaves the sale recorded and the job failed; selling goes on; a retry prints it once', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', PRINTER(printer.address));
    const { indomie, aqua } = DEMO_FIXTURES.variants;
    printer.behave({ kind: 'closesAfter', bytes: 40 });
    const first = await ringUp(call, { codes: [indomie.code] });
    await waitFor('the printer to be tried', () => printer.connections() === 1);
    await expect.poll(async () => (await jobsNow(call)).map((j) => j.state)).toEqual(['failed']);
    const [failed] = await jobsNow(call);
    expect(failed).toMatchObject({ invoiceNumber: first.invoiceNumber, kind: 'receipt', attempts: 1 });
    expect(failed?.lastError).toContain('closed the connection mid-job');
    expect((await call('queue.list', { limit: 10 })).map((e) => e.invoiceNumber)).toContain(first.invoiceNumber);

    // The cashier carries on: the next sale completes and prints while the failed one waits.
    const second = await ringUp(call, { codes: [aqua.code] });
    const [printedSecond] = await printer.waitForJobs(1);
    expect(decodeEscPos(printedSecond ?? new Uint8Array()).events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: second.invoiceNumber }));

    // Retry twice quickly (a double click): printed exactly once, and without opening the drawer again.
    const id = failed?.id ?? 0;
    const retried = await Promise.allSettled([call('printing.retry', { id }), call('printing.retry', { id })]);
    expect(retried.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const jobs = await printer.waitForJobs(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printer.jobs).toHaveLength(2);
    const reprint = decodeEscPos(jobs[1] ?? new Uint8Array());
    expect(reprint.events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: first.invoiceNumber }));
    expect(reprint.events.some((e) => e.kind === 'pulse')).toBe(false);
    await expect.poll(async () => jobsNow(call)).toEqual([]);
    expect((await refusal(call('printing.retry', { id }))).code).toBe('conflict');
  });

  it('a printer out of paper: the job fails with that reason and nothing printed, the sale stands, selling goes on; with paper loaded the retry prints it once', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', PRINTER(printer.address));
    const { indomie, aqua } = DEMO_FIXTURES.variants;
    printer.condition({ paper: 'end' });
    const sale = await ringUp(call, { codes: [indomie.code] });
    await expect.poll(async () => (await jobsNow(call)).map((j) => j.state)).toEqual(['failed']);
    const [failed] = await jobsNow(call);
    expect(failed).toMatchObject({ invoiceNumber: sale.invoiceNumber, lastErrorCode: 'printer_paper_out', attempts: 1 });
    expect(failed?.lastError).toContain('is out of paper');
    expect(printer.jobs).toHaveLength(0);
    expect((await call('queue.list', { limit: 10 })).map((e) => e.invoiceNumber)).toContain(sale.invoiceNumber);
    // The failed job says it; no second "paper" notice beside it.
    expect(await call('printing.paper', {})).toBeNull();

    // Still out of paper: the next sale is recorded and waits too.
    const next = await ringUp(call, { codes: [aqua.code] });
    await expect.poll(async () => (await jobsNow(call)).map((j) => `${j.invoiceNumber} ${j.state}`)).toEqual([`${next.invoiceNumber} failed`, `${sale.invoiceNumber} failed`]);

    printer.condition({ paper: 'ok' });
    const id = failed?.id ?? 0;
    const retried = await Promise.allSettled([call('printing.retry', { id }), call('printing.retry', { id })]);
    expect(retried.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [printed] = await printer.waitForJobs(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printer.jobs).toHaveLength(1);
    expect(decodeEscPos(printed ?? new Uint8Array()).events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: sale.invoiceNumber }));
    await expect.poll(async () => (await jobsNow(call)).map((j) => j.invoiceNumber)).toEqual([next.invoiceNumber]);
  });

  it('paper near end: the receipt prints and the cashier is told the paper is running low, until a full roll is in', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', PRINTER(printer.address));
    const notices: Array<string | null> = [];
    services?.events.on('printJobs', (update) => notices.push(update.paper));
    printer.condition({ paper: 'near_end' });
    const sale = await ringUp(call, { codes: [DEMO_FIXTURES.variants.tehBotol.code] });
    const [printed] = await printer.waitForJobs(1);
    expect(decodeEscPos(printed ?? new Uint8Array()).events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: sale.invoiceNumber }));
    await expect.poll(async () => call('printing.paper', {})).toBe('near_end');
    expect(notices).toContain('near_end');
    await expect.poll(async () => jobsNow(call)).toEqual([]);

    printer.condition({ paper: 'ok' });
    await ringUp(call, { codes: [DEMO_FIXTURES.variants.tehBotol.code] });
    await printer.waitForJobs(2);
    await expect.poll(async () => call('printing.paper', {})).toBeNull();

    // Settings' test print says the same, and an open cover is its own refusal.
    printer.condition({ paper: 'near_end' });
    expect((await call('printing.testPrint', PRINTER(printer.address))).paper).toBe('near_end');
    printer.condition({ paper: 'ok', coverOpen: true });
    expect((await refusal(call('printing.testPrint', PRINTER(printer.address)))).code).toBe('printer_cover_open');
    expect(printer.jobs).toHaveLength(3);
  });

  it('a printer that never answers status questions prints every receipt as before, asked once per settings', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', { ...PRINTER(printer.address), drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 } });
    printer.condition({ answersStatus: false });
    const { indomie, aqua } = DEMO_FIXTURES.variants;
    const first = await ringUp(call, { codes: [indomie.code] });
    const second = await ringUp(call, { codes: [aqua.code] });
    const printed = await printer.waitForJobs(2);
    expect(printed.map((job) => decodeEscPos(job).events.find((e) => e.kind === 'barcode'))).toEqual([
      expect.objectContaining({ value: first.invoiceNumber }),
      expect.objectContaining({ value: second.invoiceNumber }),
    ]);
    // Asked before the first receipt only: an unanswered question would hold every receipt up.
    expect(printer.questions).toEqual([1, 2, 4]);
    await expect.poll(async () => jobsNow(call)).toEqual([]);
    expect(await call('printing.paper', {})).toBeNull();
  });

  it('a printer that answers its status and then stops answering mid-job gets that message; the retry prints once', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', { ...PRINTER(printer.address), drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 } });
    printer.behave({ kind: 'silentAfterStatus' });
    const sale = await ringUp(call, { codes: [DEMO_FIXTURES.variants.indomie.code] });
    await expect.poll(async () => (await jobsNow(call)).map((j) => j.state)).toEqual(['failed']);
    const [failed] = await jobsNow(call);
    expect(failed?.lastErrorCode).toBe('printer_timeout');
    expect(failed?.lastError).toContain('stopped answering mid-job (it answered before the job');
    await call('printing.retry', { id: failed?.id ?? 0 });
    const [printed] = await printer.waitForJobs(1);
    expect(decodeEscPos(printed ?? new Uint8Array()).events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: sale.invoiceNumber }));
  });

  it('a failed job survives a restart and is printed by the retry after it', async () => {
    let { call } = await start();
    await demoCounter(call);
    await call('printing.updateSettings', { ...PRINTER(`127.0.0.1:${await refusedPort()}`), drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 } });
    const sale = await ringUp(call, { codes: [DEMO_FIXTURES.variants.tehBotol.code] });
    await expect.poll(async () => (await jobsNow(call)).map((j) => j.state)).toEqual(['failed']);
    expect((await jobsNow(call))[0]?.lastError).toContain('refused the connection');

    await services?.close();
    ({ call } = await start());
    const [kept] = await jobsNow(call);
    expect(kept).toMatchObject({ invoiceNumber: sale.invoiceNumber, state: 'failed' });
    await call('printing.updateSettings', { ...PRINTER(printer.address), drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 } });
    await call('printing.retry', { id: kept?.id ?? 0 });
    const [printed] = await printer.waitForJobs(1);
    expect(decodeEscPos(printed ?? new Uint8Array()).events).toContainEqual(expect.objectContaining({ kind: 'barcode', value: sale.invoiceNumber }));
  });

  it('opens the drawer without printing when auto-print is off, and only for cash sales', async () => {
    const { call } = await start();
    await demoCounter(call);
    await call('settings.update', { paymentMethods: ['Cash', 'Debit Card'] });
    await call('printing.updateSettings', { ...PRINTER(printer.address), autoPrint: false, drawer: { enabled: true, pin: 5, onMs: 50, offMs: 100 } });
    const { indomie } = DEMO_FIXTURES.variants;
    await ringUp(call, { codes: [indomie.code], payments: [{ method: 'Debit Card' }] });
    await ringUp(call, { codes: [indomie.code] });
    const [job] = await printer.waitForJobs(1);
    const decoded = decodeEscPos(job ?? new Uint8Array());
    expect(decoded.events).toEqual([{ kind: 'pulse', pin: 5, onMs: 50, offMs: 100 }]);
    expect(decoded.lines.filter((l) => l.text.trim() !== '')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(printer.jobs).toHaveLength(1);
  });

  it('test print answers where it printed, and each bad setting gets its own message', async () => {
    const { call } = await start();
    await demoCounter(call);
    const result = await call('printing.testPrint', { ...PRINTER(printer.address), autoPrint: false });
    expect(result.target).toBe(printer.address);
    const [page] = await printer.waitForJobs(1);
    expect(decodeEscPos(page ?? new Uint8Array()).lines.map((l) => l.text)).toContain('DealPOS Counter can print here');

    const refused = await refusal(call('printing.testPrint', PRINTER(`127.0.0.1:${await refusedPort()}`)));
    expect(refused.code).toBe('printer_refused');
    const bad = await refusal(call('printing.updateSettings', PRINTER('192.168.1.50')));
    expect(bad.code).toBe('validation');
    expect(bad.issues[0]).toMatchObject({ path: 'address', message: expect.stringContaining('has no port') });
    const badLogo = await refusal(call('printing.updateSettings', { ...PRINTER(printer.address), logo: { width: 16, height: 2, bits: Buffer.from([1, 2, 3]).toString('base64') } }));
    expect(badLogo.issues[0]).toMatchObject({ path: 'logo', message: expect.stringContaining('holds 3 bytes where a 16×2 logo has 4') });
    const noPrinter = await refusal(call('printing.updateSettings', { ...PRINTER(''), transport: 'system' }));
    expect(noPrinter.issues.map((i) => i.path)).toEqual(['autoPrint', 'drawer.enabled']);

    // Without a receipt printer, reprinting falls to the print dialog; this host has none of its own (the page prints itself).
    await call('printing.updateSettings', { ...PRINTER(''), transport: 'system', autoPrint: false, drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 } });
    const sale = await ringUp(call, { codes: [DEMO_FIXTURES.variants.aqua.code] });
    expect((await refusal(call('printing.printReceipt', { localId: sale.localId }))).code).toBe('not_configured');
    expect((await refusal(call('printing.printDialog', { localId: sale.localId }))).code).toBe('not_configured');
    expect(printer.jobs).toHaveLength(1);
  });
});
