import { MAX_SCAN_CODE_LENGTH } from '../../shared/scanner/scanEvent';
import { trimControlCharacters } from '../../shared/scanner/scanCode';
import { bytesToText } from './bytesToText';
import { ContinuationCadence } from './continuationCadence';
import { HID_POS_REPORT_SIZE, MAX_DATA_PER_REPORT, NEWLAND_READING, detectLayout, type HidPosLayout, type LayoutReading } from './hidPosLayout';
import { rejected, type DecodeOutcome, type ReportDecoder } from './scanDecodeError';

/**
 * Decoder for HID POS barcode scanner reports (usage page 0x8C, "scanned data report"). Each
 * report's layout is read from its bytes (see hidPosLayout.ts); anything else (other sizes, report
 * IDs, a malformed AIM identifier, no marker on a device that is not a Newland) is rejected.
 */
export interface HidPosDecoderOptions {
  /** Whether reports without an AIM identifier are read as Newland's layout (a Newland-vendor device). */
  readonly acceptsNewlandLayout: boolean;
}

const SCANNED_DATA_REPORT_ID = 0x02;
const CONTINUED_BYTE = 63;
/**
 * After a scan stopped short (its "more follows" report was the last to come), a report this soon
 * may be its late tail or the start of the next scan; bytes cannot tell which, so it is refused
 * (the cashier scans again) rather than decoded to a code that may be the wrong one.
 */
const AMBIGUOUS_AFTER_MS = 250;

interface Partial {
  readonly chunks: Uint8Array[];
  size: number;
  readonly symbology: string | null;
  readonly layout: HidPosLayout;
  lastAt: number;
  /** Reports of a refused sequence: dropped until its last report, never decoded. */
  readonly refused: boolean;
}

export class HidPosDecoder implements ReportDecoder {
  private readonly acceptsNewlandLayout: boolean;
  private readonly cadence = new ContinuationCadence();
  private partial: Partial | null = null;
  private lastLayout: HidPosLayout | null = null;

  constructor(options: HidPosDecoderOptions) {
    this.acceptsNewlandLayout = options.acceptsNewlandLayout;
  }

  /** The layout of the last report that was read, for Settings; null before any. */
  detectedLayout(): HidPosLayout | null {
    return this.lastLayout;
  }

  push(report: Uint8Array, now: number): readonly DecodeOutcome[] {
    if (report.length !== HID_POS_REPORT_SIZE) {
      return [rejected('wrong_length', `HID POS report has ${report.length} bytes, expected ${HID_POS_REPORT_SIZE}`, { length: report.length })];
    }
    const reportId = report[0] ?? 0;
    if (reportId !== SCANNED_DATA_REPORT_ID) {
      return [rejected('unexpected_report_id', `HID POS report ID 0x${reportId.toString(16)} is not a scanned-data report`, { reportId })];
    }
    const length = report[1] ?? 0;
    if (length > MAX_DATA_PER_REPORT) {
      return [rejected('bad_data_length', `HID POS report claims ${length} data bytes, at most ${MAX_DATA_PER_REPORT} fit`, { length })];
    }
    const detection = detectLayout(report);
    if (detection.kind === 'bad_symbology') return [rejected('bad_symbology', 'HID POS report carries a malformed AIM identifier')];
    let reading: LayoutReading;
    if (detection.kind === 'marked') reading = detection.reading;
    else if (this.acceptsNewlandLayout) reading = NEWLAND_READING;
    else return [rejected('unknown_layout', 'HID POS report has no AIM identifier, and only Newland devices send reports without one')];

    this.lastLayout = reading.layout;
    const data = report.subarray(reading.dataStart, reading.dataStart + length);
    const continued = ((report[CONTINUED_BYTE] ?? 0) & 0x01) === 1;
    return this.accept(data, reading, continued, now);
  }

  reset(): void {
    this.partial = null;
  }

  private accept(data: Uint8Array, reading: LayoutReading, continued: boolean, now: number): DecodeOutcome[] {
    const outcomes: DecodeOutcome[] = [];
    let partial = this.partial;
    this.partial = null;
    if (partial) {
      const gap = now - partial.lastAt;
      if (gap > this.cadence.windowMs()) {
        if (!partial.refused) outcomes.push(rejected('incomplete', 'A multi-report scan stopped before its last report', { receivedBytes: partial.size }));
        if (gap <= AMBIGUOUS_AFTER_MS) {
          outcomes.push(rejected('ambiguous_continuation', 'A report came too late to continue the scan before it and too soon to be sure it starts a new one', { gapMs: Math.round(gap) }));
          if (continued) this.partial = { chunks: [], size: 0, symbology: reading.symbology, layout: reading.layout, lastAt: now, refused: true };
          return outcomes;
        }
        partial = null;
      } else if (partial.symbology !== reading.symbology || partial.layout !== reading.layout) {
        outcomes.push(rejected('symbology_changed', 'A continuation report names a different symbology or layout than the report before it'));
        partial = null;
      } else {
        this.cadence.record(gap);
        partial.lastAt = now;
        if (partial.refused) {
          if (continued) this.partial = partial;
          return outcomes;
        }
      }
    }

    partial ??= { chunks: [], size: 0, symbology: reading.symbology, layout: reading.layout, lastAt: now, refused: false };
    partial.chunks.push(data);
    partial.size += data.length;

    if (partial.size > MAX_SCAN_CODE_LENGTH) {
      outcomes.push(rejected('too_long', `Scan exceeds ${MAX_SCAN_CODE_LENGTH} bytes`, { receivedBytes: partial.size }));
      // The rest of this scan is dropped too, instead of its tail turning into a code of its own.
      if (continued) this.partial = { ...partial, chunks: [], size: 0, refused: true };
      return outcomes;
    }
    if (continued) {
      this.partial = partial;
      return outcomes;
    }
    const code = trimControlCharacters(bytesToText(concat(partial.chunks, partial.size)));
    outcomes.push(code.length > 0 ? { kind: 'scan', code, symbology: reading.symbology } : rejected('empty', 'HID POS scan carried no data'));
    return outcomes;
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
