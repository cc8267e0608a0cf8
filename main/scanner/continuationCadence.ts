/**
 * How long a HID POS scanner may take between two reports of one scan, learnt from the device.
 * Real scanners send the reports of one scan 1–8 ms apart (one per USB polling interval); a new
 * scan needs a new read by the engine, far slower. So the window is a few times the largest gap
 * seen inside this device's recent scans, kept between MIN and MAX: tight enough that a report of
 * the next scan never counts as the rest of an earlier one, loose enough for USB and OS jitter.
 */
const MIN_WINDOW_MS = 10;
const MAX_WINDOW_MS = 25;
/** Before the device has shown its cadence: 8 ms (slowest real cadence) plus jitter. */
const DEFAULT_WINDOW_MS = 20;
const FACTOR = 3;
const REMEMBERED_GAPS = 8;

export class ContinuationCadence {
  private readonly gaps: number[] = [];
  private window = DEFAULT_WINDOW_MS;

  /** The longest gap (ms) after which a report may still continue the scan before it. */
  windowMs(): number {
    return this.window;
  }

  /** Records the gap between two reports that did belong to one scan. */
  record(gapMs: number): void {
    this.gaps.push(Math.max(0, gapMs));
    if (this.gaps.length > REMEMBERED_GAPS) this.gaps.shift();
    this.window = Math.min(MAX_WINDOW_MS, Math.max(MIN_WINDOW_MS, FACTOR * Math.max(...this.gaps)));
  }

  reset(): void {
    this.gaps.length = 0;
    this.window = DEFAULT_WINDOW_MS;
  }
}
