/**
 * What every crash-test child runs before its own work: its real SQLite file, a client of the
 * simulator with a budget and timeouts short enough for a test, and the outbox syncing with tight
 * backoff. The child is SIGKILLed at will, so nothing here is ever closed.
 */
import { DealPosClient } from '../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../main/dealpos/requestBudget';
import { EventHub } from '../../main/events/eventHub';
import { StatusService } from '../../main/events/statusService';
import { createLogger, type Logger } from '../../main/logging/logger';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../main/simulator/demoData';
import { openDatabase, type OpenedDatabase } from '../../main/store/database';
import { createOutboxService, type OutboxService } from '../../main/sync/outboxService';
import { SETTINGS } from '../unit/outbox/fixtures';

export interface CrashChildOutbox {
  readonly opened: OpenedDatabase;
  readonly client: DealPosClient;
  readonly outbox: OutboxService;
  readonly logger: Logger;
}

export function crashChildOutbox(dbFile: string, simUrl: string): CrashChildOutbox {
  const opened = openDatabase({ file: dbFile });
  const events = new EventHub();
  const logger = createLogger(() => undefined);
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
    logger,
    worker: { loopBackoff: { baseMs: 10, maxMs: 100 }, entryBackoff: { baseMs: 10, maxMs: 100 }, debounceMs: 2, batchSize: 10 },
  });
  return { opened, client, outbox, logger };
}
