/**
 * Child process for the sales-order crash test: records a tracking number for order `SO-<n>` after
 * order (n rising across restarts) and sends them to the simulator at `SIM_URL`, using the SQLite
 * file `DB_FILE`, until it is killed. It prints `RECORDED <order> <reference>` only after
 * `salesOrder.record` returned (the record was committed before it was sent).
 */
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { EventHub } from '../../../main/events/eventHub';
import { createLogger } from '../../../main/logging/logger';
import { createSalesOrderService } from '../../../main/salesOrder/salesOrderService';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../main/simulator/demoData';
import { openDatabase } from '../../../main/store/database';
import { SalesOrderReferenceStore } from '../../../main/store/salesOrderReferenceStore';

const dbFile = process.env['DB_FILE'];
const simUrl = process.env['SIM_URL'];
if (!dbFile || !simUrl) throw new Error('DB_FILE and SIM_URL are required');

const opened = openDatabase({ file: dbFile });
const store = new SalesOrderReferenceStore(opened.db);
const client = new DealPosClient({
  baseUrl: simUrl,
  clientId: DEMO_CLIENT_ID,
  clientSecret: DEMO_CLIENT_SECRET,
  budget: new RequestBudget({ limit: 100_000, windowSeconds: 2 }),
  timeoutMs: 1_000,
});
const service = createSalesOrderService({
  store,
  client: () => client,
  accessibleOutlets: () => ['Outlet1'],
  lastUsedCode: { get: () => null, set: () => undefined },
  events: new EventHub(),
  logger: createLogger(() => undefined),
  answerWaitMs: 20,
});
service.start();
process.stdout.write('READY\n');

async function recordForever(): Promise<never> {
  for (let n = (store.recent(1)[0]?.id ?? 0) + 1; ; n++) {
    const order = `SO-${n}`;
    const reference = `TRK-${n}`;
    await service.handlers['salesOrder.record']({ outlet: 'Outlet1', number: order, referenceNumber: reference, logisticServiceCode: 'JNE-R', note: '' });
    process.stdout.write(`RECORDED ${order} ${reference}\n`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
  }
}

void recordForever();
