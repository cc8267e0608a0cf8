/**
 * The receipt model (shared/receipt) laid out for 58 mm (32 columns) and 80 mm (48 columns) ESC/POS
 * thermal printers, encoded by @point-of-sale/receipt-printer-encoder. Pure: bytes in, bytes out.
 *
 * Columns are laid out here rather than with the encoder's table(): every printed line is exactly
 * the paper's width, which keeps golden bytes readable and lets a test decode every line back.
 */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { DrawerSettings, PaperWidth } from '../../shared/contract/printing';
import { formatReceiptMoney, formatReceiptPercent, formatReceiptTime, type Receipt } from '../../shared/receipt/receipt';
import { RECEIPT_LABELS, type ReceiptLabels } from '../../shared/receipt/receiptLabels';

export const COLUMNS: Readonly<Record<PaperWidth, number>> = { 58: 32, 80: 48 };
/** Printable dots per line at 203 dpi: 48 mm on 58 mm paper, 72 mm on 80 mm paper. */
const DOTS: Readonly<Record<PaperWidth, number>> = { 58: 384, 80: 576 };

/**
 * Code page 858 (cp850 with €) carries every letter Indonesian uses plus the accented letters and
 * symbols of imported product names (é, ü, ×, €); Epson numbers it 19, and most ESC/POS clones
 * (Xprinter, POS-5890) follow Epson's numbering. Anything it cannot carry prints as "?".
 */
export const CODE_PAGE = 'cp858';

/** A logo as the printer takes it: a 1-bit raster, `width / 8` bytes a row, 1 = black. */
export interface LogoRaster {
  readonly width: number;
  readonly height: number;
  readonly bits: Uint8Array;
}

export interface ThermalOptions {
  readonly paperWidth: PaperWidth;
  readonly labels: ReceiptLabels;
  /** A drawer pulse, sent first so the drawer opens while the receipt prints. */
  readonly drawer: DrawerSettings | null;
  /** Printed centred above the header. */
  readonly logo?: LogoRaster | null;
}

/**
 * GS v 0: the logo as one raster image, centred. Written raw: the encoder's image() needs a canvas
 * ImageData and dithers; the logo is already 1-bit.
 */
export function logoBytes(logo: LogoRaster): number[] {
  const rowBytes = logo.width / 8;
  if (!Number.isInteger(rowBytes) || logo.bits.length !== rowBytes * logo.height) {
    throw new RangeError(`A ${logo.width}×${logo.height} logo needs ${rowBytes * logo.height} bytes, not ${logo.bits.length}`);
  }
  return [0x1b, 0x61, 0x01, 0x1d, 0x76, 0x30, 0x00, rowBytes & 0xff, rowBytes >> 8, logo.height & 0xff, logo.height >> 8, ...logo.bits, 0x0a, 0x1b, 0x61, 0x00];
}

export function newEncoder(paperWidth: PaperWidth): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({ language: 'esc-pos', columns: COLUMNS[paperWidth], newline: '\n', codepageMapping: 'epson', feedBeforeCut: 4 });
}

/** Words wrapped to the width; a word longer than the width is split. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > width) {
      if (line) {
        out.push(line);
        line = '';
      }
      out.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      out.push(line);
      line = rest;
    }
  }
  if (line) out.push(line);
  return out.length > 0 ? out : [''];
}

/** Left text and right-aligned figure on one line of exactly `width`; a long left side wraps above. */
export function pair(left: string, right: string, width: number): string[] {
  const indent = /^ */.exec(left)?.[0] ?? '';
  const room = width - right.length - 1;
  if (room <= indent.length) return [...wrap(left, width), right.padStart(width)];
  const wrapped = wrap(left, room - indent.length).map((l) => indent + l);
  const last = wrapped.pop() ?? '';
  return [...wrapped, `${last.padEnd(room)} ${right}`];
}

const centred = (text: string, width: number): string[] => wrap(text, width).map((l) => l.padStart(Math.floor((width + l.length) / 2)).padEnd(width));

/**
 * ESC p m t1 t2: pin 2 is m = 0, pin 5 is m = 1; on and off times in 2 ms units. Written raw: the
 * encoder's pulse() flushes a line first, which would feed a blank line before every receipt.
 */
export function drawerPulseBytes(drawer: DrawerSettings): number[] {
  const units = (ms: number): number => Math.max(1, Math.min(255, Math.round(ms / 2)));
  return [0x1b, 0x70, drawer.pin === 2 ? 0 : 1, units(drawer.onMs), units(drawer.offMs)];
}

/** Module width in dots so the Code 128 barcode fits the paper: 11 modules a character plus start, check, stop and quiet zones. */
export function barcodeModuleWidth(value: string, paperWidth: PaperWidth): number {
  const modules = (value.length + 2) * 11 + 13 + 20;
  return Math.max(1, Math.min(4, Math.floor(DOTS[paperWidth] / modules)));
}

/**
 * The invoice number as Code 128 (subset B), centred, its text printed below. Written raw because
 * the encoder's narrowest module is 2 dots, too wide for a 21-character number on 58 mm paper
 * (286 modules; 384 dots). Invoice numbers are ASCII letters, digits and ". / -" (settings check).
 */
function barcodeBytes(value: string, paperWidth: PaperWidth): number[] {
  const data = [0x7b, 0x42, ...Array.from(value, (c) => c.charCodeAt(0) & 0x7f)];
  return [
    ...[0x1b, 0x61, 0x01], // centre
    ...[0x1d, 0x68, 60], // height in dots
    ...[0x1d, 0x77, barcodeModuleWidth(value, paperWidth)],
    ...[0x1d, 0x48, 0x02], // human-readable text below
    ...[0x1d, 0x6b, 73, data.length, ...data],
    0x0a,
    ...[0x1b, 0x61, 0x00],
  ];
}

function demoBanner(encoder: ReceiptPrinterEncoder, labels: ReceiptLabels, columns: number): void {
  encoder.align('center').bold(true).size(2, 2);
  for (const line of wrap(labels.demo, Math.floor(columns / 2))) encoder.line(line);
  encoder.size(1, 1).bold(false).align('left');
}

/** The text lines of the body, each exactly `columns` wide (the part golden tests decode line by line). */
export function receiptBodyLines(receipt: Receipt, labels: ReceiptLabels, columns: number): { meta: string[]; items: string[]; totals: string[]; notes: string[] } {
  const money = (amount: number): string => formatReceiptMoney(amount, receipt.decimals);
  const minus = (amount: number): string => `-${money(amount)}`;
  const meta: string[] = [];
  for (const line of receipt.header) meta.push(...(line.trim() === '' ? [''.padEnd(columns)] : centred(line, columns)));
  if (receipt.outlet) meta.push(...pair(labels.outlet, receipt.outlet, columns));
  if (receipt.register) meta.push(...pair(labels.register, receipt.register, columns));
  if (receipt.returnOf !== null) meta.push(...centred(labels.returnOf(receipt.returnOf), columns));
  meta.push(...pair(labels.invoice, receipt.invoiceNumber, columns));
  meta.push(...pair(labels.date, formatReceiptTime(receipt.completedAt), columns));
  if (receipt.customer) meta.push(...wrap(`${labels.customer}: ${receipt.customer.name} (${receipt.customer.code})`, columns).map((l) => l.padEnd(columns)));

  const items: string[] = [];
  for (const line of receipt.lines) {
    items.push(...wrap(line.name, columns).map((l) => l.padEnd(columns)));
    const amount = line.weightGrams === null ? `${line.quantity} x ${money(line.unitPrice)}` : `${labels.kilograms(line.weightGrams)} x ${money(line.unitPrice)}/kg`;
    items.push(...pair(`  ${amount}`, money(line.net), columns));
    if (line.discount) {
      const percent = line.discount.basisPoints === null ? '' : ` ${formatReceiptPercent(line.discount.basisPoints)}`;
      items.push(...pair(`  ${labels.discount}${percent}`, minus(line.discount.amount), columns));
    }
  }

  const totals: string[] = [];
  totals.push(...pair(`${labels.subtotal} (${labels.items(receipt.itemCount)})`, money(receipt.subtotal), columns));
  if (receipt.saleDiscount) {
    const percent = receipt.saleDiscount.basisPoints === null ? '' : ` ${formatReceiptPercent(receipt.saleDiscount.basisPoints)}`;
    totals.push(...pair(`${labels.saleDiscount}${percent}`, minus(receipt.saleDiscount.amount), columns));
  }
  if (receipt.points) totals.push(...pair(labels.points(receipt.points.points), minus(receipt.points.amount), columns));
  if (receipt.rounding) totals.push(...pair(receipt.rounding.beforeTax ? labels.roundingBeforeTax : labels.rounding, minus(receipt.rounding.amount), columns));
  if (receipt.tax) totals.push(...pair(receipt.tax.inclusive ? labels.taxIncluded(receipt.tax.name) : labels.tax(receipt.tax.name), money(receipt.tax.amount), columns));

  const notes: string[] = [];
  for (const approval of receipt.approvals) notes.push(...wrap(labels.approvedBy(approval.detail, approval.approvedBy), columns).map((l) => l.padEnd(columns)));
  for (const line of receipt.footer) notes.push(...(line.trim() === '' ? [''.padEnd(columns)] : centred(line, columns)));
  return { meta, items, totals, notes };
}

/** The whole receipt as ESC/POS bytes: optional drawer pulse, text, the invoice number as Code 128, feed and cut. */
export function thermalReceipt(receipt: Receipt, options: ThermalOptions): Uint8Array {
  const columns = COLUMNS[options.paperWidth];
  const money = (amount: number): string => formatReceiptMoney(amount, receipt.decimals);
  const rule = '-'.repeat(columns);
  const body = receiptBodyLines(receipt, options.labels, columns);
  const encoder = newEncoder(options.paperWidth).initialize().codepage(CODE_PAGE);
  if (options.drawer) encoder.raw(drawerPulseBytes(options.drawer));
  if (options.logo) encoder.raw(logoBytes(options.logo));
  if (receipt.demo) demoBanner(encoder, options.labels, columns);
  for (const line of body.meta) encoder.line(line);
  encoder.line(rule);
  for (const line of body.items) encoder.line(line);
  encoder.line(rule);
  for (const line of body.totals) encoder.line(line);
  // The total in bold; double height keeps the columns (double width would halve them).
  encoder.bold(true).height(2);
  for (const line of pair(receipt.returnOf === null ? options.labels.total : options.labels.refund, money(receipt.total), columns)) encoder.line(line);
  encoder.height(1).bold(false);
  for (const payment of receipt.payments) for (const line of pair(payment.method, money(payment.amount), columns)) encoder.line(line);
  if (receipt.change > 0) {
    encoder.bold(true);
    for (const line of pair(options.labels.change, money(receipt.change), columns)) encoder.line(line);
    encoder.bold(false);
  }
  encoder.line(rule);
  for (const line of body.notes) encoder.line(line);
  if (receipt.demo) demoBanner(encoder, options.labels, columns);
  // The barcode last, right above the cut: raw bytes after the encoder's own alignment state.
  encoder.newline().raw(barcodeBytes(receipt.invoiceNumber, options.paperWidth));
  return encoder.cut('partial').encode();
}

/** A short page that proves the printer, its width and code page work (Settings → Printer → Test print). */
export function thermalTestPage(options: ThermalOptions & { readonly sample: string }): Uint8Array {
  const columns = COLUMNS[options.paperWidth];
  const encoder = newEncoder(options.paperWidth).initialize().codepage(CODE_PAGE);
  if (options.drawer) encoder.raw(drawerPulseBytes(options.drawer));
  if (options.logo) encoder.raw(logoBytes(options.logo));
  encoder.align('center').bold(true).line(options.labels.testTitle).bold(false).align('left');
  for (const line of wrap(options.labels.testBody(columns), columns)) encoder.line(line);
  encoder.line('1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns));
  for (const line of wrap(options.sample, columns)) encoder.line(line);
  return encoder.cut('partial').encode();
}

/** Only the drawer pulse (a cash sale when receipts are not printed automatically). */
export function drawerOnly(drawer: DrawerSettings, paperWidth: PaperWidth): Uint8Array {
  return newEncoder(paperWidth).initialize().raw(drawerPulseBytes(drawer)).encode();
}

/**
 * The page for printing the on-screen receipt through the OS dialog: the paper's width and a length
 * that fits the receipt (about 5 mm a printed line plus header, barcode and margins), so a roll
 * printer's driver neither scales the receipt down to A4 nor feeds a page of blank paper.
 */
export function receiptPageMicrons(receipt: Receipt, paperWidth: PaperWidth): { widthMicrons: number; heightMicrons: number } {
  const body = receiptBodyLines(receipt, RECEIPT_LABELS.en, COLUMNS[paperWidth]);
  const lines = body.meta.length + body.items.length + body.totals.length + body.notes.length + receipt.payments.length + 6;
  const lengthMm = Math.min(2_000, Math.max(100, lines * 5 + 40));
  return { widthMicrons: paperWidth * 1_000, heightMicrons: lengthMm * 1_000 };
}
