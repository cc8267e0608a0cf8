/**
 * Child process for the crash test: one register that completes sales and syncs them to the
 * simulator at `SIM_URL`, using the SQLite file `DB_FILE`, until it is killed. It prints
 * `SOLD <number>` only after `sale.complete` returned (the commit is on disk), so every number the
 * parent reads must reach DealPOS exactly once, whenever the SIGKILL lands.
 */
import { paidSale } from '../../unit/outbox/fixtures';
import { crashChildOutbox } from '../../support/crashChildOutbox';

const dbFile = process.env['DB_FILE'];
const simUrl = process.env['SIM_URL'];
if (!dbFile || !simUrl) throw new Error('DB_FILE and SIM_URL are required');

const { outbox } = crashChildOutbox(dbFile, simUrl);
outbox.start();
process.stdout.write('READY\n');

async function sellForever(): Promise<never> {
  for (;;) {
    const { invoiceNumber } = outbox.sales.complete(paidSale());
    process.stdout.write(`SOLD ${invoiceNumber}\n`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
  }
}

void sellForever();
