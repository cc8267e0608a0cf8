/**
 * Printing (issue 17): the printer settings, the durable print queue and its worker, and the
 * `printing.*` handlers. The sale is always recorded before anything here runs; a job that fails
 * stays in the queue, is shown to the cashier with a retry button, and never holds up selling.
 */
import type { ContractHandlers } from '../../shared/contract';
import {
  DEFAULT_PRINTER_SETTINGS,
  type PaperNotice,
  type PaperWidth,
  printerSettingsSchema,
  type PrinterSettings,
  type PrintJob,
  type ReceiptLogo,
  type TestPrintResult,
} from '../../shared/contract/printing';
import type { ReceiptedSale } from '../../shared/contract/sale';
import { ServiceError, type ValidationIssue } from '../../shared/errors';
import { formatPrinterAddress, parsePrinterAddress, type PrinterAddress } from '../../shared/printing/printerAddress';
import type { Receipt } from '../../shared/receipt/receipt';
import { RECEIPT_LABELS, type ReceiptLabels } from '../../shared/receipt/receiptLabels';
import type { EventHub } from '../events/eventHub';
import type { Logger } from '../logging/logger';
import { StoreError } from '../store/storeError';
import type { PrintJobStore, StoredPrintJob } from '../store/printJobStore';
import { sendToCupsQueue, type CupsOptions } from './cupsTransport';
import { DEFAULT_NETWORK_TIMEOUTS, sendToNetworkPrinter, type NetworkTimeouts } from './networkTransport';
import { PrinterError } from './printerError';
import type { PaperLevel } from './printerStatus';
import { drawerOnly, receiptPageMicrons, thermalReceipt, thermalTestPage, type LogoRaster } from './thermalReceipt';

type PrintingMethod = Extract<keyof ContractHandlers, `printing.${string}`>;
export type PrintingHandlers = Pick<ContractHandlers, PrintingMethod>;

/** Where the printer settings live: the session's app state (demo and live keep their own). */
export interface PrinterSettingsStore {
  get(): PrinterSettings | null;
  set(value: PrinterSettings): void;
}

export interface PrintServiceOptions {
  readonly jobs: PrintJobStore;
  readonly settings: PrinterSettingsStore;
  /** The receipt of a recorded sale, built by main from the stored sale; null when it is gone. */
  readonly receiptOf: (localId: string) => Receipt | null;
  readonly language: () => 'en' | 'id';
  readonly events: EventHub;
  readonly logger: Logger;
  /** The host's print dialog on a page of this size (Electron); absent in the browser host. */
  readonly printPage?: ((page: { readonly widthMicrons: number; readonly heightMicrons: number }) => Promise<string>) | undefined;
  readonly network?: NetworkTimeouts;
  readonly cups?: CupsOptions;
  readonly now?: () => number;
}

export interface PrintService {
  readonly handlers: PrintingHandlers;
  /** After a sale is recorded: queue its receipt (auto-print) and/or the drawer pulse. Never throws. */
  saleRecorded(sale: ReceiptedSale): void;
  /**
   * A no-sale drawer opening (issue 15): queues a drawer pulse under `reference`. False when there
   * is no receipt printer or its drawer is not set up. Never throws.
   */
  openDrawer(reference: { readonly id: string; readonly label: string }): boolean;
  /** Prints a document (a Z report) now on the receipt printer; answers what it printed to. */
  printNow(build: (paperWidth: PaperWidth, language: 'en' | 'id') => Uint8Array): Promise<string>;
  /** Fails jobs an earlier run left unfinished, then announces the queue. */
  start(): void;
  /** Resolves when the job being printed (if any) is done. */
  stop(): Promise<void>;
  /** The worker's current run (tests and the bench wait on it). */
  idle(): Promise<void>;
}

const publicJob = (job: StoredPrintJob): PrintJob => ({
  id: job.id,
  kind: job.kind,
  invoiceNumber: job.invoiceNumber,
  state: job.state,
  attempts: job.attempts,
  lastError: job.lastError,
  lastErrorCode: job.lastErrorCode,
  createdAt: job.createdAt,
});

/** Codes of a printer that said it cannot print (out of paper, cover open, off-line). */
const STATUS_REFUSALS: ReadonlySet<string> = new Set(['printer_paper_out', 'printer_cover_open', 'printer_offline']);

/** The stored logo as raster bytes (checked when saved, so a size mismatch here is a damaged setting). */
function logoRaster(logo: ReceiptLogo | null): LogoRaster | null {
  return logo ? { width: logo.width, height: logo.height, bits: new Uint8Array(Buffer.from(logo.bits, 'base64')) } : null;
}

/** Problems a person can fix in the form, named by field. */
export function printerSettingsIssues(settings: PrinterSettings): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (settings.logo) {
    const expected = (settings.logo.width / 8) * settings.logo.height;
    const actual = Buffer.from(settings.logo.bits, 'base64').length;
    if (actual !== expected) issues.push({ path: 'logo', message: `The logo holds ${actual} bytes where a ${settings.logo.width}×${settings.logo.height} logo has ${expected}; choose the image again` });
  }
  if (settings.transport === 'network') {
    const parsed = parsePrinterAddress(settings.address);
    if (!parsed.ok) issues.push({ path: 'address', message: parsed.message });
  }
  if (settings.transport === 'cups' && settings.queue.trim() === '') {
    issues.push({ path: 'queue', message: 'Enter the CUPS queue name (lpstat -p lists them)' });
  }
  if (settings.transport === 'system') {
    if (settings.autoPrint) issues.push({ path: 'autoPrint', message: 'Automatic printing needs a receipt printer (network or CUPS); the print dialog cannot print unattended' });
    if (settings.drawer.enabled) issues.push({ path: 'drawer.enabled', message: 'The cash drawer opens through a receipt printer (network or CUPS); choose one first' });
  }
  return issues;
}

function checked(settings: PrinterSettings): PrinterSettings {
  const issues = printerSettingsIssues(settings);
  if (issues.length > 0) throw new ServiceError('validation', `Printer settings not saved: ${issues.map((i) => i.message).join('; ')}`, { issues });
  return settings;
}

export function createPrintService(options: PrintServiceOptions): PrintService {
  const now = options.now ?? Date.now;
  const { jobs, logger } = options;
  const settings = (): PrinterSettings => options.settings.get() ?? DEFAULT_PRINTER_SETTINGS;
  const labels = (): ReceiptLabels => RECEIPT_LABELS[options.language()];

  const announce = (): void => {
    const open = jobs.open();
    options.events.emit('printJobs', { failed: open.filter((j) => j.state === 'failed').length, jobs: open.map(publicJob), paper });
  };

  // What network printers said of themselves. A printer that did not answer status questions is not
  // asked again (each unanswered question costs `statusMs` before the job) until the settings are
  // saved or a test print asks it; one that answers late is asked again.
  const silentPrinters = new Set<string>();
  let paper: PaperNotice | null = null;
  const notePaper = (level: PaperLevel | null): void => {
    const next = level === 'near_end' || level === 'end' ? level : null;
    if (next === paper) return;
    paper = next;
    announce();
  };

  const sendNetwork = async (address: PrinterAddress, bytes: Uint8Array, askStatus: boolean): Promise<string> => {
    const target = formatPrinterAddress(address);
    try {
      const outcome = await sendToNetworkPrinter(address, bytes, options.network ?? DEFAULT_NETWORK_TIMEOUTS, { askStatus });
      if (outcome.answersStatus) silentPrinters.delete(target);
      else if (askStatus) silentPrinters.add(target);
      notePaper(outcome.paperAfter ?? outcome.before?.paper ?? null);
    } catch (error) {
      // The failed job names the empty roll itself; a notice beside it would say it twice.
      if (error instanceof PrinterError && STATUS_REFUSALS.has(error.code)) notePaper(null);
      throw error;
    }
    return target;
  };

  /**
   * Sends bytes over the configured transport; answers what it printed to. Only a network printer
   * can say whether it has paper: `lp` hands the bytes to CUPS and cannot read anything back.
   */
  const send = async (config: PrinterSettings, bytes: Uint8Array, askStatus?: boolean): Promise<string> => {
    switch (config.transport) {
      case 'network': {
        const parsed = parsePrinterAddress(config.address);
        if (!parsed.ok) throw new ServiceError('validation', parsed.message, { issues: [{ path: 'address', message: parsed.message }] });
        return sendNetwork(parsed.address, bytes, askStatus ?? !silentPrinters.has(formatPrinterAddress(parsed.address)));
      }
      case 'cups':
        await sendToCupsQueue(config.queue, bytes, options.cups);
        return `CUPS queue ${config.queue}`;
      case 'system':
        throw new ServiceError('not_configured', 'No receipt printer is set up: choose a network or CUPS printer in Settings → Printer, or print from the receipt with Ctrl+P');
    }
  };

  const bytesOf = (job: StoredPrintJob, config: PrinterSettings): Uint8Array => {
    const drawer = job.drawer ? config.drawer : null;
    if (job.kind === 'drawer') return drawerOnly(config.drawer, config.paperWidth);
    const receipt = options.receiptOf(job.localId);
    if (!receipt) throw new ServiceError('not_found', `Sale ${job.invoiceNumber} is no longer on this register, so its receipt cannot be printed; dismiss this job`);
    return thermalReceipt(receipt, { paperWidth: config.paperWidth, labels: labels(), drawer, logo: logoRaster(config.logo) });
  };

  const printOne = async (job: StoredPrintJob): Promise<void> => {
    if (!jobs.claim(job.id, now())) return; // retried twice, or dismissed meanwhile: printed at most once
    announce();
    const config = settings();
    try {
      const target = await send(config, bytesOf(job, config));
      jobs.markPrinted(job.id, now());
      logger.info(`Printing: ${job.kind} of ${job.invoiceNumber} printed on ${target}`);
    } catch (error) {
      // Expected failures (printer off, refused, timeout, closed mid-job) wait for the cashier; anything else is logged in full too.
      const known = error instanceof ServiceError;
      const message = known ? error.message : 'Printing failed unexpectedly; see the log, then retry';
      jobs.markFailed(job.id, message, known ? error.code : 'internal', now());
      if (known) logger.warn(`Printing: ${job.kind} of ${job.invoiceNumber} failed: ${message}`);
      else logger.error(`Printing: ${job.kind} of ${job.invoiceNumber} failed`, error);
    }
    announce();
  };

  // One job at a time, in order: a printer takes one connection, and receipts must not interleave.
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const kick = (): void => {
    running = running
      .then(async () => {
        for (const job of jobs.pending()) {
          if (stopped) return;
          await printOne(job);
        }
      })
      // The queue itself could not be read or written (disk): logged, and the next kick tries again.
      .catch((error: unknown) => logger.error('Printing: the print queue could not be worked', error));
  };

  const mustGet = (id: number): StoredPrintJob => {
    const job = jobs.get(id);
    if (!job) throw new ServiceError('not_found', `There is no print job ${id}`);
    return job;
  };

  const handlers: PrintingHandlers = {
    'printing.getSettings': async () => settings(),
    'printing.updateSettings': async (input) => {
      const next = checked(printerSettingsSchema.parse(input));
      options.settings.set(next);
      silentPrinters.clear();
      logger.info(`Printing: settings saved (${next.transport}, ${next.paperWidth} mm, auto-print ${next.autoPrint ? 'on' : 'off'}, drawer ${next.drawer.enabled ? `pin ${next.drawer.pin}` : 'off'})`);
      return next;
    },
    'printing.testPrint': async (input): Promise<TestPrintResult> => {
      const config = checked(input);
      const started = now();
      const bytes = thermalTestPage({
        paperWidth: config.paperWidth,
        labels: labels(),
        drawer: null,
        logo: logoRaster(config.logo),
        sample: 'Rp 12.500 · Kopi Susu Gula Aren · Café · 5 × 85g',
      });
      const target = await send(config, bytes, true);
      logger.info(`Printing: test page printed on ${target}`);
      return { target, bytes: bytes.length, elapsedMs: now() - started, paper: config.transport === 'network' ? paper : null };
    },
    'printing.jobs': async () => jobs.open().map(publicJob),
    'printing.paper': async () => paper,
    'printing.retry': async ({ id }) => {
      const job = mustGet(id);
      if (!jobs.retry(id, now())) {
        throw new ServiceError('conflict', `The receipt of ${job.invoiceNumber} is ${job.state === 'failed' ? 'being retried already' : job.state}; it is not printed twice`);
      }
      announce();
      kick();
      return publicJob(mustGet(id));
    },
    'printing.dismiss': async ({ id }) => {
      const job = mustGet(id);
      if (!jobs.dismiss(id, now())) throw new ServiceError('conflict', `The job for ${job.invoiceNumber} is ${job.state}; only a failed job can be dismissed`);
      announce();
      return publicJob(mustGet(id));
    },
    'printing.printDialog': async ({ localId }) => {
      const receipt = options.receiptOf(localId);
      if (!receipt) throw new ServiceError('not_found', 'That sale is not on this register');
      if (!options.printPage) throw new ServiceError('not_configured', 'This window prints through its own print dialog');
      const reason = await options.printPage(receiptPageMicrons(receipt, settings().paperWidth));
      if (reason !== '') logger.info(`Printing: print dialog for ${receipt.invoiceNumber} did not print: ${reason}`);
      return { printed: reason === '', reason: reason === '' ? null : reason };
    },
    'printing.printReceipt': async ({ localId }) => {
      const config = settings();
      if (config.transport === 'system') {
        throw new ServiceError('not_configured', 'No receipt printer is set up: choose a network or CUPS printer in Settings → Printer, or print with Ctrl+P');
      }
      const receipt = options.receiptOf(localId);
      if (!receipt) throw new ServiceError('not_found', 'That sale is not on this register');
      const job = jobs.add({ kind: 'receipt', localId, invoiceNumber: receipt.invoiceNumber, drawer: false }, now());
      announce();
      kick();
      return publicJob(job);
    },
  };

  return {
    handlers,
    saleRecorded(sale) {
      const config = settings();
      if (config.transport === 'system') return;
      const drawer = config.drawer.enabled && sale.receipt.cashPaid;
      const kind = config.autoPrint ? 'receipt' : drawer ? 'drawer' : null;
      if (!kind) return;
      try {
        jobs.add({ kind, localId: sale.localId, invoiceNumber: sale.invoiceNumber, drawer }, now());
      } catch (error) {
        // The sale is recorded; a queue write that fails (disk full) must not turn it into an error.
        logger.error(`Printing: could not queue the ${kind} of ${sale.invoiceNumber}; print it from the receipt`, error);
        return;
      }
      announce();
      kick();
    },
    openDrawer(reference) {
      const config = settings();
      if (config.transport === 'system' || !config.drawer.enabled) return false;
      try {
        jobs.add({ kind: 'drawer', localId: reference.id, invoiceNumber: reference.label, drawer: true }, now());
      } catch (error) {
        logger.error('Printing: could not queue the drawer opening', error);
        return false;
      }
      announce();
      kick();
      return true;
    },
    async printNow(build) {
      const config = settings();
      return send(config, build(config.paperWidth, options.language()));
    },
    start() {
      try {
        const interrupted = jobs.failInterrupted(now());
        if (interrupted > 0) logger.warn(`Printing: ${interrupted} job(s) were unfinished when the app stopped; they wait for a retry`);
      } catch (error) {
        // A full disk must not stop the app from starting; the jobs stay as they are until the next start.
        if (!(error instanceof StoreError)) throw error;
        logger.warn(`Printing: could not mark unfinished print jobs (${error.message})`);
      }
      announce();
    },
    async stop() {
      stopped = true;
      await running;
    },
    idle: () => running,
  };
}

