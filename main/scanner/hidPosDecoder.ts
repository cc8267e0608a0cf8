import { AIM_IDENTIFIER, MAX_SCAN_CODE_LENGTH } from '../../shared/scanner/scanEvent';
import { rejected, type DecodeOutcome, type ReportDecoder } from './scanDecodeError';
import { bytesToText } from './bytesToText';

/**
 * Decoder for HID POS barcode scanner reports (usage page 0x8C, "scanned data report"), as node-hid
 * hands them over: report ID in byte 0, 64 bytes in all.
 *
 * `aim` — Honeywell and Access-IS (documented in the Access-IS LSR116/LSR118/ATR110 manuals; the
 * same layout WebHidBarcodeScanner parses one byte earlier because WebHID strips the ID):
 *   0: report ID 0x02 · 1: data length (0–56) · 2–4: AIM identifier "]xy" · 5–60: data
 *   61: vendor symbology id · 62: reserved · 63: bit 0 = more reports of this scan follow
 * `newland` — Newland (NLS-FM420 integration guide), no AIM identifier in the report:
 *   0: report ID 0x02 · 1: data length (0–56) · 2–57: data · 58–61: reserved
 *   62: Newland symbology id · 63: bit 0 = continued
 * Anything else (other sizes, report IDs, no "]" where the AIM identifier belongs) is rejected.
 */
export type HidPosLayout = 'aim' | 'newland';

export const HID_POS_REPORT_SIZE = 64;
const SCANNED_DATA_REPORT_ID = 0x02;
const MAX_DATA_PER_REPORT = 56;
const CONTINUED_BYTE = 63;
const AIM_START = 0x5d; // ']'

export interface HidPosDecoderOptions {
  readonly layout: HidPosLayout;
  /** A continuation report arriving later than this (ms) means the rest of the earlier scan was lost. */
  readonly continuationTimeoutMs?: number;
}

interface Partial {
  readonly chunks: Uint8Array[];
  size: number;
  readonly symbology: string | null;
  lastAt: number;
}

export class HidPosDecoder implements ReportDecoder {
  private readonly layout: HidPosLayout;
  private readonly continuationTimeoutMs: number;
  private partial: Partial | null = null;

  constructor(options: HidPosDecoderOptions) {
    this.layout = options.layout;
    this.continuationTimeoutMs = options.continuationTimeoutMs ?? 500;
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

    let symbology: string | null = null;
    let dataStart = 2;
    if (this.layout === 'aim') {
      if (report[2] !== AIM_START) {
        return [rejected('unknown_layout', 'HID POS report has no AIM identifier where this layout puts one')];
      }
      symbology = String.fromCharCode(AIM_START, report[3] ?? 0, report[4] ?? 0);
      if (!AIM_IDENTIFIER.test(symbology)) {
        return [rejected('bad_symbology', 'HID POS report carries a malformed AIM identifier')];
      }
      dataStart = 5;
    }
    const data = report.subarray(dataStart, dataStart + length);
    const continued = ((report[CONTINUED_BYTE] ?? 0) & 0x01) === 1;
    return this.accept(data, symbology, continued, now);
  }

  reset(): void {
    this.partial = null;
  }

  private accept(data: Uint8Array, symbology: string | null, continued: boolean, now: number): DecodeOutcome[] {
    const outcomes: DecodeOutcome[] = [];
    let partial = this.partial;
    if (partial && now - partial.lastAt > this.continuationTimeoutMs) {
      outcomes.push(rejected('incomplete', 'A multi-report scan stopped before its last report', { receivedBytes: partial.size }));
      partial = null;
    } else if (partial && partial.symbology !== symbology) {
      outcomes.push(rejected('symbology_changed', 'A continuation report names a different symbology than the report before it'));
      partial = null;
    }

    partial ??= { chunks: [], size: 0, symbology, lastAt: now };
    partial.chunks.push(data);
    partial.size += data.length;
    partial.lastAt = now;
    this.partial = null;

    if (partial.size > MAX_SCAN_CODE_LENGTH) {
      outcomes.push(rejected('too_long', `Scan exceeds ${MAX_SCAN_CODE_LENGTH} bytes`, { receivedBytes: partial.size }));
      return outcomes;
    }
    if (continued) {
      this.partial = partial;
      return outcomes;
    }
    const code = stripLineEnd(bytesToText(concat(partial.chunks, partial.size)));
    outcomes.push(code.length > 0 ? { kind: 'scan', code, symbology } : rejected('empty', 'HID POS scan carried no data'));
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

/** Some scanners keep a configured CR/LF suffix in HID POS mode too; it is a terminator, not code. */
function stripLineEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x0d || text.charCodeAt(end - 1) === 0x0a)) end--;
  return end === text.length ? text : text.slice(0, end);
}
