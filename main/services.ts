/**
 * Composition root: builds every main-process service from one config. The Electron host, the
 * browser test host, integration tests and benchmarks all call `createServices`; nothing else
 * constructs services by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContractHandlers } from '../shared/contract';
import { defaultLogFile, type ServicesConfig } from './config';
import { EventHub } from './events/eventHub';
import { StatusService } from './events/statusService';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createFileLogger, type Logger } from './logging/logger';
import { loadNodeHidBackend } from './scanner/nodeHidBackend';
import { systemScannerClock } from './scanner/scannerClock';
import { memoryDeviceChoiceStore, memoryWedgeSettingsStore } from './scanner/scannerStores';
import { createScannerService } from './scanner/scannerService';
import { AppStateStore } from './store/appStateStore';
import { LIVE_DB_FILE, openDatabase } from './store/database';
import { SettingsStore } from './store/settingsStore';
import { createOutboxService } from './sync/outboxService';

export interface Services {
  readonly config: ServicesConfig;
  readonly logger: Logger;
  readonly events: EventHub;
  readonly status: StatusService;
  readonly handlers: ContractHandlers;
  readonly dispatch: Dispatch;
  /** Stops workers and closes files; safe to call twice. */
  close(): Promise<void>;
}

export async function createServices(config: ServicesConfig): Promise<Services> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const logger = createFileLogger(config.logFile ?? defaultLogFile(config.dataDir), config.logToStderr ?? true);
  const events = new EventHub();
  const status = new StatusService(events);
  const closers: Array<() => Promise<void> | void> = [];

  // TODO(scanner): back these with the settings store (`scannerDevice`) and app state once they are wired here.
  const scanner = createScannerService({
    loadBackend: config.scannerBackend ?? (() => loadNodeHidBackend()),
    choices: memoryDeviceChoiceStore(),
    wedgeSettings: memoryWedgeSettingsStore(),
    status,
    emitScan: (scan) => events.emit('scan', scan),
    logger,
    clock: systemScannerClock,
    platform: process.platform,
  });
  closers.push(() => scanner.close());

  // Outbox (issue 5): sale.complete, queue.*, invoice sync. TODO(store): use the store's shared
  // database handle and SettingsStore once they are wired here, and the account's client provider.
  const outboxDb = openDatabase({ file: path.join(config.dataDir, LIVE_DB_FILE), logger });
  closers.push(() => outboxDb.close());
  const outboxSettings = new SettingsStore(new AppStateStore(outboxDb.db, logger));
  const outbox = createOutboxService({
    db: outboxDb.db,
    settings: () => outboxSettings.get(),
    client: () => null,
    status,
    events,
    logger,
  });
  closers.push(() => outbox.stop());

  const handlers: ContractHandlers = {
    'app.info': async () => ({
      name: 'DealPOS Counter',
      version: config.version,
      mode: 'setup',
      dataDir: config.dataDir,
      host: config.host,
    }),
    'app.status': async () => status.get(),
    ...scanner.handlers,
    ...outbox.handlers,
  };

  void scanner.start();
  outbox.start();

  let closed = false;
  return {
    config,
    logger,
    events,
    status,
    handlers,
    dispatch: createDispatcher(handlers, logger),
    async close() {
      if (closed) return;
      closed = true;
      // Close in reverse order of construction: workers before the stores they write to.
      for (const close of closers.reverse()) await close();
    },
  };
}
