import { MAX_SCAN_CODE_LENGTH } from '../../shared/scanner/scanEvent';
import { trimControlCharacters } from '../../shared/scanner/scanCode';
import { rejected, type DecodeOutcome, type ReportDecoder } from './scanDecodeError';

/**
 * Decoder for HID boot keyboard reports (HID 1.11 appendix B): modifier bits, a reserved byte and
 * six key slots holding usage IDs from the Keyboard/Keypad page (HID Usage Tables, page 0x07).
 * A key counts when it appears in a report and was absent from the previous one, so roll-over
 * (several keys down at once) adds each key exactly once, and a repeated character ("1100") needs
 * the scanner's release report in between, which real scanners always send. US key layout, the
 * factory default of keyboard-mode scanners. Enter, keypad Enter and Tab end a scan.
 */

export interface BootKeyboardDecoderOptions {
  /**
   * Report ID the device prefixes (composite keyboards), null for plain 8-byte boot reports, or
   * `auto` (default): the first report decides — 8 bytes means no ID, 9 bytes means byte 0 is it.
   */
  readonly reportId?: number | null | 'auto';
  /** Keys further apart than this (ms) cannot belong to one scan; the earlier part is dropped. */
  readonly maxGapMs?: number;
}

const BOOT_REPORT_SIZE = 8;
const SLOTS = 6;
const CTRL = 0x11;
const SHIFT = 0x22;
const ALT_OR_GUI = 0xcc;
const TERMINATORS = new Set([0x28, 0x2b, 0x58]); // Enter, Tab, keypad Enter
/** ErrorRollOver, POSTFail, ErrorUndefined: the keyboard could not tell which keys are down. */
const ERROR_USAGE_MAX = 0x03;

/** [unshifted, shifted] characters per usage ID (US layout). */
const KEY_CHARS = new Map<number, readonly [string, string]>();
for (let i = 0; i < 26; i++) {
  const lower = String.fromCharCode(0x61 + i);
  KEY_CHARS.set(0x04 + i, [lower, lower.toUpperCase()]);
}
const DIGITS_SHIFTED = '!@#$%^&*(';
for (let i = 0; i < 9; i++) KEY_CHARS.set(0x1e + i, [String(i + 1), DIGITS_SHIFTED.charAt(i)]);
KEY_CHARS.set(0x27, ['0', ')']);
KEY_CHARS.set(0x2c, [' ', ' ']);
const PUNCTUATION: ReadonlyArray<readonly [number, string, string]> = [
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x32, '#', '~'], // non-US # and ~
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
  [0x64, '\\', '|'], // non-US \ and |
];
for (const [usage, plain, shifted] of PUNCTUATION) KEY_CHARS.set(usage, [plain, shifted]);
// Keypad: scanners that emulate a keypad assume Num Lock on, so digits regardless of shift.
const KEYPAD: ReadonlyArray<readonly [number, string]> = [
  [0x54, '/'],
  [0x55, '*'],
  [0x56, '-'],
  [0x57, '+'],
  [0x62, '0'],
  [0x63, '.'],
];
for (let i = 0; i < 9; i++) KEY_CHARS.set(0x59 + i, [String(i + 1), String(i + 1)]);
for (const [usage, char] of KEYPAD) KEY_CHARS.set(usage, [char, char]);

/** Ctrl+key → ASCII control character; scanners send GS1's group separator (0x1D) as Ctrl+]. */
function controlChar(usage: number): string | null {
  if (usage >= 0x04 && usage <= 0x1d) return String.fromCharCode(usage - 0x04 + 1);
  const specials: Record<number, number> = { 0x2f: 0x1b, 0x31: 0x1c, 0x30: 0x1d, 0x23: 0x1e, 0x2d: 0x1f };
  const code = specials[usage];
  return code === undefined ? null : String.fromCharCode(code);
}

export class BootKeyboardDecoder implements ReportDecoder {
  private reportId: number | null | 'auto';
  private readonly maxGapMs: number;
  private previous: number[] = [];
  private buffer = '';
  private lastKeyAt = 0;
  /** Set after a rejected key: the rest of that scan is dropped up to its terminator instead of being sent short. */
  private poisoned = false;
  /** A report of the boot layout has been read (for Settings). */
  private readAny = false;

  constructor(options: BootKeyboardDecoderOptions = {}) {
    this.reportId = options.reportId ?? 'auto';
    this.maxGapMs = options.maxGapMs ?? 200;
  }

  push(report: Uint8Array, now: number): readonly DecodeOutcome[] {
    if (this.reportId === 'auto' && (report.length === BOOT_REPORT_SIZE || report.length === BOOT_REPORT_SIZE + 1)) {
      this.reportId = report.length === BOOT_REPORT_SIZE ? null : (report[0] ?? 0);
    }
    if (this.reportId === 'auto') {
      return [rejected('wrong_length', `Keyboard report has ${report.length} bytes, expected 8 (or 9 with a report ID)`, { length: report.length })];
    }
    const expectedLength = BOOT_REPORT_SIZE + (this.reportId === null ? 0 : 1);
    if (report.length !== expectedLength) {
      return [rejected('wrong_length', `Keyboard report has ${report.length} bytes, expected ${expectedLength}`, { length: report.length })];
    }
    const offset = expectedLength - BOOT_REPORT_SIZE;
    if (this.reportId !== null && report[0] !== this.reportId) {
      return [rejected('unexpected_report_id', `Keyboard report ID ${report[0] ?? 0} is not ${this.reportId}`, { reportId: report[0] ?? 0 })];
    }
    this.readAny = true;
    const modifiers = report[offset] ?? 0;
    const current: number[] = [];
    let errorState = false;
    let duplicate = false;
    for (let i = offset + 2; i < offset + 2 + SLOTS; i++) {
      const usage = report[i] ?? 0;
      if (usage === 0) continue;
      if (usage <= ERROR_USAGE_MAX) errorState = true;
      else if (current.includes(usage)) duplicate = true;
      else current.push(usage);
    }
    if (errorState) {
      // Phantom state: which keys are down is unknown, so keep the previous state and drop the scan.
      return this.poison(rejected('keyboard_error', 'Keyboard reported roll-over or POST error; the scan in progress is dropped'));
    }

    const outcomes: DecodeOutcome[] = [];
    if (duplicate) outcomes.push(...this.poison(rejected('duplicate_key', 'Keyboard report lists the same key twice')));
    for (const usage of current) {
      if (!this.previous.includes(usage)) this.keyDown(usage, modifiers, now, outcomes);
    }
    this.previous = current;
    return outcomes;
  }

  detectedLayout(): 'boot-keyboard' | null {
    return this.readAny ? 'boot-keyboard' : null;
  }

  reset(): void {
    this.previous = [];
    this.buffer = '';
    this.poisoned = false;
  }

  private keyDown(usage: number, modifiers: number, now: number, outcomes: DecodeOutcome[]): void {
    if (now - this.lastKeyAt > this.maxGapMs) {
      // Too long a pause: whatever came before cannot be part of the scan starting now.
      if (this.buffer.length > 0) {
        outcomes.push(rejected('incomplete', 'Keys stopped before a terminator; the partial scan is dropped', { receivedChars: this.buffer.length }));
      }
      this.buffer = '';
      this.poisoned = false;
    }
    this.lastKeyAt = now;

    if (TERMINATORS.has(usage)) {
      // A control character at either end is a stray (a key chord such as Ctrl+Shift+J), not code.
      const code = this.poisoned ? '' : trimControlCharacters(this.buffer);
      if (code.length > 0) outcomes.push({ kind: 'scan', code, symbology: null });
      this.buffer = '';
      this.poisoned = false;
      return;
    }
    if (this.poisoned) return;

    const char = this.charFor(usage, modifiers);
    if (char === null) {
      outcomes.push(...this.poison(rejected('unsupported_key', `Key usage 0x${usage.toString(16)} with modifiers 0x${modifiers.toString(16)} does not type a barcode character`, { usage, modifiers })));
      return;
    }
    if (this.buffer.length >= MAX_SCAN_CODE_LENGTH) {
      outcomes.push(...this.poison(rejected('too_long', `Scan exceeds ${MAX_SCAN_CODE_LENGTH} characters`)));
      return;
    }
    this.buffer += char;
  }

  private charFor(usage: number, modifiers: number): string | null {
    if ((modifiers & ALT_OR_GUI) !== 0) return null;
    if ((modifiers & CTRL) !== 0) return controlChar(usage);
    const chars = KEY_CHARS.get(usage);
    if (!chars) return null;
    return (modifiers & SHIFT) !== 0 ? chars[1] : chars[0];
  }

  private poison(outcome: DecodeOutcome): DecodeOutcome[] {
    this.buffer = '';
    this.poisoned = true;
    return [outcome];
  }
}
