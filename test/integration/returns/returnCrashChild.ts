/**
 * Child process for the return crash test: a cashier taking returns through main's return service
 * (real SQLite file `DB_FILE`, syncing to the simulator at `SIM_URL`) against the sales named in
 * `ORIGINALS`, one unit at a time, until it is killed. It prints a line only after main answered:
 *   READY
 *   RETRIED <returnId> <invoice>             (the return the parent never saw answered, `RETRY`)
 *   RETURNING <returnId> <original> <line>    (printed before the call: its answer may be lost)
 *   RETURNED <returnId> <invoice>
 *   DONE                                      (nothing is left to return)
 * With `DIE_AFTER=1` it SIGKILLs itself right after the first return is recorded, before printing.
 */
import { randomUUID } from 'node:crypto';
import { createReturnService } from '../../../main/returns/returnService';
import { ServiceError } from '../../../shared/errors';
import { createCatalogCheckout, PLAIN_PRICING } from '../../support/catalogCheckout';
import { SETTINGS } from '../../unit/outbox/fixtures';
import { crashChildOutbox } from '../../support/crashChildOutbox';

const dbFile = process.env['DB_FILE'];
const simUrl = process.env['SIM_URL'];
const originals = (process.env['ORIGINALS'] ?? '').split(',').filter(Boolean);
if (!dbFile || !simUrl || originals.length === 0) throw new Error('DB_FILE, SIM_URL and ORIGINALS are required');

const { opened, client, outbox, logger } = crashChildOutbox(dbFile, simUrl);
const { handlers } = createReturnService({
  checkout: createCatalogCheckout({ db: opened.db, outbox, catalog: new Map(), logger }),
  pricing: () => PLAIN_PRICING,
  outbox: outbox.store,
  sales: outbox.sales,
  outlet: () => SETTINGS.outlet,
  decimals: () => 0,
  paymentMethods: () => [{ name: 'Cash', cash: true }],
  taxes: () => [],
  fetchInvoice: (outlet, number) => client.invoiceByNumber({ outlet, number }, { priority: 'interactive' }),
  approvals: () => ({
    consume: () => {
      throw new ServiceError('forbidden', 'No manager approvals here');
    },
  }),
  receiptContext: () => ({ header: '', footer: '', demo: false, decimals: 0 }),
  logger,
});
outbox.start();

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function returnForever(): Promise<void> {
  say('READY');
  const [retryId, retryNumber, retryLine] = (process.env['RETRY'] ?? '').split(' ');
  if (retryId && retryNumber && retryLine) {
    // The parent never saw this return answered: taking it again with its id must give the one return.
    const { recorded } = await handlers['returns.complete']({ returnId: retryId, number: retryNumber, lines: [{ line: Number(retryLine), quantity: 1 }], refundMethod: 'Cash', found: 'scanned' });
    say(`RETRIED ${retryId} ${recorded.invoiceNumber}`);
  }
  let dieAfter = process.env['DIE_AFTER'] === '1';
  for (;;) {
    const candidates: Array<{ number: string; line: number }> = [];
    for (const number of originals) {
      const found = await handlers['returns.find']({ number });
      for (const line of found.lines) if (line.sold > line.returnedBefore) candidates.push({ number, line: line.line });
    }
    const pick = candidates[Math.floor(Math.random() * candidates.length)];
    if (!pick) {
      say('DONE');
      await new Promise(() => undefined); // wait for the kill
      return;
    }
    const returnId = randomUUID();
    say(`RETURNING ${returnId} ${pick.number} ${pick.line}`);
    const { recorded } = await handlers['returns.complete']({ returnId, number: pick.number, lines: [{ line: pick.line, quantity: 1 }], refundMethod: 'Cash', found: 'scanned' });
    if (dieAfter) {
      dieAfter = false;
      process.kill(process.pid, 'SIGKILL');
    }
    say(`RETURNED ${returnId} ${recorded.invoiceNumber}`);
  }
}

void returnForever();
