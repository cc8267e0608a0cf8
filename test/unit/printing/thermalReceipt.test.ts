import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { barcodeModuleWidth, COLUMNS, drawerOnly, pair, receiptPageMicrons, thermalReceipt, wrap } from '../../../main/printing/thermalReceipt';
import { RECEIPT_LABELS } from '../../../shared/receipt/receiptLabels';
import { decodeEscPos } from '../../support/escposDecoder';
import { buildReceipt } from '../../../shared/receipt/receipt';
import { computeTotals } from '../../../shared/sale/totals';
import { FULL_RECORDED, FULL_SALE, fullReceipt } from './receiptFixture';

const GOLDEN = path.join(import.meta.dirname, 'golden');
const drawer = { enabled: true, pin: 2 as const, onMs: 100, offMs: 500 };
const hexOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').replace(/(.{64})/g, '$1\n').trim();

/** Golden bytes as hex, 32 bytes a line. `UPDATE_GOLDEN=1` rewrites them; the decoded lines below say what they print. */
function golden(name: string, bytes: Uint8Array): string {
  const file = path.join(GOLDEN, name);
  if (process.env['UPDATE_GOLDEN'] === '1') fs.writeFileSync(file, `${hexOf(bytes)}\n`);
  return fs.readFileSync(file, 'utf8').trim();
}

/** Every printed text line of the 58 mm receipt in English, as a customer reads it. */
const LINES_58_EN = [
  '         Toko Maju Jaya         ',
  '         Jl. Merdeka 17         ',
  'Outlet                Main Store',
  'Register                 Kasir 1',
  'Invoice    POS-R7K2M-261122-0007',
  'Date            22/11/2026 17:05',
  'Customer: Tafta tata (HW008)    ',
  '--------------------------------',
  'Indomie Goreng Rendang 5 x 85g  ',
  '  3 x Rp 3.500          Rp 9.450',
  '  Discount 10%         -Rp 1.050',
  'Kopi Kapal Api Café Spesial Mix ',
  '25g                             ',
  '  1 x Rp 15.900        Rp 15.000',
  '  Discount               -Rp 900',
  'Aqua 600ml                      ',
  '  2 x Rp 3.000          Rp 6.000',
  '--------------------------------',
  'Subtotal (6 items)     Rp 30.450',
  'Sale discount 5%       -Rp 1.523',
  'Points (20)            -Rp 2.000',
  'PPN 11%                 Rp 2.962',
  'TOTAL                  Rp 29.889',
  'Debit Card             Rp 20.000',
  'Cash                   Rp 50.000',
  'Change                 Rp 40.111',
  '--------------------------------',
  'Indomie Goreng Rendang 5 x 85g: ',
  '10% off, approved by Bu Sari    ',
  '         Terima kasih!          ',
  ' Barang yang sudah dibeli tidak ',
  '       dapat dikembalikan       ',
];

/** The 80 mm receipt in Indonesian. */
const LINES_80_ID = [
  '                 Toko Maju Jaya                 ',
  '                 Jl. Merdeka 17                 ',
  'Outlet                                Main Store',
  'Kasir                                    Kasir 1',
  'Faktur                     POS-R7K2M-261122-0007',
  'Tanggal                         22/11/2026 17:05',
  'Pelanggan: Tafta tata (HW008)                   ',
  '------------------------------------------------',
  'Indomie Goreng Rendang 5 x 85g                  ',
  '  3 x Rp 3.500                          Rp 9.450',
  '  Diskon 10%                           -Rp 1.050',
  'Kopi Kapal Api Café Spesial Mix 25g             ',
  '  1 x Rp 15.900                        Rp 15.000',
  '  Diskon                                 -Rp 900',
  'Aqua 600ml                                      ',
  '  2 x Rp 3.000                          Rp 6.000',
  '------------------------------------------------',
  'Subtotal (6 barang)                    Rp 30.450',
  'Diskon penjualan 5%                    -Rp 1.523',
  'Poin (20)                              -Rp 2.000',
  'PPN 11%                                 Rp 2.962',
  'TOTAL                                  Rp 29.889',
  'Debit Card                             Rp 20.000',
  'Cash                                   Rp 50.000',
  'Kembalian                              Rp 40.111',
  '------------------------------------------------',
  'Indomie Goreng Rendang 5 x 85g: 10% off,        ',
  'disetujui oleh Bu Sari                          ',
  '                 Terima kasih!                  ',
  '      Barang yang sudah dibeli tidak dapat      ',
  '                  dikembalikan                  ',
];

describe('thermal receipt (ESC/POS) for a sale with discounts, points, split payment and change', () => {
  const cases = [
    { width: 58, language: 'en', lines: LINES_58_EN, moduleWidth: 1 },
    { width: 80, language: 'id', lines: LINES_80_ID, moduleWidth: 2 },
  ] as const;
  for (const { width, language, lines, moduleWidth } of cases) {
    it(`${width} mm (${COLUMNS[width]} columns, ${language}): golden bytes, every line, drawer first, barcode, cut last`, () => {
      const bytes = thermalReceipt(fullReceipt(), { paperWidth: width, labels: RECEIPT_LABELS[language], drawer });
      expect(hexOf(bytes)).toBe(golden(`receipt-${width}.hex`, bytes));

      const decoded = decodeEscPos(bytes);
      expect(decoded.lines.map((l) => l.text).filter((t) => t.trim() !== '')).toEqual(lines.filter((t) => t.trim() !== ''));
      expect(decoded.lines.find((l) => l.text.startsWith('TOTAL'))).toMatchObject({ bold: true, size: { width: 1, height: 2 } });
      expect(decoded.lines.find((l) => l.text.startsWith(language === 'en' ? 'Change' : 'Kembalian'))?.bold).toBe(true);
      // The drawer opens before anything prints; code page 858 is selected before any text (é in "Café").
      expect(decoded.sequence[0]).toEqual({ kind: 'pulse', pin: 2, onMs: 100, offMs: 500 });
      expect(decoded.events[1]).toEqual({ kind: 'codepage', table: 19 });
      expect(decoded.events).toContainEqual({ kind: 'barcode', symbology: 'code128', value: 'POS-R7K2M-261122-0007', moduleWidth, height: 60 });
      expect(decoded.events.at(-1)).toEqual({ kind: 'cut', partial: true });
    });
  }

  it('without the drawer sends no pulse, and a demo sale is marked at the top and the bottom in large type', () => {
    const decoded = decodeEscPos(thermalReceipt(fullReceipt({ demo: true }), { paperWidth: 58, labels: RECEIPT_LABELS.en, drawer: null }));
    expect(decoded.events.some((e) => e.kind === 'pulse')).toBe(false);
    const big = decoded.lines.filter((l) => l.size.width === 2 && l.size.height === 2).map((l) => l.text.trim());
    expect(big).toEqual(['DEMO - NOT A', 'REAL SALE', 'DEMO - NOT A', 'REAL SALE']);
    expect(decoded.lines.findIndex((l) => l.text.includes('DEMO'))).toBe(0);
  });

  it('the drawer alone is one pulse on the chosen pin with the chosen timing (2 ms units)', () => {
    const decoded = decodeEscPos(drawerOnly({ enabled: true, pin: 5, onMs: 50, offMs: 250 }, 80));
    expect(decoded.events).toEqual([{ kind: 'pulse', pin: 5, onMs: 50, offMs: 250 }]);
    expect(decoded.lines.filter((l) => l.text !== '')).toEqual([]);
  });

  it('keeps the barcode inside the paper: 1-dot modules on 58 mm, 2 on 80 mm for a 21-character number', () => {
    expect(barcodeModuleWidth('POS-R7K2M-261122-0007', 58)).toBe(1);
    expect(barcodeModuleWidth('POS-R7K2M-261122-0007', 80)).toBe(2);
    expect(barcodeModuleWidth('R7K2M-261122-0007', 58)).toBe(1);
  });

  it('prints a weighed line as its exact weight at the price per kilogram, with the decimal mark of the language', () => {
    const base = fullReceipt();
    const beef = { code: '00042', name: 'Daging Sapi Has Dalam', quantity: 1, weightGrams: 1_234, unitPrice: 149_900, discount: null, net: 184_977 };
    const receipt = { ...base, lines: [beef] };
    for (const [language, text] of [
      ['en', '  1.234 kg x Rp 149.900/kg  Rp 184.977'],
      ['id', '  1,234 kg x Rp 149.900/kg  Rp 184.977'],
    ] as const) {
      const decoded = decodeEscPos(thermalReceipt(receipt, { paperWidth: 80, labels: RECEIPT_LABELS[language], drawer: null }));
      const line = decoded.lines.map((l) => l.text).find((t) => t.includes(' kg x '));
      expect(line?.replace(/ +/g, ' ')).toBe(text.replace(/ +/g, ' '));
    }
  });

  it('heads a return receipt with the invoice it returns and prints its total as the refund', () => {
    const receipt = { ...fullReceipt(), returnOf: 'POS-R7K2M-261122-0003' };
    for (const [language, heading, refund] of [
      ['en', 'RETURN of POS-R7K2M-261122-0003', 'REFUND'],
      ['id', 'RETUR dari POS-R7K2M-261122-0003', 'PENGEMBALIAN'],
    ] as const) {
      const texts = decodeEscPos(thermalReceipt(receipt, { paperWidth: 80, labels: RECEIPT_LABELS[language], drawer: null })).lines.map((l) => l.text.trim());
      expect(texts).toContain(heading);
      expect(texts.some((t) => t.startsWith(refund) && t.endsWith('Rp 29.889'))).toBe(true);
      expect(texts.some((t) => t.startsWith(RECEIPT_LABELS[language].total))).toBe(false);
    }
  });

  it('prints cash rounding as the one receipt model has it: before the tax, so the lines add up to the total', () => {
    // FULL_SALE rounded to Rp 100: its cash part 9.889 becomes 9.800, so the total 29.800 = taxable 26.847 + 11 % tax 2.953,
    // which is 80 off the 26.927 before tax (85 would not add up with the tax that follows).
    const sale = { ...FULL_SALE, cashRoundingCoin: 100 };
    const receipt = buildReceipt({ ...FULL_RECORDED, sale, totals: computeTotals(sale) }, { header: '', footer: '', demo: false, decimals: 0 });
    expect({ rounding: receipt.rounding, tax: receipt.tax?.amount, total: receipt.total, change: receipt.change }).toEqual({
      rounding: { amount: 80, beforeTax: true },
      tax: 2_953,
      total: 29_800,
      change: 40_200,
    });
    for (const [language, label] of [
      ['en', 'Rounding before tax'],
      ['id', 'Pembulatan sebelum pajak'],
    ] as const) {
      const texts = decodeEscPos(thermalReceipt(receipt, { paperWidth: 58, labels: RECEIPT_LABELS[language], drawer: null })).lines.map((l) => l.text);
      const at = texts.findIndex((t) => t.startsWith(label));
      expect(texts[at]).toBe(`${label}${'-Rp 80'.padStart(32 - label.length)}`);
      expect(texts[at + 1]?.startsWith('PPN 11%')).toBe(true);
    }
    // Without tax the total is 26.927, 6.927 of it in cash: 27 rounded off, what the total lost, and labelled just so.
    const untaxed = { ...sale, tax: { name: 'No Tax', rateBasisPoints: 0, inclusive: false } };
    const plain = buildReceipt({ ...FULL_RECORDED, sale: untaxed, totals: computeTotals(untaxed) }, { header: '', footer: '', demo: false, decimals: 0 });
    const texts = decodeEscPos(thermalReceipt(plain, { paperWidth: 58, labels: RECEIPT_LABELS.en, drawer: null })).lines.map((l) => l.text);
    expect(texts).toContain(`Rounding${`-Rp ${plain.rounding?.amount ?? 0}`.padStart(24)}`);
    expect(plain.rounding).toEqual({ amount: 27, beforeTax: false });
    expect(fullReceipt().rounding).toBeNull();
  });

  it('wraps long names and keeps figures right-aligned at the exact width', () => {
    expect(wrap('Susu Ultra Milk Coklat 1000ml Karton Isi Dua Belas', 16)).toEqual(['Susu Ultra Milk', 'Coklat 1000ml', 'Karton Isi Dua', 'Belas']);
    expect(wrap('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 10)).toEqual(['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ']);
    expect(pair('  2 x Rp 1.250.000', 'Rp 2.500.000', 32)).toEqual(['  2 x Rp 1.250.000  Rp 2.500.000']);
    expect(pair('Diskon penjualan khusus pelanggan setia', 'Rp 1', 32)).toEqual(['Diskon penjualan khusus', 'pelanggan setia             Rp 1']);
  });

  it('sizes the print-dialog page to the paper width and the receipt, never A4', () => {
    expect(receiptPageMicrons(fullReceipt(), 80)).toEqual({ widthMicrons: 80_000, heightMicrons: 200_000 }); // 32 lines × 5 mm + 40 mm
    expect(receiptPageMicrons(fullReceipt(), 58).widthMicrons).toBe(58_000);
    // Fewer lines, a shorter page: 17 lines × 5 mm + 40 mm.
    expect(receiptPageMicrons({ ...fullReceipt(), lines: [], header: [], footer: [], approvals: [] }, 58).heightMicrons).toBe(125_000);
  });

  it('prints an optional logo centred above the header, bit for bit, after the drawer pulse', () => {
    // A 16 × 3 logo: a frame of black with a white middle row.
    const logo = { width: 16, height: 3, bits: new Uint8Array([0xff, 0xff, 0x80, 0x01, 0xff, 0xff]) };
    const decoded = decodeEscPos(thermalReceipt(fullReceipt(), { paperWidth: 58, labels: RECEIPT_LABELS.en, drawer, logo }));
    expect(decoded.sequence[0]).toMatchObject({ kind: 'pulse' });
    expect(decoded.events[1]).toEqual({ kind: 'raster', width: 16, height: 3, bits: logo.bits, align: 'center' });
    expect(decoded.lines.filter((l) => l.text.trim() !== '')[0]?.text.trim()).toBe('Toko Maju Jaya');
    expect(() => thermalReceipt(fullReceipt(), { paperWidth: 58, labels: RECEIPT_LABELS.en, drawer: null, logo: { ...logo, height: 4 } })).toThrow(/needs 8 bytes, not 6/);
  });
});
