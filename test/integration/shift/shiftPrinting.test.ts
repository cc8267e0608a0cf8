/**
 * The shift on the receipt printer, through the app's own composition (createServices, demo store):
 * a no-sale opens the drawer through the printer's drawer port, and a Z report — and any earlier
 * one again — prints on the receipt printer. The printer is a real TCP server on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { DEFAULT_PRINTER_SETTINGS } from '../../../shared/contract/printing';
import { decodeEscPos } from '../../support/escposDecoder';
import { startFakePrinter, type FakePrinter } from '../../support/fakePrinter';
import { contractCaller } from '../../support/checkout';

let services: Services | null = null;
let printer: FakePrinter | null = null;
let dir = '';

afterEach(async () => {
  await services?.close();
  await printer?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a no-sale opens the drawer and a Z report prints, and prints again later', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-shift-print-'));
  printer = await startFakePrinter();
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const call = contractCaller(services.dispatch);
  await call('account.startDemo', {});
  await call('settings.update', { outlet: 'Outlet1', register: 'Kasir 1' });
  await call('shift.updateSettings', { cashiers: ['Ani'], requireOpenShift: false, blindCount: false });

  // Without a receipt printer the drawer is not opened, and the screen says so.
  const shift = await call('shift.open', { cashier: 'Ani', openingFloat: 100_000 });
  expect((await call('shift.noSale', { shiftId: shift.id, reason: 'Change for a customer' })).drawer).toBe('no_drawer');

  await call('printing.updateSettings', { ...DEFAULT_PRINTER_SETTINGS, transport: 'network', address: printer.address, drawer: { ...DEFAULT_PRINTER_SETTINGS.drawer, enabled: true } });
  const opened = await call('shift.noSale', { shiftId: shift.id, reason: '' });
  expect(opened.drawer).toBe('opened');
  const [pulse] = await printer.waitForJobs(1);
  expect(decodeEscPos(pulse ?? new Uint8Array()).events.filter((e) => e.kind === 'pulse')).toHaveLength(1);
  expect(opened.shift.movements.map((m) => m.kind)).toEqual(['no_sale', 'no_sale']);

  const z = await call('shift.close', { shiftId: shift.id, closedBy: 'Ani', count: { kind: 'total', amount: 100_000 } });
  expect(z.totals.noSaleCount).toBe(2);
  expect(await call('shift.printZ', { number: z.number })).toEqual({ target: printer.address });
  await call('shift.printZ', { number: z.number });
  const jobs = await printer.waitForJobs(3);
  for (const job of jobs.slice(1)) {
    const lines = decodeEscPos(job).lines.map((l) => l.text.trim());
    expect(lines[0]).toBe(`Z REPORT #${z.number}`);
    expect(lines).toContain('No-sale openings: 2');
  }
});
