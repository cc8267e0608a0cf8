import type { ScannerReportLayout } from '../../shared/contract/scanner';
import { ServiceError } from '../../shared/errors';

/** Why a report was not turned into a scan; stable strings the log and tests can branch on. */
export type DecodeFailure =
  | 'wrong_length'
  | 'unexpected_report_id'
  | 'bad_data_length'
  | 'unknown_layout'
  | 'bad_symbology'
  | 'symbology_changed'
  | 'incomplete'
  | 'ambiguous_continuation'
  | 'too_long'
  | 'empty'
  | 'keyboard_error'
  | 'duplicate_key'
  | 'unsupported_key';

/** A report the decoder does not understand: rejected with a reason instead of being misread. */
export class ScanDecodeError extends ServiceError {
  readonly reason: DecodeFailure;

  constructor(reason: DecodeFailure, message: string, details: Readonly<Record<string, string | number | boolean | null>> = {}) {
    super('decode', message, { details: { reason, ...details } });
    this.reason = reason;
  }
}

/** A finished scan as a decoder sees it; the device manager adds source and time. */
export interface DecodedScan {
  readonly kind: 'scan';
  readonly code: string;
  readonly symbology: string | null;
}

export interface DecodeRejected {
  readonly kind: 'error';
  readonly error: ScanDecodeError;
}

/** What one report produced: nothing yet (empty array), scans, rejections, or a mix for keyboard reports. */
export type DecodeOutcome = DecodedScan | DecodeRejected;

/** Both decoders: stateful across reports (continuations, key roll-over), pure otherwise. */
export interface ReportDecoder {
  /** The layout of the last report that was read, for Settings; null before any. */
  detectedLayout(): ScannerReportLayout | null;
  /** `now` is a monotonic time in ms, used only to drop a half-received scan that went stale. */
  push(report: Uint8Array, now: number): readonly DecodeOutcome[];
  reset(): void;
}

export function rejected(reason: DecodeFailure, message: string, details?: Readonly<Record<string, string | number | boolean | null>>): DecodeRejected {
  return { kind: 'error', error: new ScanDecodeError(reason, message, details) };
}
