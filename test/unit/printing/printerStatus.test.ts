import { describe, expect, it } from 'vitest';
import { isStatusReply, paperLevel, printerStatus, STATUS_QUERY, statusProblem } from '../../../main/printing/printerStatus';

// Reply bytes as Epson's DLE EOT tables give them (0xx1xx10), written out by hand, not built from the code under test.
describe('ESC/POS real-time status (DLE EOT)', () => {
  it('asks DLE EOT 1, 2 and 4, in that order', () => {
    expect([...STATUS_QUERY]).toEqual([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 4]);
  });

  it.each([
    ['a ready printer', 0x12, 0x12, 0x12, { offline: false, coverOpen: false, paper: 'ok' }, null],
    ['paper near end, still printing', 0x12, 0x12, 0x1e, { offline: false, coverOpen: false, paper: 'near_end' }, null],
    ['out of paper (both sensors, stopped, off-line)', 0x1a, 0x32, 0x7e, { offline: true, coverOpen: false, paper: 'end' }, 'paper_out'],
    ['out of paper, only the end sensor fitted', 0x1a, 0x32, 0x72, { offline: true, coverOpen: false, paper: 'end' }, 'paper_out'],
    ['stopped by a paper end while the sensor reply says ok', 0x1a, 0x32, 0x12, { offline: true, coverOpen: false, paper: 'end' }, 'paper_out'],
    ['cover open', 0x1a, 0x16, 0x12, { offline: true, coverOpen: true, paper: 'ok' }, 'cover_open'],
    ['cover open with an empty roll: paper first', 0x1a, 0x36, 0x7e, { offline: true, coverOpen: true, paper: 'end' }, 'paper_out'],
    ['off-line for another error', 0x1a, 0x52, 0x12, { offline: true, coverOpen: false, paper: 'ok' }, 'offline'],
    ['drawer pin 3 high does not matter', 0x16, 0x12, 0x12, { offline: false, coverOpen: false, paper: 'ok' }, null],
  ] as const)('%s', (_, printer, cause, sensor, status, problem) => {
    const read = printerStatus(printer, cause, sensor);
    expect(read).toEqual(status);
    expect(statusProblem(read)).toBe(problem);
  });

  it.each([
    [0x12, 'ok'],
    [0x1e, 'near_end'],
    [0x7e, 'end'],
    [0x72, 'end'],
  ] as const)('roll sensor %#x is %s', (sensor, level) => {
    expect(paperLevel(sensor)).toBe(level);
  });

  it.each([
    [0x12, true],
    [0x7e, true],
    [0x1a, true],
    // ASB first byte (0xx1xx00) and later ASB bytes (0xx0xxxx), an echoed query byte, a stray 0xff
    [0x10, false],
    [0x14, false],
    [0x00, false],
    [0x04, false],
    [0xff, false],
  ])('byte %#x is a status reply: %s', (byte, reply) => {
    expect(isStatusReply(byte)).toBe(reply);
  });
});
