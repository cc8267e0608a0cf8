/**
 * Errors that cross the process boundary. Services throw `ServiceError` subclasses; hosts turn them
 * into `PosErrorShape` results, and the renderer client turns those back into `PosError`.
 */

/** Every code a caller may branch on. Add a code here before throwing it anywhere. */
export const ERROR_CODES = [
  'validation',
  'unknown_method',
  'forbidden_sender',
  'internal',
  // DealPOS client
  'network',
  'timeout',
  'cancelled',
  'bad_credentials',
  'forbidden',
  'not_found',
  'server_validation',
  'rate_limited',
  'server_error',
  'bad_response',
  // local data
  'storage_full',
  'storage',
  'not_configured',
  'offline',
  'invalid_code',
  'unknown_code',
  'discontinued',
  'not_cached_offline',
  'keychain',
  'conflict',
  // scanner
  'device_not_found',
  'device_permission',
  'device_unsupported',
  'device_io',
  'decode',
  // printers (issue 17)
  'printer_unreachable',
  'printer_refused',
  'printer_timeout',
  'printer_io',
  'printer_unsupported',
  // what a network printer says of itself before a job (ESC/POS DLE EOT)
  'printer_paper_out',
  'printer_cover_open',
  'printer_offline',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `lines.0.quantity`; empty for the whole input. */
  readonly path: string;
  readonly message: string;
}

/** The plain-data error that survives IPC, HTTP and structured clone. */
export interface PosErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues?: readonly ValidationIssue[];
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

export type PosResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PosErrorShape };

/** Base class for errors a service throws on purpose; anything else is reported as `internal`. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  readonly details: PosErrorShape['details'];
  readonly issues: PosErrorShape['issues'];
  override readonly cause: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: PosErrorShape['details']; issues?: readonly ValidationIssue[]; cause?: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
    this.issues = options.issues;
    this.cause = options.cause;
  }

  toShape(): PosErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

/** What the renderer client throws when a call comes back `{ ok: false }`. */
export class PosError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly ValidationIssue[];
  readonly details: PosErrorShape['details'];

  constructor(shape: PosErrorShape) {
    super(shape.message);
    this.name = 'PosError';
    this.code = shape.code;
    this.issues = shape.issues ?? [];
    this.details = shape.details;
  }
}
