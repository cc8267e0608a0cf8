import { describe, expect, it } from 'vitest';
import { HidPosDecoder } from '../../../main/scanner/hidPosDecoder';
import { ScanDecodeError, type DecodeOutcome } from '../../../main/scanner/scanDecodeError';
import {
  ACCESS_IS_QR_FIRST,
  ACCESS_IS_QR_REST,
  HONEYWELL_1602G_REVINF,
  HONEYWELL_1602G_REVINF_TEXT,
  aimReport,
  newlandReport,
} from './hidReportFixtures';

function reasons(outcomes: readonly DecodeOutcome[]): string[] {
  return outcomes.map((o) => (o.kind === 'scan' ? `scan:${o.code}` : o.error.reason));
}

describe('HidPosDecoder, Honeywell / Access-IS layout', () => {
  it('decodes a single-report EAN-13 with its AIM identifier', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    expect(decoder.push(aimReport(']E0', '5901234123457', { vendorSymbology: 0x64 }), 0)).toEqual([
      { kind: 'scan', code: '5901234123457', symbology: ']E0' },
    ]);
  });

  it('joins the real Honeywell 1602g capture: five continued reports and a final one', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    const outcomes = HONEYWELL_1602G_REVINF.flatMap((bytes, i) => decoder.push(Uint8Array.from(bytes), i));
    expect(outcomes).toEqual([{ kind: 'scan', code: HONEYWELL_1602G_REVINF_TEXT, symbology: ']X0' }]);
  });

  it('joins the Access-IS two-report QR example and ignores the zero padding after the length', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    expect(decoder.push(aimReport(']Q0', ACCESS_IS_QR_FIRST, { continued: true, vendorSymbology: 0x73 }), 0)).toEqual([]);
    expect(decoder.push(aimReport(']Q0', ACCESS_IS_QR_REST, { vendorSymbology: 0x73 }), 5)).toEqual([
      { kind: 'scan', code: ACCESS_IS_QR_FIRST + ACCESS_IS_QR_REST, symbology: ']Q0' },
    ]);
  });

  it('reads UTF-8 data as UTF-8 and other bytes as ISO 8859-1', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    expect(decoder.push(aimReport(']Q1', 'Kopi Susu – Rp 18.000'), 0)).toEqual([{ kind: 'scan', code: 'Kopi Susu – Rp 18.000', symbology: ']Q1' }]);
    expect(decoder.push(aimReport(']Q0', [0x43, 0x61, 0x66, 0xe9]), 1)).toEqual([{ kind: 'scan', code: 'Café', symbology: ']Q0' }]);
  });

  it('keeps GS1 group separators inside the code', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    const [outcome] = decoder.push(aimReport(']C1', '0109501101530003\u001d10ABC'), 0);
    expect(outcome).toEqual({ kind: 'scan', code: '0109501101530003\u001d10ABC', symbology: ']C1' });
  });

  it.each([
    ['a report of the wrong size', new Uint8Array(63), 'wrong_length'],
    ['another report ID', Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 0x04 : 0)), 'unexpected_report_id'],
    ['a length beyond 56', (() => { const r = aimReport(']E0', '1'); r[1] = 57; return r; })(), 'bad_data_length'],
    ['no "]" where the AIM id belongs (Newland layout)', newlandReport('5901234123457'), 'unknown_layout'],
    ['a malformed AIM id', aimReport(']!0', '123'), 'bad_symbology'],
    ['no data at all', aimReport(']E0', ''), 'empty'],
  ])('rejects %s with a typed error', (_name, report, reason) => {
    const [outcome] = new HidPosDecoder({ layout: 'aim' }).push(report, 0);
    expect(outcome?.kind).toBe('error');
    if (outcome?.kind !== 'error') return;
    expect(outcome.error).toBeInstanceOf(ScanDecodeError);
    expect(outcome.error.code).toBe('decode');
    expect(outcome.error.reason).toBe(reason);
  });

  it('drops a scan whose final report never came, and decodes the next one', () => {
    const decoder = new HidPosDecoder({ layout: 'aim', continuationTimeoutMs: 500 });
    decoder.push(aimReport(']Q0', 'PART-ONE', { continued: true }), 0);
    expect(reasons(decoder.push(aimReport(']Q0', '4006381333931'), 2000))).toEqual(['incomplete', 'scan:4006381333931']);
  });

  it('does not glue a continuation onto a report of another symbology', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    decoder.push(aimReport(']Q0', 'PART-ONE', { continued: true }), 0);
    expect(reasons(decoder.push(aimReport(']E0', '4006381333931'), 10))).toEqual(['symbology_changed', 'scan:4006381333931']);
  });

  it('rejects a scan longer than the code limit instead of growing without bound', () => {
    const decoder = new HidPosDecoder({ layout: 'aim', continuationTimeoutMs: 1e9 });
    const chunk = 'X'.repeat(56);
    const outcomes: DecodeOutcome[] = [];
    for (let i = 0; i < 80; i++) outcomes.push(...decoder.push(aimReport(']Q0', chunk, { continued: true }), i));
    expect(reasons(outcomes)).toContain('too_long');
  });

  it('forgets a half-received scan on reset', () => {
    const decoder = new HidPosDecoder({ layout: 'aim' });
    decoder.push(aimReport(']Q0', 'STALE', { continued: true }), 0);
    decoder.reset();
    expect(decoder.push(aimReport(']Q0', 'FRESH'), 1)).toEqual([{ kind: 'scan', code: 'FRESH', symbology: ']Q0' }]);
  });
});

describe('HidPosDecoder, Newland layout', () => {
  it('decodes data that starts right after the length byte, without a symbology', () => {
    const decoder = new HidPosDecoder({ layout: 'newland' });
    expect(decoder.push(newlandReport('6901234567892', { symbologyId: 0x64 }), 0)).toEqual([
      { kind: 'scan', code: '6901234567892', symbology: null },
    ]);
  });

  it('joins continued reports', () => {
    const decoder = new HidPosDecoder({ layout: 'newland' });
    expect(decoder.push(newlandReport('A'.repeat(56), { continued: true }), 0)).toEqual([]);
    expect(decoder.push(newlandReport('BC'), 1)).toEqual([{ kind: 'scan', code: `${'A'.repeat(56)}BC`, symbology: null }]);
  });
});
