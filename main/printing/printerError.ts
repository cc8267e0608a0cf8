import { ServiceError, type ErrorCode } from '../../shared/errors';

export type PrinterErrorCode = Extract<ErrorCode, `printer_${string}`>;

/** A print that did not reach the printer; the message says what to check. The sale is never affected. */
export class PrinterError extends ServiceError {
  constructor(code: PrinterErrorCode, message: string, cause?: unknown) {
    super(code, message, cause === undefined ? {} : { cause });
  }
}
