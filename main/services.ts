/**
 * Composition root: builds every main-process service from one config. The Electron host, the
 * browser test host, integration tests and benchmarks all call `createServices`; nothing else
 * constructs services by hand.
 */
import fs from 'node:fs';
import type { ContractHandlers } from '../shared/contract';
import { defaultLogFile, type ServicesConfig } from './config';
import { EventHub } from './events/eventHub';
import { StatusService } from './events/statusService';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createFileLogger, type Logger } from './logging/logger';

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

  const handlers: ContractHandlers = {
    'app.info': async () => ({
      name: 'DealPOS Counter',
      version: config.version,
      mode: 'setup',
      dataDir: config.dataDir,
      host: config.host,
    }),
    'app.status': async () => status.get(),
  };

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
