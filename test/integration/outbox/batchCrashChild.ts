/**
 * Child process for the batch-in-flight crash test: one register on the SQLite file `DB_FILE`
 * against the simulator at `SIM_URL`. It syncs one sale (so it is online and sends batches), prints
 * `ONLINE`, and on `GO` from stdin completes `COUNT` sales at once — one `Invoice/List` request —
 * printing `SOLD <number>` for each after its commit. The parent SIGKILLs it mid-request.
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
const count = Number(process.env['COUNT'] ?? '25');
if (!dbFile || !simUrl) throw new Error('DB_FILE and SIM_URL are required');

const opened = openDatabase({ file: dbFile });
const events = new EventHub();
const status = new StatusService(events);
const client = new DealPosClient({
  baseUrl: simUrl,
  clientId: DEMO_CLIENT_ID,
  clientSecret: DEMO_CLIENT_SECRET,
  budget: new RequestBudget({ limit: 100_000, windowSeconds: 2 }),
  // The parent holds the batch's answer back; the kill must come first, not a timeout.
  timeoutMs: 60_000,
});
const outbox = createOutboxService({
  db: opened.db,
  settings: () => SETTINGS,
  client: () => client,
  status,
  events,
  logger: createLogger(() => undefined),
  worker: { loopBackoff: { baseMs: 10, maxMs: 100 }, entryBackoff: { baseMs: 10, maxMs: 100 }, debounceMs: 2, batchSize: count },
});
outbox.start();

function sell(): void {
  const { invoiceNumber } = outbox.sales.complete(paidSale());
  process.stdout.write(`SOLD ${invoiceNumber}\n`);
}

async function main(): Promise<void> {
  sell();
  while (status.get().queue.pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  process.stdout.write('ONLINE\n');
  process.stdin.setEncoding('utf8').on('data', (chunk: string) => {
    if (!chunk.includes('GO')) return;
    // Synchronously, so the worker's debounced run finds all of them: one batch.
    for (let i = 0; i < count; i++) sell();
  });
}

void main();
