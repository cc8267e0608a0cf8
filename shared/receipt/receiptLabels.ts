/**
 * The words a printed receipt uses, in the counter's language setting. The screen has its own
 * message catalogue (renderer/i18n); these are only for bytes sent to a printer, which cannot ask
 * the renderer.
 */
import { kilogramsText } from '../sale/weight';

export interface ReceiptLabels {
  readonly demo: string;
  readonly outlet: string;
  readonly register: string;
  readonly invoice: string;
  readonly date: string;
  readonly customer: string;
  readonly discount: string;
  readonly subtotal: string;
  readonly saleDiscount: string;
  readonly points: (points: number) => string;
  /** Cash rounding to the store's smallest coin; the second when it is taken before a tax added on top. */
  readonly rounding: string;
  readonly roundingBeforeTax: string;
  readonly tax: (name: string) => string;
  readonly taxIncluded: (name: string) => string;
  readonly total: string;
  readonly change: string;
  readonly items: (count: number) => string;
  /** A weight in whole grams as kilograms with three decimals, e.g. "1.234 kg" (ID: "1,234 kg"). */
  readonly kilograms: (grams: number) => string;
  readonly approvedBy: (detail: string, manager: string) => string;
  /** Heading of a return receipt (issue 16), and the label of its total. */
  readonly returnOf: (invoiceNumber: string) => string;
  readonly refund: string;
  readonly testTitle: string;
  readonly testBody: (columns: number) => string;
}

export const RECEIPT_LABELS: Readonly<Record<'en' | 'id', ReceiptLabels>> = {
  en: {
    demo: 'DEMO - NOT A REAL SALE',
    outlet: 'Outlet',
    register: 'Register',
    invoice: 'Invoice',
    date: 'Date',
    customer: 'Customer',
    discount: 'Discount',
    subtotal: 'Subtotal',
    saleDiscount: 'Sale discount',
    points: (points) => `Points (${points})`,
    rounding: 'Rounding',
    roundingBeforeTax: 'Rounding before tax',
    tax: (name) => name,
    taxIncluded: (name) => `${name} (included)`,
    total: 'TOTAL',
    change: 'Change',
    kilograms: (grams) => `${kilogramsText(grams, '.')} kg`,
    items: (count) => `${count} item${count === 1 ? '' : 's'}`,
    approvedBy: (detail, manager) => `${detail}, approved by ${manager}`,
    returnOf: (number) => `RETURN of ${number}`,
    refund: 'REFUND',
    testTitle: 'TEST PRINT',
    testBody: (columns) => `DealPOS Counter can print here (${columns} columns).`,
  },
  id: {
    demo: 'DEMO - BUKAN PENJUALAN ASLI',
    outlet: 'Outlet',
    register: 'Kasir',
    invoice: 'Faktur',
    date: 'Tanggal',
    customer: 'Pelanggan',
    discount: 'Diskon',
    subtotal: 'Subtotal',
    saleDiscount: 'Diskon penjualan',
    points: (points) => `Poin (${points})`,
    rounding: 'Pembulatan',
    roundingBeforeTax: 'Pembulatan sebelum pajak',
    tax: (name) => name,
    taxIncluded: (name) => `${name} (termasuk)`,
    total: 'TOTAL',
    change: 'Kembalian',
    kilograms: (grams) => `${kilogramsText(grams, ',')} kg`,
    items: (count) => `${count} barang`,
    approvedBy: (detail, manager) => `${detail}, disetujui oleh ${manager}`,
    returnOf: (number) => `RETUR dari ${number}`,
    refund: 'PENGEMBALIAN',
    testTitle: 'CETAK UJI',
    testBody: (columns) => `DealPOS Counter dapat mencetak di sini (${columns} kolom).`,
  },
};

