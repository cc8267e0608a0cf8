import { describe, expect, it } from 'vitest';
import { BootKeyboardDecoder } from '../../../main/scanner/bootKeyboardDecoder';
import type { DecodeOutcome } from '../../../main/scanner/scanDecodeError';
import { CTRL, DIGIT, ENTER, NODE_HID_323_CODE, NODE_HID_323_SCAN_THEN_CHORD_HEX, RELEASE, SHIFT, TAB, fromHex, keys, typedDigits } from './hidReportFixtures';

function run(reports: readonly Uint8Array[], decoder = new BootKeyboardDecoder(), gapMs = 4): DecodeOutcome[] {
  return reports.flatMap((report, i) => decoder.push(report, i * gapMs));
}

function codes(outcomes: readonly DecodeOutcome[]): string[] {
  return outcomes.map((o) => (o.kind === 'scan' ? o.code : `!${o.error.reason}`));
}

const A = 0x04;
const B = 0x05;
const C = 0x06;
const MINUS = 0x2d;

describe('BootKeyboardDecoder', () => {
  it('decodes digits ended by Enter, with no symbology', () => {
    expect(run(typedDigits('5901234123457'))).toEqual([{ kind: 'scan', code: '5901234123457', symbology: null }]);
  });

  it('decodes "1100": a repeated key counts again after its release report', () => {
    expect(codes(run(typedDigits('1100')))).toEqual(['1100']);
  });

  it('does not repeat a key that stays down across reports', () => {
    const one = DIGIT['1'] ?? 0;
    expect(codes(run([keys(0, one), keys(0, one), keys(0, one), RELEASE, keys(0, ENTER), RELEASE]))).toEqual(['1']);
  });

  it('adds each key of a roll-over exactly once, in the order the slots list them', () => {
    // a down; a+b down; b down (a released); b+c down; all released; Enter
    const reports = [keys(0, A), keys(0, A, B), keys(0, B), keys(0, B, C), RELEASE, keys(0, ENTER), RELEASE];
    expect(codes(run(reports))).toEqual(['abc']);
  });

  it('handles several new keys and the terminator in one report', () => {
    expect(codes(run([keys(0, A, B, ENTER), RELEASE]))).toEqual(['ab']);
  });

  it('applies Shift for capitals and shifted symbols', () => {
    const reports = [keys(SHIFT, A), RELEASE, keys(SHIFT, DIGIT['2'] ?? 0), RELEASE, keys(SHIFT, MINUS), RELEASE, keys(0, MINUS), RELEASE, keys(0x20, 0x38), RELEASE, keys(0, ENTER)];
    expect(codes(run(reports))).toEqual(['A@_-?']);
  });

  it('maps punctuation and keypad keys', () => {
    const reports = [keys(0, 0x2f), keys(0, 0x30), keys(0, 0x33), keys(0, 0x36), keys(0, 0x37), keys(0, 0x38), keys(0, 0x2c), keys(0, 0x59), keys(0, 0x62), keys(0, 0x63), keys(0, 0x58)];
    // Each report replaces the previous single key, so every key is new.
    expect(codes(run(reports))).toEqual(['[];,./ 10.']);
  });

  it('turns Ctrl+] into the GS1 group separator', () => {
    const reports = [keys(0, DIGIT['0'] ?? 0), RELEASE, keys(CTRL, 0x30), RELEASE, keys(0, DIGIT['1'] ?? 0), RELEASE, keys(0, TAB)];
    expect(codes(run(reports))).toEqual(['0\u001d1']);
  });

  it('ends a scan with Tab too, and ignores a lone Enter', () => {
    expect(codes(run([keys(0, ENTER), RELEASE, keys(0, A), RELEASE, keys(0, TAB), RELEASE]))).toEqual(['a']);
  });

  it('reads reports with a report ID in front when the device numbers them', () => {
    const withId = (r: Uint8Array): Uint8Array => Uint8Array.from([1, ...r]);
    expect(codes(run(typedDigits('42').map(withId)))).toEqual(['42']);
    expect(codes(run(typedDigits('42').map(withId), new BootKeyboardDecoder({ reportId: 1 })))).toEqual(['42']);
  });

  it('drops the scan in progress on a roll-over error report instead of sending it short', () => {
    const reports = [keys(0, A), RELEASE, keys(0, 1, 1, 1, 1, 1, 1), RELEASE, keys(0, B), RELEASE, keys(0, ENTER), RELEASE];
    expect(codes(run(reports))).toEqual(['!keyboard_error']);
  });

  it('drops the whole scan after a key it cannot type, and reads the next scan normally', () => {
    const F1 = 0x3a;
    const reports = [keys(0, A), RELEASE, keys(0, F1), RELEASE, keys(0, B), RELEASE, keys(0, ENTER), RELEASE, ...typedDigits('7')];
    expect(codes(run(reports))).toEqual(['!unsupported_key', '7']);
  });

  it('rejects Alt or GUI combinations', () => {
    expect(codes(run([keys(0x04, A), RELEASE, keys(0, ENTER)]))).toEqual(['!unsupported_key']);
  });

  it('rejects a report listing one key twice', () => {
    expect(codes(run([keys(0, A, A), RELEASE, keys(0, ENTER)]))).toEqual(['!duplicate_key']);
  });

  it('drops characters left over from long ago when a new scan starts', () => {
    const decoder = new BootKeyboardDecoder({ maxGapMs: 200 });
    expect(codes(decoder.push(keys(0, A), 0))).toEqual([]);
    decoder.push(RELEASE, 5);
    expect(codes([...decoder.push(keys(0, B), 10_000), ...decoder.push(RELEASE, 10_004), ...decoder.push(keys(0, ENTER), 10_008)])).toEqual(['!incomplete', 'b']);
  });

  it.each([
    ['7 bytes', new Uint8Array(7)],
    ['64 bytes', new Uint8Array(64)],
  ])('rejects a report of %s', (_name, report) => {
    expect(codes(new BootKeyboardDecoder().push(report, 0))).toEqual(['!wrong_length']);
  });

  it('rejects a report with another report ID once the ID is known', () => {
    const decoder = new BootKeyboardDecoder({ reportId: 1 });
    expect(codes(decoder.push(Uint8Array.from([2, 0, 0, A, 0, 0, 0, 0, 0]), 0))).toEqual(['!unexpected_report_id']);
  });

  it('does not let the Ctrl+Shift+J chord of the node-hid #323 capture begin the next scan (LF stray)', () => {
    const decoder = new BootKeyboardDecoder();
    const capture = NODE_HID_323_SCAN_THEN_CHORD_HEX.map(fromHex);
    // The capture, then the same scan again 4 ms a report later: well inside the 200 ms key gap.
    const outcomes = run([...capture, ...capture.slice(0, 29)], decoder);
    expect(codes(outcomes)).toEqual([NODE_HID_323_CODE, NODE_HID_323_CODE]);
  });

  it('does not end a code with a control character either', () => {
    const reports = [keys(0, DIGIT['1'] ?? 0), RELEASE, keys(CTRL, 0x30), RELEASE, keys(0, ENTER), RELEASE];
    expect(codes(run(reports))).toEqual(['1']);
  });
});

