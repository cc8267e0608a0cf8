/**
 * Receipts on counter printers (issue 17). Main owns the printer and a durable print queue; the
 * renderer shows the settings, the failed jobs with a retry button, and asks for a test print.
 */
import { z } from 'zod';
import { text } from '../text/text';
import { method, returns } from './define';

export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

export const drawerSettingsSchema = z
  .object({
    /** Open the cash drawer (through the printer's drawer port) when a sale with a cash payment completes. */
    enabled: z.boolean(),
    /** Drawer kick connector pin: 2 on most drawers, 5 for a second drawer. */
    pin: z.union([z.literal(2), z.literal(5)]),
    /** Pulse on and off times in ms; ESC/POS counts 2 ms units up to 255. */
    onMs: z.number().int().min(2).max(510),
    offMs: z.number().int().min(2).max(510),
  })
  .strict();
export type DrawerSettings = z.infer<typeof drawerSettingsSchema>;

/** Widest logo the narrowest paper prints (58 mm: 384 dots), so one logo fits both widths. */
export const LOGO_MAX_WIDTH = 384;
export const LOGO_MAX_HEIGHT = 192;

/**
 * An optional logo printed centred above the receipt: a 1-bit raster, rows of `width / 8` bytes,
 * most significant bit leftmost, 1 = black (the ESC/POS raster layout), base64. The renderer turns
 * the chosen image into this; main checks the size matches.
 */
export const receiptLogoSchema = z
  .object({
    width: z.number().int().min(8).max(LOGO_MAX_WIDTH).multipleOf(8),
    height: z.number().int().min(1).max(LOGO_MAX_HEIGHT),
    bits: text({ max: Math.ceil(((LOGO_MAX_WIDTH / 8) * LOGO_MAX_HEIGHT) / 3) * 4 }).pipe(z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64')),
  })
  .strict();
export type ReceiptLogo = z.infer<typeof receiptLogoSchema>;

export const printerSettingsSchema = z
  .object({
    /**
     * `network`: an ESC/POS printer on TCP (port 9100); `cups`: a raw queue of the OS spooler
     * (`lp -o raw`, Linux and macOS); `system`: the OS print dialog only (window.print).
     */
    transport: z.enum(['system', 'network', 'cups']),
    /** host:port of a network printer, e.g. 192.168.1.50:9100. */
    address: text({ max: 255, min: 0 }),
    /** CUPS queue name (`lpstat -p` lists them). */
    queue: text({ max: 127, min: 0 }),
    paperWidth: z.union([z.literal(58), z.literal(80)]),
    /** Print the receipt as soon as each sale is recorded. */
    autoPrint: z.boolean(),
    drawer: drawerSettingsSchema,
    logo: receiptLogoSchema.nullable(),
  })
  .strict();
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  transport: 'system',
  address: '',
  queue: '',
  paperWidth: 80,
  autoPrint: false,
  drawer: { enabled: false, pin: 2, onMs: 100, offMs: 500 },
  logo: null,
};

export type PrintJobKind = 'receipt' | 'drawer';
export type PrintJobState = 'pending' | 'printing' | 'printed' | 'failed';

/** One job of the print queue, as the screen shows it. */
export interface PrintJob {
  readonly id: number;
  readonly kind: PrintJobKind;
  /** The sale's invoice number (receipts and drawer pulses both come from a sale). */
  readonly invoiceNumber: string;
  readonly state: PrintJobState;
  readonly attempts: number;
  /** Why the last attempt failed, in words a cashier can act on. */
  readonly lastError: string | null;
  /** Its error code (`printer_paper_out`…), so the screen can word it in the counter's language. */
  readonly lastErrorCode: string | null;
  /** ISO 8601. */
  readonly createdAt: string;
}

/**
 * What a network receipt printer last said about its roll (ESC/POS real-time status) after printing:
 * `near_end` (running low: the job printed) or `end` (it ran out during the job). Printers that do
 * not answer status questions, and CUPS queues, never give one.
 */
export type PaperNotice = 'near_end' | 'end';

export interface TestPrintResult {
  /** What was printed to, e.g. "192.168.1.50:9100" or "CUPS queue Counter1". */
  readonly target: string;
  readonly bytes: number;
  readonly elapsedMs: number;
  /** The printer's roll after the test page, when it said. */
  readonly paper: PaperNotice | null;
}

const jobId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const printingMethods = {
  'printing.getSettings': method({ input: z.object({}).strict(), result: returns<PrinterSettings>() }),
  /** The whole printer settings; a network address must be host:port (`validation` names the field). */
  'printing.updateSettings': method({ input: printerSettingsSchema, result: returns<PrinterSettings>() }),
  /**
   * Prints a test page with the given (unsaved) settings, so they can be tried before saving.
   * Errors: `validation` (address), `printer_unreachable`, `printer_refused`, `printer_timeout`,
   * `printer_io`, `printer_unsupported`, and what a network printer says of itself:
   * `printer_paper_out`, `printer_cover_open`, `printer_offline` — each with a message saying what to check.
   */
  'printing.testPrint': method({ input: printerSettingsSchema, result: returns<TestPrintResult>() }),
  /** Jobs that need the cashier (failed), newest first, plus any still printing. */
  'printing.jobs': method({ input: z.object({}).strict(), result: returns<readonly PrintJob[]>() }),
  /** What the receipt printer last said about its paper (null: fine or unknown); also in `printJobs`. */
  'printing.paper': method({ input: z.object({}).strict(), result: returns<PaperNotice | null>() }),
  /** Tries a failed job again; a job already printing or printed is not printed twice (`conflict`). */
  'printing.retry': method({ input: z.object({ id: jobId }).strict(), result: returns<PrintJob>() }),
  /** Puts a failed job away without printing it (the cashier printed it another way, or it is not needed). */
  'printing.dismiss': method({ input: z.object({ id: jobId }).strict(), result: returns<PrintJob>() }),
  /**
   * The print dialog fallback for a recorded sale's on-screen receipt, on a page of the configured
   * paper width and the receipt's length (Electron). `not_configured` where the host has no print
   * dialog of its own (browser host: the page prints itself).
   */
  'printing.printDialog': method({ input: z.object({ localId: text({ max: 64 }) }).strict(), result: returns<{ readonly printed: boolean; readonly reason: string | null }>() }),
  /** Queues the receipt of a recorded sale (reprint) on the configured printer. `not_configured` with the system transport. */
  'printing.printReceipt': method({ input: z.object({ localId: text({ max: 64 }) }).strict(), result: returns<PrintJob>() }),
};

export const printingEvents = {
  /** The print queue changed: a job was queued, printed, failed, retried or dismissed. */
  printJobs: returns<{ readonly failed: number; readonly jobs: readonly PrintJob[]; readonly paper: PaperNotice | null }>(),
};
