/**
 * A Z report (issue 15) laid out for the receipt printer, on the same encoder, code page and column
 * widths as the receipts (thermalReceipt.ts). Pure: the stored report in, bytes out.
 */
import type { PaperWidth } from '../../shared/contract/printing';
import { formatReceiptMoney, formatReceiptTime } from '../../shared/receipt/receipt';
import type { StoredZReport } from '../store/shiftStore';
import { CODE_PAGE, COLUMNS, newEncoder, pair, wrap } from './thermalReceipt';

export interface ZReportLabels {
  readonly title: (number: number) => string;
  readonly outlet: string;
  readonly register: string;
  readonly cashier: string;
  readonly closedBy: string;
  readonly opened: string;
  readonly closed: string;
  readonly sales: (count: number) => string;
  readonly gross: string;
  readonly discounts: string;
  /** Of the discounts, cash rounding to the store's coin. */
  readonly rounding: string;
  readonly netSales: string;
  readonly tax: string;
  readonly salesTotal: string;
  readonly returns: (count: number) => string;
  readonly payments: string;
  readonly openingFloat: string;
  readonly cashSales: string;
  readonly cashRefunds: string;
  readonly cashIn: string;
  readonly cashOut: string;
  readonly noSale: (count: number) => string;
  readonly expected: string;
  readonly counted: string;
  readonly variance: string;
  readonly blind: string;
  readonly queued: (count: number) => string;
}

export const Z_REPORT_LABELS: Readonly<Record<'en' | 'id', ZReportLabels>> = {
  en: {
    title: (n) => `Z REPORT #${n}`,
    outlet: 'Outlet',
    register: 'Register',
    cashier: 'Cashier',
    closedBy: 'Closed by',
    opened: 'Opened',
    closed: 'Closed',
    sales: (n) => `Sales (${n})`,
    gross: 'Gross',
    discounts: 'Discounts',
    rounding: 'of which rounding',
    netSales: 'Net sales',
    tax: 'Tax',
    salesTotal: 'Total taken',
    returns: (n) => `Returns (${n})`,
    payments: 'Payments',
    openingFloat: 'Opening float',
    cashSales: 'Cash sales',
    cashRefunds: 'Cash refunds',
    cashIn: 'Cash in',
    cashOut: 'Cash out',
    noSale: (n) => `No-sale openings: ${n}`,
    expected: 'Expected cash',
    counted: 'Counted cash',
    variance: 'Variance',
    blind: 'Blind count',
    queued: (n) => `${n} invoice(s) were still queued at the close`,
  },
  id: {
    title: (n) => `LAPORAN Z #${n}`,
    outlet: 'Outlet',
    register: 'Kasir',
    cashier: 'Petugas',
    closedBy: 'Ditutup oleh',
    opened: 'Dibuka',
    closed: 'Ditutup',
    sales: (n) => `Penjualan (${n})`,
    gross: 'Bruto',
    discounts: 'Diskon',
    rounding: 'termasuk pembulatan',
    netSales: 'Penjualan bersih',
    tax: 'Pajak',
    salesTotal: 'Total diterima',
    returns: (n) => `Retur (${n})`,
    payments: 'Pembayaran',
    openingFloat: 'Modal awal',
    cashSales: 'Penjualan tunai',
    cashRefunds: 'Pengembalian tunai',
    cashIn: 'Kas masuk',
    cashOut: 'Kas keluar',
    noSale: (n) => `Laci dibuka tanpa penjualan: ${n}`,
    expected: 'Kas seharusnya',
    counted: 'Kas dihitung',
    variance: 'Selisih',
    blind: 'Hitung buta',
    queued: (n) => `${n} faktur masih antre saat ditutup`,
  },
};

/** The report's text lines, each exactly `columns` wide. */
export function zReportLines(report: StoredZReport, labels: ZReportLabels, columns: number, decimals: number): string[] {
  const money = (amount: number): string => formatReceiptMoney(amount, decimals);
  const { totals, count } = report;
  const rule = '-'.repeat(columns);
  const lines: string[] = [];
  const add = (left: string, right: string): void => void lines.push(...pair(left, right, columns));
  if (report.outlet) add(labels.outlet, report.outlet);
  add(labels.register, report.register);
  add(labels.cashier, report.cashier);
  if (report.closedBy !== report.cashier) add(labels.closedBy, report.closedBy);
  add(labels.opened, formatReceiptTime(report.openedAt));
  add(labels.closed, formatReceiptTime(report.closedAt));
  lines.push(rule);
  add(labels.sales(totals.saleCount), '');
  add(`  ${labels.gross}`, money(totals.gross));
  add(`  ${labels.discounts}`, `-${money(totals.discounts)}`);
  if (totals.rounding > 0) add(`    ${labels.rounding}`, `-${money(totals.rounding)}`);
  add(`  ${labels.netSales}`, money(totals.sales));
  add(`  ${labels.tax}`, money(totals.tax));
  add(`  ${labels.salesTotal}`, money(totals.salesTotal));
  add(labels.returns(totals.returnCount), money(totals.returns));
  lines.push(rule);
  add(labels.payments, '');
  for (const p of totals.payments) add(`  ${p.method}`, money(p.net));
  lines.push(rule);
  add(labels.openingFloat, money(totals.openingFloat));
  add(labels.cashSales, money(totals.cashSales));
  if (totals.cashRefunds > 0) add(labels.cashRefunds, `-${money(totals.cashRefunds)}`);
  add(labels.cashIn, money(totals.cashIn));
  add(labels.cashOut, `-${money(totals.cashOut)}`);
  lines.push(...wrap(labels.noSale(totals.noSaleCount), columns).map((l) => l.padEnd(columns)));
  lines.push(rule);
  for (const line of count.lines) add(`  ${formatReceiptMoney(line.value, 0)} x ${line.count}`, money(line.amount));
  add(labels.expected, money(count.expected));
  add(labels.counted, money(count.counted));
  add(labels.variance, count.variance > 0 ? `+${money(count.variance)}` : count.variance < 0 ? `-${money(-count.variance)}` : money(0));
  if (report.blindCount) lines.push(labels.blind.padEnd(columns));
  if (report.queuedAtClose > 0) lines.push(...wrap(labels.queued(report.queuedAtClose), columns).map((l) => l.padEnd(columns)));
  return lines;
}

export function thermalZReport(report: StoredZReport, options: { readonly paperWidth: PaperWidth; readonly labels: ZReportLabels; readonly decimals: number }): Uint8Array {
  const columns = COLUMNS[options.paperWidth];
  const encoder = newEncoder(options.paperWidth).initialize().codepage(CODE_PAGE);
  encoder.align('center').bold(true).height(2).line(options.labels.title(report.number)).height(1).bold(false).align('left');
  for (const line of zReportLines(report, options.labels, columns, options.decimals)) encoder.line(line);
  return encoder.cut('partial').encode();
}
