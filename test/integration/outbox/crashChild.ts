/**
 * Child process for the crash test: one register that completes sales and syncs them to the
 * simulator at `SIM_URL`, using the SQLite file `DB_FILE`, until it is killed. It prints
 * `SOLD <number>` only after `sale.complete` returned (the commit is on disk), so every number the
 * parent reads must reach DealPOS exactly once, whenever the SIGKILL lands.
 */
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { EventHub } from '../../../main/events/eventHub';
import { StatusService } from '../../../main/events/statusService';
import { createLogger } from '../../../main/logging/logger';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../main/simulator/demoData';
import { openDatabase } from '../../../main/store/database';
import { createOutboxService } from '../../../main/sync/outboxService';
import { paidSale, SETTINGS } from '../../unit/outbox/fixtures';

const dbFile = process.env['DB_FILE'];
const simUrl = process.env['SIM_URL'];
if (!dbFile || !simUrl) throw new Error('DB_FILE and SIM_URL are required');

const opened = openDatabase({ file: dbFile });
const events = new EventHub();
const client = new DealPosClient({
  baseUrl: simUrl,
  clientId: DEMO_CLIENT_ID,
  clientSecret: DEMO_CLIENT_SECRET,
  budget: new RequestBudget({ limit: 100_000, windowSeconds: 2 }),
  timeoutMs: 1_000,
});
const outbox = createOutboxService({
  db: opened.db,
  settings: () => SETTINGS,
  client: () => client,
  status: new StatusService(events),
  events,
  logger: createLogger(() => undefined),
  worker: { loopBackoff: { baseMs: 10, maxMs: 100 }, entryBackoff: { baseMs: 10, maxMs: 100 }, debounceMs: 2, batchSize: 10 },
});
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
