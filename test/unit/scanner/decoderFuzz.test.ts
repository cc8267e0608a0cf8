import { describe, expect, it } from 'vitest';
import { BootKeyboardDecoder } from '../../../main/scanner/bootKeyboardDecoder';
import { HidPosDecoder } from '../../../main/scanner/hidPosDecoder';
import { ScanDecodeError, type ReportDecoder } from '../../../main/scanner/scanDecodeError';
import { MAX_SCAN_CODE_LENGTH } from '../../../shared/scanner/scanEvent';
import { mulberry32 } from '../../support/seededRandom';

/**
 * Random reports biased toward the shapes decoders branch on (right sizes, right report ID, "]"
 * in place, small lengths, key codes in range), so the fuzz reaches deep paths, not just the
 * length check.
 */
function randomReport(next: () => number): Uint8Array {
  const sizes = [0, 1, 7, 8, 9, 63, 64, 64, 64, 65, Math.floor(next() * 130)];
  const size = sizes[Math.floor(next() * sizes.length)] ?? 64;
  const report = new Uint8Array(size);
  for (let i = 0; i < size; i++) report[i] = Math.floor(next() * 256);
  if (size > 0 && next() < 0.6) report[0] = 0x02;
  if (size > 2 && next() < 0.5) report[1] = Math.floor(next() * 64);
  const aim = [0x5d, 0x41 + Math.floor(next() * 26), 0x30 + Math.floor(next() * 10)];
  const marker = next();
  if (size > 4 && marker < 0.35) report.set(aim, 2);
  else if (size > 5 && marker < 0.7) report.set([0x00, ...aim], 2); // Zebra/Symbol: pad byte, then the AIM id
  if (size === 8 && next() < 0.7) for (let i = 2; i < 8; i++) report[i] = next() < 0.5 ? 0 : Math.floor(next() * 0x70);
  return report;
}

const SEED = 0x5ca11e;
// eslint-disable-next-line no-control-regex -- C0, DEL and C1 controls are what the check is about
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A marked report is never read as Newland data, so a code without symbology never starts with "]xy". */
const AIM_AT_START = /^\][A-Za-z][0-9A-Za-z]/;
const REPORTS = 100_000;

describe('decoder fuzz', () => {
  it.each([
    ['HID POS, AIM and Zebra layouts', () => new HidPosDecoder({ acceptsNewlandLayout: false })],
    ['HID POS, Newland device (Newland, AIM and Zebra layouts)', () => new HidPosDecoder({ acceptsNewlandLayout: true })],
    ['boot keyboard', () => new BootKeyboardDecoder()],
  ])(`%s: ${REPORTS} random reports (seed ${SEED}) never throw; garbage yields typed errors`, (_name, make: () => ReportDecoder) => {
    const next = mulberry32(SEED);
    const decoder = make();
    let errors = 0;
    const violations: string[] = [];
    for (let i = 0; i < REPORTS; i++) {
      const report = randomReport(next);
      let outcomes;
      try {
        outcomes = decoder.push(report, i * 3);
      } catch (error) {
        throw new Error(`decoder threw on report #${i} (seed ${SEED}): ${Buffer.from(report).toString('hex')}`, { cause: error });
      }
      for (const outcome of outcomes) {
        if (outcome.kind === 'error') {
          errors++;
          if (!(outcome.error instanceof ScanDecodeError) || outcome.error.code !== 'decode') violations.push(`#${i}: untyped error`);
        } else if (outcome.code.length === 0 || outcome.code.length > MAX_SCAN_CODE_LENGTH) {
          violations.push(`#${i}: scan of length ${outcome.code.length}`);
        } else if (CONTROL.test(outcome.code.charAt(0)) || CONTROL.test(outcome.code.charAt(outcome.code.length - 1))) {
          violations.push(`#${i}: scan begins or ends with a control character`);
        } else if (outcome.symbology === null && AIM_AT_START.test(outcome.code)) {
          violations.push(`#${i}: AIM identifier read as part of the code`);
        }
      }
    }
    expect(violations).toEqual([]);
    expect(errors).toBeGreaterThan(REPORTS / 10);
  });
});
