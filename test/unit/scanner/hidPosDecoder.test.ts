import { describe, expect, it } from 'vitest';
import { HidPosDecoder } from '../../../main/scanner/hidPosDecoder';
import { ScanDecodeError, type DecodeOutcome } from '../../../main/scanner/scanDecodeError';
import {
  ACCESS_IS_QR_FIRST,
  ACCESS_IS_QR_REST,
  HONEYWELL_1602G_REVINF,
  HONEYWELL_1602G_REVINF_TEXT,
  CAPTURED_LOREM_QR,
  CAPTURED_UPC,
  HONEYWELL_0C2E_1007_QR_HEX,
  HONEYWELL_0C2E_1007_UPC_HEX,
  ZEBRA_05E0_2100_QR_HEX,
  ZEBRA_05E0_2100_UPC_HEX,
  aimReport,
  fromHex,
  newlandReport,
  zebraReport,
} from './hidReportFixtures';

function reasons(outcomes: readonly DecodeOutcome[]): string[] {
  return outcomes.map((o) => (o.kind === 'scan' ? `scan:${o.code}` : o.error.reason));
}

describe('HidPosDecoder, Honeywell / Access-IS layout', () => {
  it('decodes a single-report EAN-13 with its AIM identifier', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(aimReport(']E0', '5901234123457', { vendorSymbology: 0x64 }), 0)).toEqual([
      { kind: 'scan', code: '5901234123457', symbology: ']E0' },
    ]);
  });

  it('joins the real Honeywell 1602g capture: five continued reports and a final one', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    const outcomes = HONEYWELL_1602G_REVINF.flatMap((bytes, i) => decoder.push(Uint8Array.from(bytes), i));
    expect(outcomes).toEqual([{ kind: 'scan', code: HONEYWELL_1602G_REVINF_TEXT, symbology: ']X0' }]);
  });

  it('joins the Access-IS two-report QR example and ignores the zero padding after the length', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(aimReport(']Q0', ACCESS_IS_QR_FIRST, { continued: true, vendorSymbology: 0x73 }), 0)).toEqual([]);
    expect(decoder.push(aimReport(']Q0', ACCESS_IS_QR_REST, { vendorSymbology: 0x73 }), 5)).toEqual([
      { kind: 'scan', code: ACCESS_IS_QR_FIRST + ACCESS_IS_QR_REST, symbology: ']Q0' },
    ]);
  });

  it('reads UTF-8 data as UTF-8 and other bytes as ISO 8859-1', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(aimReport(']Q1', 'Kopi Susu – Rp 18.000'), 0)).toEqual([{ kind: 'scan', code: 'Kopi Susu – Rp 18.000', symbology: ']Q1' }]);
    expect(decoder.push(aimReport(']Q0', [0x43, 0x61, 0x66, 0xe9]), 1)).toEqual([{ kind: 'scan', code: 'Café', symbology: ']Q0' }]);
  });

  it('keeps GS1 group separators inside the code', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    const [outcome] = decoder.push(aimReport(']C1', '0109501101530003\u001d10ABC'), 0);
    expect(outcome).toEqual({ kind: 'scan', code: '0109501101530003\u001d10ABC', symbology: ']C1' });
  });

  it.each([
    ['a report of the wrong size', new Uint8Array(63), 'wrong_length'],
    ['another report ID', Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 0x04 : 0)), 'unexpected_report_id'],
    ['a length beyond 56', (() => { const r = aimReport(']E0', '1'); r[1] = 57; return r; })(), 'bad_data_length'],
    ['no AIM identifier from a device that is not a Newland', newlandReport('5901234123457'), 'unknown_layout'],
    ['a malformed AIM id after the Zebra pad byte', zebraReport(']!0', '123'), 'bad_symbology'],
    ['a control character and nothing else', aimReport(']E0', '\r\n'), 'empty'],
    ['a malformed AIM id', aimReport(']!0', '123'), 'bad_symbology'],
    ['no data at all', aimReport(']E0', ''), 'empty'],
  ])('rejects %s with a typed error', (_name, report, reason) => {
    const [outcome] = new HidPosDecoder({ acceptsNewlandLayout: false }).push(report, 0);
    expect(outcome?.kind).toBe('error');
    if (outcome?.kind !== 'error') return;
    expect(outcome.error).toBeInstanceOf(ScanDecodeError);
    expect(outcome.error.code).toBe('decode');
    expect(outcome.error.reason).toBe(reason);
  });

  it('drops a scan whose final report never came, and decodes the next one', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    decoder.push(aimReport(']Q0', 'PART-ONE', { continued: true }), 0);
    expect(reasons(decoder.push(aimReport(']Q0', '4006381333931'), 2000))).toEqual(['incomplete', 'scan:4006381333931']);
  });

  it('does not glue a continuation onto a report of another symbology', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    decoder.push(aimReport(']Q0', 'PART-ONE', { continued: true }), 0);
    expect(reasons(decoder.push(aimReport(']E0', '4006381333931'), 10))).toEqual(['symbology_changed', 'scan:4006381333931']);
  });

  it('rejects a scan longer than the code limit instead of growing without bound', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    const chunk = 'X'.repeat(56);
    const outcomes: DecodeOutcome[] = [];
    for (let i = 0; i < 80; i++) outcomes.push(...decoder.push(aimReport(']Q0', chunk, { continued: true }), i));
    expect(reasons(outcomes)).toContain('too_long');
  });

  it('forgets a half-received scan on reset', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    decoder.push(aimReport(']Q0', 'STALE', { continued: true }), 0);
    decoder.reset();
    expect(decoder.push(aimReport(']Q0', 'FRESH'), 1)).toEqual([{ kind: 'scan', code: 'FRESH', symbology: ']Q0' }]);
  });
});

describe('HidPosDecoder, Newland layout', () => {
  it('decodes data that starts right after the length byte, without a symbology', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: true });
    expect(decoder.push(newlandReport('6901234567892', { symbologyId: 0x64 }), 0)).toEqual([
      { kind: 'scan', code: '6901234567892', symbology: null },
    ]);
  });

  it('joins continued reports', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: true });
    expect(decoder.push(newlandReport('A'.repeat(56), { continued: true }), 0)).toEqual([]);
    expect(decoder.push(newlandReport('BC'), 1)).toEqual([{ kind: 'scan', code: `${'A'.repeat(56)}BC`, symbology: null }]);
  });
});

/** Reports of one scan as a real scanner sends them: `gapMs` apart (1–8 ms on real devices). */
function pushAll(decoder: HidPosDecoder, hexReports: readonly string[], startAt: number, gapMs: number): DecodeOutcome[] {
  return hexReports.flatMap((hex, i) => decoder.push(fromHex(hex), startAt + i * gapMs));
}

describe('HidPosDecoder, Zebra/Symbol layout (real capture, vendor 0x05E0 product 0x2100)', () => {
  it('reads the AIM identifier after the pad byte and the data after it', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(fromHex(ZEBRA_05E0_2100_UPC_HEX), 0)).toEqual([{ kind: 'scan', code: CAPTURED_UPC, symbology: ']Xg' }]);
    expect(decoder.detectedLayout()).toBe('zebra');
  });

  it('joins the eight-report QR capture', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(pushAll(decoder, ZEBRA_05E0_2100_QR_HEX, 0, 4)).toEqual([{ kind: 'scan', code: CAPTURED_LOREM_QR, symbology: ']Q1' }]);
  });

  it('reads the same codes from the Honeywell capture of the same file in the AIM layout', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(fromHex(HONEYWELL_0C2E_1007_UPC_HEX), 0)).toEqual([{ kind: 'scan', code: CAPTURED_UPC, symbology: ']E0' }]);
    expect(pushAll(decoder, HONEYWELL_0C2E_1007_QR_HEX, 1000, 4)).toEqual([{ kind: 'scan', code: CAPTURED_LOREM_QR, symbology: ']Q1' }]);
    expect(decoder.detectedLayout()).toBe('aim');
  });

  it('reads Zebra reports on a Newland-vendor device as Zebra, never with the marker in the code', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: true });
    expect(decoder.push(fromHex(ZEBRA_05E0_2100_UPC_HEX), 0)).toEqual([{ kind: 'scan', code: CAPTURED_UPC, symbology: ']Xg' }]);
  });
});

describe('HidPosDecoder, the layout comes from the bytes, not the vendor', () => {
  it('reads an AIM-layout report on a Newland-vendor device as AIM, not as "]E0…"', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: true });
    expect(decoder.push(aimReport(']E0', '8992761111'), 0)).toEqual([{ kind: 'scan', code: '8992761111', symbology: ']E0' }]);
    expect(decoder.detectedLayout()).toBe('aim');
  });

  it('refuses a malformed AIM identifier on a Newland-vendor device instead of reading it as data', () => {
    const [outcome] = new HidPosDecoder({ acceptsNewlandLayout: true }).push(aimReport(']!0', '8992761111'), 0);
    expect(outcome?.kind === 'error' ? outcome.error.reason : outcome).toBe('bad_symbology');
  });

  it('does not continue a Zebra-layout scan with an AIM-layout report', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    decoder.push(zebraReport(']Q1', 'Z'.repeat(56), { continued: true }), 0);
    expect(reasons(decoder.push(aimReport(']Q1', 'TAIL'), 3))).toEqual(['symbology_changed', 'scan:TAIL']);
  });
});

describe('HidPosDecoder, continuation never joins two scans', () => {
  const orphan = (): Uint8Array => aimReport(']E0', 'A'.repeat(56), { continued: true });

  it('does not glue a new scan onto an orphan continuation report (the 500 ms glue of issue 18)', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(orphan(), 0)).toEqual([]);
    expect(reasons(decoder.push(aimReport(']E0', '8992761111018'), 400))).toEqual(['incomplete', 'scan:8992761111018']);
  });

  it('refuses a report that comes too late for the scan before it but too soon to be surely a new one, and all of its reports', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    decoder.push(orphan(), 0);
    expect(reasons(decoder.push(aimReport(']E0', 'B'.repeat(56), { continued: true }), 60))).toEqual(['incomplete', 'ambiguous_continuation']);
    // The rest of that refused sequence is dropped, not decoded as a short code of its own.
    expect(decoder.push(aimReport(']E0', 'CCC'), 63)).toEqual([]);
    expect(decoder.push(aimReport(']E0', '8992761111018'), 700)).toEqual([{ kind: 'scan', code: '8992761111018', symbology: ']E0' }]);
  });

  it('joins reports at the real cadence (8 ms apart) and learns it, then refuses a gap far beyond it', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(reasons(pushAll(decoder, HONEYWELL_0C2E_1007_QR_HEX, 0, 8))).toEqual([`scan:${CAPTURED_LOREM_QR}`]);
    decoder.push(orphan(), 1000);
    // 30 ms is more than three times the slowest gap this device showed: not the same scan.
    expect(reasons(decoder.push(aimReport(']E0', 'TAIL'), 1030))).toEqual(['incomplete', 'ambiguous_continuation']);
  });

  it('keeps a fast device to a tight window: 12 ms is too slow for a scanner that sends 1 ms apart', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    pushAll(decoder, HONEYWELL_0C2E_1007_QR_HEX, 0, 1);
    decoder.push(orphan(), 1000);
    expect(reasons(decoder.push(aimReport(']E0', 'TAIL'), 1012))).toEqual(['incomplete', 'ambiguous_continuation']);
  });

  it('drops the tail of a scan that grew too long instead of decoding it as a code', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    const outcomes: DecodeOutcome[] = [];
    for (let i = 0; i < 74; i++) outcomes.push(...decoder.push(aimReport(']Q0', 'X'.repeat(56), { continued: true }), i));
    outcomes.push(...decoder.push(aimReport(']Q0', 'END'), 74));
    expect(reasons(outcomes)).toEqual(['too_long']);
  });
});

describe('HidPosDecoder, no control character begins or ends a code', () => {
  it('strips a configured CR LF suffix and a leading control character, keeps a GS inside', () => {
    const decoder = new HidPosDecoder({ acceptsNewlandLayout: false });
    expect(decoder.push(aimReport(']C1', '\n0109501101530003\u001d10ABC\r\n'), 0)).toEqual([
      { kind: 'scan', code: '0109501101530003\u001d10ABC', symbology: ']C1' },
    ]);
  });
});
