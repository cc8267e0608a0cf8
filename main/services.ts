/**
 * Composition root: builds every main-process service from one config. The Electron host, the
 * browser test host, integration tests and benchmarks all call `createServices`; nothing else
 * constructs services by hand.
 */
import path from 'node:path';
import type { ContractHandlers } from '../shared/contract';
import { createAccountHandlers } from './account/accountHandlers';
import { createApprovalService } from './approval/approvalService';
import { AccountService } from './account/accountService';
import { startDemoSimulator } from './account/demoServer';
import { perSession } from './account/perSession';
import type { Session } from './account/session';
import { cachedSettingsOptions, loadSettingsOptions } from './account/settingsOptions';
import { createCatalogService } from './catalog/catalogService';
import { BulkWriter } from './workers/bulkWriter';
import { createCustomerService } from './customer/customerService';
import { createKeytarSecretStore } from './credentials/secretStore';
import { DEFAULT_LOG_ROTATION, logsDir, type ServicesConfig } from './config';
import { prepareDataFolder } from './dataFolder/dataFolder';
import { DataFolderError } from './dataFolder/dataFolderError';
import { EventHub } from './events/eventHub';
import { StatusService } from './events/statusService';
import { startEventLoopMonitor } from './diagnostics/eventLoopMonitor';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createFileLogger, type FileLogger, type Logger } from './logging/logger';
import { createOpenLogsFolder } from './logging/openLogsFolder';
import { loadNodeHidBackend } from './scanner/nodeHidBackend';
import { systemScannerClock } from './scanner/scannerClock';
import { documentWedgeSettingsStore, settingsDeviceChoiceStore } from './scanner/scannerStores';
import { createScannerService } from './scanner/scannerService';
import { CustomerStore } from './store/customerStore';
import { OutboxStore, systemIso } from './store/outboxStore';
import { createOutboxService } from './sync/outboxService';
import { createCheckoutService } from './sale/checkoutService';
import { pricingRules } from './sale/pricingRules';
import { DraftStore } from './store/draftStore';
import { HeldSaleStore } from './store/heldSaleStore';
import { createHeldSaleService } from './held/heldSaleService';
import { createReturnService } from './returns/returnService';
import { ServiceError } from '../shared/errors';
import { paymentMethodRules } from '../shared/sale/saleRules';
import type { Settings, SettingsOptions } from '../shared/contract/settings';
import { printerSettingsSchema } from '../shared/contract/printing';
import { buildReceipt, type ReceiptContext } from '../shared/receipt/receipt';
import { createPrintService } from './printing/printService';
import { createReceiptHistory } from './receipts/receiptHistory';
import { PrintJobStore } from './store/printJobStore';
import { StorageGuard } from './storage/storageGuard';
import { createLabelService } from './labels/labelService';
import { createInvoicesService } from './invoices/invoicesService';
import { createSalesOrderService, lastUsedCodeSchema } from './salesOrder/salesOrderService';
import { SalesOrderReferenceStore } from './store/salesOrderReferenceStore';
import { shiftSettingsSchema } from '../shared/contract/shift';
import { thermalZReport, Z_REPORT_LABELS } from './printing/thermalShiftReport';
import { createShiftService } from './shift/shiftService';
import { holdYoungGeneration } from './app/youngGeneration';

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

/** The session's app-state key of the printer settings (apart from `settings`, so older documents stay valid). */
const PRINTER_SETTINGS_KEY = 'printer';
/** The session's app-state key of the logistic service last used on the sales-order screen. */
const LAST_LOGISTIC_SERVICE_KEY = 'salesOrder.lastLogisticService';
/** The session's app-state key of the shift settings (issue 15). */
const SHIFT_SETTINGS_KEY = 'shift';

async function openLogger(config: ServicesConfig): Promise<FileLogger> {
  const dir = logsDir(config.dataDir);
  try {
    return await createFileLogger(dir, config.logRotation ?? DEFAULT_LOG_ROTATION, config.logToStderr ?? true);
  } catch (error) {
    throw new DataFolderError(dir, error);
  }
}

/** Throws `DataFolderError` when the data folder cannot be used; see main/app/startupFailure.ts. */
export async function createServices(config: ServicesConfig): Promise<Services> {
  prepareDataFolder(config.dataDir);
  // Memory stays flat through a busy day (issue 20): see youngGeneration.ts.
  holdYoungGeneration();
  const logger = await openLogger(config);
  const events = new EventHub();
  const status = new StatusService(events);
  // Disk full (issue 21): a reserve file to record sends in flight, sales refused and sync paused
  // while full, everything resumed when space is back; status says which folder to free.
  const storage = new StorageGuard({ dir: config.dataDir, logger, onChange: (disk) => status.update({ disk }), ...config.storage });
  storage.start();
  // Event-loop delay (issue 19): in app.status and the log, with what ran when it stalled.
  const loop = startEventLoopMonitor({ logger, publish: (mainLoop) => status.update({ mainLoop }) });
  // Closed in reverse order: the logger, first in, is closed last so shutdown problems are logged.
  const closers: Array<() => Promise<void> | void> = [() => logger.close(), () => loop.close(), () => storage.close()];

  // Account + local data (issue 4): owns the session — database file (live `dealpos-counter.db` or
  // `demo.db`), settings, catalog, DealPosClient and RequestBudget — and switches it on
  // connect / startDemo / disconnect. Anything holding the database or client is per session.
  const account = await AccountService.create({
    dataDir: config.dataDir,
    logger,
    secrets: createKeytarSecretStore(),
    startDemoServer: startDemoSimulator,
    onConnectivity: (connectivity) => status.update({ connectivity }),
    unsyncedInvoices: (db) => {
      const stats = new OutboxStore(db).stats();
      return stats.pending + stats.needsAttention;
    },
  });
  closers.push(() => account.close());
  // A database opened while the disk was full is held by main alone; shared again once there is room.
  storage.onRecovered(() => {
    const session = account.session();
    session.database.share();
    session.catalogDatabase.share();
  });

  // Bulk writes (issue 19): catalog pages and retention run on a worker thread with its own
  // connections to the session's files, handing each file's write lock to main through a gate, so
  // main's event loop never waits on them. One per session, registered before its users.
  let bulkWriter: BulkWriter | null = null;
  account.onSession((session) => {
    const writer = new BulkWriter({ db: session.db, catalogDb: session.catalogDatabase.db, logger });
    bulkWriter = writer;
    return async () => {
      if (bulkWriter === writer) bulkWriter = null;
      await writer.close();
    };
  });
  const currentBulkWriter = (): BulkWriter | null => bulkWriter;
  const catalog = createCatalogService({ account, logger, storage, bulkWriter: currentBulkWriter, noteActivity: (label) => loop.noteActivity(label), onProgress: (progress) => events.emit('catalogProgress', progress) });

  // Scanner (issue 6): the chosen device is the current session's `scannerDevice` setting and the
  // wedge thresholds its app state, so switching demo/live (or editing the setting) switches device.
  const scanner = createScannerService({
    loadBackend: config.scannerBackend ?? (() => loadNodeHidBackend()),
    choices: settingsDeviceChoiceStore({
      get: () => account.session().settings.get(),
      update: (patch) => account.session().settings.update(patch),
    }),
    wedgeSettings: documentWedgeSettingsStore({
      get: (key, schema) => account.session().state.get(key, schema),
      set: (key, value) => account.session().state.set(key, value),
    }),
    status,
    emitScan: (scan) => events.emit('scan', scan),
    logger,
    clock: systemScannerClock,
    platform: process.platform,
  });
  closers.push(() => scanner.close());
  account.onSession((session) => {
    void scanner.start();
    return session.settings.onChange((next, previous) => {
      if (next.scannerDevice !== previous.scannerDevice) void scanner.follow(next.scannerDevice);
    });
  });

  // Manager approval (issue 12): managers live in the session's app state; approvals in memory.
  const approvals = createApprovalService({ state: () => account.session().state, logger });

  // Outbox (issue 5): sale.complete, queue.*, invoice sync — one instance per session (database
  // and client change with the mode), started with it and stopped before its database closes.
  const outbox = perSession(
    account,
    (session) => {
      // Retention runs on the session's bulk writer thread (started before this, registered first).
      const bulk = currentBulkWriter();
      const instance = createOutboxService({
        db: session.db,
        settings: () => session.settings.get(),
        taxes: () => cachedSettingsOptions(session.state)?.taxes ?? null,
        client: () => session.client,
        quota: () => {
          const budget = session.budget?.snapshot();
          return budget && session.budget ? { limit: budget.limit, windowSeconds: budget.windowSeconds, reserve: session.budget.syncReserve() } : null;
        },
        onDealPosAnswered: (listener) => session.client?.onAnswered(listener) ?? (() => undefined),
        ...(bulk ? { pruner: { prune: (cutoffMs: number, batchSize: number) => bulk.pruneSynced(cutoffMs, batchSize) } } : {}),
        status,
        events,
        logger,
        approvals,
        storage,
      });
      instance.start();
      return instance;
    },
    (instance) => instance.stop(),
  );

  // Customers (issue 7): live lookups and PIN checks for the checkout, on the session's client; the
  // offline customer cache lives in the session's database (demo customers never meet live ones).
  let customerCache: CustomerStore | null = null;
  account.onSession((session) => {
    const cache = new CustomerStore(session.db);
    customerCache = cache;
    return () => {
      if (customerCache === cache) customerCache = null;
    };
  });
  const customers = createCustomerService({
    client: () => account.client(),
    cache: () => customerCache,
    onCacheWriteFailed: (error) => logger.warn('customer cache: could not keep a customer for offline lookups', { code: error.code, message: error.message }),
  });

  // Printing (issue 17): printer settings and the print queue live in the session's database, so
  // demo and live keep their own printer and jobs. Main builds every receipt from the stored sale.
  const receiptContextOf = (session: Session): ReceiptContext => {
    const settings = session.settings.get();
    return { header: settings.receiptHeader, footer: settings.receiptFooter, demo: session.mode === 'demo', decimals: settings.currencyDecimals };
  };
  const printing = perSession(
    account,
    (session) => {
      const instance = createPrintService({
        jobs: new PrintJobStore(session.db),
        settings: {
          get: () => session.state.get(PRINTER_SETTINGS_KEY, printerSettingsSchema),
          set: (value) => session.state.set(PRINTER_SETTINGS_KEY, value),
        },
        receiptOf: (localId) => {
          const recorded = outbox.current().store.recordedSale(localId);
          return recorded ? buildReceipt(recorded, receiptContextOf(session)) : null;
        },
        language: () => session.settings.get().language,
        events,
        logger,
        printPage: config.printPage,
        ...(config.printing ?? {}),
      });
      instance.start();
      return instance;
    },
    (instance) => instance.stop(),
  );

  // Shifts (issue 15): settings in the session's app state, shifts and Z reports in its database;
  // the open and close go to DealPOS through the outbox's worker, in order with the invoices.
  const shifts = perSession(
    account,
    (session) =>
      createShiftService({
        store: outbox.current().shifts,
        settings: {
          get: () => session.state.get(SHIFT_SETTINGS_KEY, shiftSettingsSchema),
          set: (value) => session.state.set(SHIFT_SETTINGS_KEY, value),
        },
        counter: () => {
          const { outlet, register, currencyDecimals } = session.settings.get();
          return { outlet, register, currencyDecimals };
        },
        approvals: () => approvals,
        openDrawer: (reference) => printing.current().openDrawer(reference),
        printZ: (report) =>
          printing.current().printNow((paperWidth, language) =>
            thermalZReport(report, { paperWidth, labels: Z_REPORT_LABELS[language], decimals: session.settings.get().currencyDecimals }),
          ),
        remote: () => session.client,
        queued: () => void outbox.current().worker.queueChanged(true),
        logger,
      }),
    () => undefined,
  );

  // Checkout (issue 12): the sale in progress lives in main, one instance per session next to its
  // outbox (it records through the outbox's sale recorder, in the same database).
  const checkout = perSession(
    account,
    (session) => {
      const settings = (): Settings => session.settings.get();
      const options = (): SettingsOptions | null => cachedSettingsOptions(session.state);
      const checkoutService = createCheckoutService({
        drafts: new DraftStore(session.db),
        outbox: outbox.current().store,
        sales: outbox.current().sales,
        pricing: () => pricingRules(settings(), options()),
        paymentMethods: () => paymentMethodRules(settings(), options()),
        resolve: (code) => catalog.resolve(code),
        findItem: (code) => session.catalog.findByCode(code),
        scaleRules: () => settings().scaleBarcodeRules,
        catalogSynced: () => catalog.progress().lastSyncAt !== null,
        customers,
        approvals: () => approvals,
        receiptContext: () => receiptContextOf(session),
        onRecorded: (sale) => printing.current().saleRecorded(sale),
        shiftOfSale: () => shifts.current().saleShift(),
        logger,
      });
      // Held sales (issue 16) swap the checkout's open draft, so they live beside it.
      const held = createHeldSaleService({
        store: new HeldSaleStore(session.db),
        checkout: checkoutService,
        pricing: () => pricingRules(settings(), options()),
        staleAfterHours: () => settings().heldSaleStaleHours,
        cashier: () => settings().register,
        findItem: (code) => session.catalog.findByCode(code),
        iso: systemIso,
        logger,
      });
      // Returns (issue 16) record through the same outbox and print like any sale.
      const returnService = createReturnService({
        outbox: outbox.current().store,
        sales: outbox.current().sales,
        outlet: () => settings().outlet,
        decimals: () => settings().currencyDecimals,
        paymentMethods: () => paymentMethodRules(settings(), options()),
        taxes: () => options()?.taxes ?? [],
        fetchInvoice: async (outlet, number) => {
          if (!session.client) throw new ServiceError('offline', 'This counter is not connected to a DealPOS account');
          return session.client.invoiceByNumber({ outlet, number }, { priority: 'interactive', timeoutMs: 10_000, maxWaitMs: 10_000 });
        },
        approvals: () => approvals,
        checkout: checkoutService,
        shiftOfSale: () => shifts.current().saleShift(),
        pricing: () => pricingRules(settings(), options()),
        receiptContext: () => receiptContextOf(session),
        onRecorded: (sale) => printing.current().saleRecorded(sale),
        logger,
      });
      return { handlers: { ...checkoutService.handlers, ...held.handlers, ...returnService.handlers } };
    },
    () => undefined,
  );
  const receipts = createReceiptHistory({ outbox: () => outbox.current().store, receiptContext: () => receiptContextOf(account.session()) });
  account.onSession(() => {
    customers.forget();
    return () => customers.forget();
  });

  // Receiving labels (issue 14): bill and delivery lines kept in the session's database for
  // offline use; the label sheet PDF is made here so every host prints the same file.
  const labels = createLabelService({ session: () => account.session(), logger, sheetsDir: path.join(config.dataDir, 'labels'), openFile: config.openFolder ?? null });
  // Back office (issue 14): invoices across outlets, live on the session's client; its page cache
  // belongs to the session, so demo pages never show in live mode.
  const invoices = perSession(
    account,
    (session) =>
      createInvoicesService({
        client: () => session.client,
        budget: () => session.budget,
        accessibleOutlets: async () => (await loadSettingsOptions(session, { logger })).outlets.map((outlet) => outlet.name),
        decimals: () => session.settings.get().currencyDecimals,
        logger,
      }),
    () => undefined,
  );
  // Sales-order tracking numbers (issue 14): queued in the session's database, sent by their own loop.
  const salesOrders = perSession(
    account,
    (session) => {
      const instance = createSalesOrderService({
        store: new SalesOrderReferenceStore(session.db),
        client: () => session.client,
        accessibleOutlets: () => (cachedSettingsOptions(session.state)?.outlets ?? []).map((outlet) => outlet.name),
        lastUsedCode: {
          get: () => session.state.get(LAST_LOGISTIC_SERVICE_KEY, lastUsedCodeSchema),
          set: (code) => session.state.set(LAST_LOGISTIC_SERVICE_KEY, code),
        },
        onDealPosAnswered: (listener) => session.client?.onAnswered(listener) ?? (() => undefined),
        events,
        logger,
      });
      instance.start();
      return instance;
    },
    (instance) => instance.stop(),
  );

  const handlers: ContractHandlers = {
    'app.info': async () => ({
      name: 'DealPOS Counter',
      version: config.version,
      mode: account.mode(),
      dataDir: config.dataDir,
      host: config.host,
    }),
    'app.status': async () => status.get(),
    'app.openLogsFolder': createOpenLogsFolder(logsDir(config.dataDir), config.openFolder ?? null),
    ...createAccountHandlers(account, logger),
    ...catalog.handlers,
    ...scanner.handlers,
    ...outbox.handlers,
    ...checkout.handlers,
    ...customers.handlers,
    ...approvals.handlers,
    ...printing.handlers,
    ...receipts,
    ...labels.handlers,
    ...invoices.handlers,
    ...salesOrders.handlers,
    ...shifts.handlers,
  };

  let closed = false;
  return {
    config,
    logger,
    events,
    status,
    handlers,
    dispatch: createDispatcher(handlers, logger, (method) => loop.noteActivity(method)),
    async close() {
      if (closed) return;
      closed = true;
      // Close in reverse order of construction: workers before the stores they write to.
      for (const close of closers.reverse()) await close();
    },
  };
}
