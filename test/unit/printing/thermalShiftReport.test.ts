/**
 * A Z report on the receipt printer: decoded back from its ESC/POS bytes, every line is the paper's
 * width and carries the figures of the stored report, in the chosen language.
 */
import { describe, expect, it } from 'vitest';
import { thermalZReport, Z_REPORT_LABELS } from '../../../main/printing/thermalShiftReport';
import type { StoredZReport } from '../../../main/store/shiftStore';
import { countDrawer, shiftTotals } from '../../../shared/shift/shiftReport';
import { decodeEscPos } from '../../support/escposDecoder';

const totals = shiftTotals({
  openingFloat: 200_000,
  sales: [
    { gross: 100_000, discounts: 10_000, rounding: 0, sales: 90_000, tax: 9_900, total: 99_900, payments: [{ method: 'Cash', amount: 100_000, cash: true }], change: 100 },
    { gross: 50_000, discounts: 0, rounding: 0, sales: 50_000, tax: 5_500, total: 55_500, payments: [{ method: 'QRIS', amount: 55_500, cash: false }], change: 0 },
  ],
  returns: [],
  movements: [
    { kind: 'cash_in', amount: 50_000 },
    { kind: 'cash_out', amount: 20_000 },
    { kind: 'no_sale', amount: 0 },
  ],
});

const REPORT: StoredZReport = {
  number: 7,
  shiftId: 'shift-7',
  outlet: 'Main Store',
  register: 'Kasir 1',
  cashier: 'Ani',
  closedBy: 'Budi',
  openedAt: '2026-12-06T08:00:00.000+07:00',
  closedAt: '2026-12-06T16:30:00.000+07:00',
  totals,
  count: countDrawer({ kind: 'denominations', counts: [{ value: 100_000, count: 3 }, { value: 20_000, count: 1 }, { value: 5_000, count: 2 }] }, totals.expectedCash, 0),
  blindCount: true,
  queuedAtClose: 2,
  movements: [],
};

describe('thermalZReport', () => {
  for (const paperWidth of [58, 80] as const) {
    it(`lays every line out at the ${paperWidth} mm width with the report's figures`, () => {
      const columns = paperWidth === 58 ? 32 : 48;
      const decoded = decodeEscPos(thermalZReport(REPORT, { paperWidth, labels: Z_REPORT_LABELS.en, decimals: 0 }));
      const lines = decoded.lines.map((l) => l.text);
      expect(lines[0]?.trim()).toBe('Z REPORT #7');
      // The feed before the cut decodes as empty lines.
      for (const line of lines.slice(1).filter((l) => l !== '')) expect(line).toHaveLength(columns);
      const find = (label: string): string => lines.find((l) => l.startsWith(label))?.slice(label.length).trim() ?? 'missing';
      expect(totals.expectedCash).toBe(329_900);
      expect(find('Expected cash')).toBe('Rp 329.900');
      expect(find('Counted cash')).toBe('Rp 330.000');
      expect(find('Variance')).toBe('+Rp 100');
      expect(find('  Net sales')).toBe('Rp 140.000');
      expect(find('  Tax')).toBe('Rp 15.400');
      expect(find('  QRIS')).toBe('Rp 55.500');
      expect(find('Closed by')).toBe('Budi');
      expect(lines.some((l) => l.startsWith('Blind count'))).toBe(true);
      expect(lines.join(' ')).toContain('2 invoice(s) were still queued');
    });
  }

  it('prints the cash rounding given away under the discounts, only when there was any', () => {
    const rounded = shiftTotals({
      openingFloat: 0,
      sales: [{ gross: 3_500, discounts: 77, rounding: 77, sales: 3_423, tax: 377, total: 3_800, payments: [{ method: 'Cash', amount: 5_000, cash: true }], change: 1_200 }],
      returns: [],
      movements: [],
    });
    for (const [labels, text] of [
      [Z_REPORT_LABELS.en, 'of which rounding'],
      [Z_REPORT_LABELS.id, 'termasuk pembulatan'],
    ] as const) {
      const lines = decodeEscPos(thermalZReport({ ...REPORT, totals: rounded }, { paperWidth: 58, labels, decimals: 0 })).lines.map((l) => l.text);
      const at = lines.findIndex((l) => l.trim().startsWith(text));
      expect(lines[at]?.trim().endsWith('-Rp 77')).toBe(true);
      expect(lines[at - 1]?.trim().endsWith('-Rp 77')).toBe(true);
    }
    const plain = decodeEscPos(thermalZReport(REPORT, { paperWidth: 58, labels: Z_REPORT_LABELS.en, decimals: 0 })).lines.map((l) => l.text);
    expect(plain.some((l) => l.includes('rounding'))).toBe(false);
  });

  it('prints in Indonesian', () => {
    const lines = decodeEscPos(thermalZReport(REPORT, { paperWidth: 80, labels: Z_REPORT_LABELS.id, decimals: 0 })).lines.map((l) => l.text);
    expect(lines[0]?.trim()).toBe('LAPORAN Z #7');
    expect(lines.find((l) => l.startsWith('Selisih'))?.trim().endsWith('+Rp 100')).toBe(true);
  });
});
