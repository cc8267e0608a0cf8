/**
 * Typed failures of the DealPOS client. Every one names the endpoint it came from so logs and the
 * outbox can tell a failed lookup from a failed invoice; none ever carries a token or the secret.
 */
import { ServiceError, type ValidationIssue } from '../../shared/errors';

export abstract class DealPosError extends ServiceError {
  /** Endpoint path relative to /api/v3, e.g. `Invoice/IDByNumber`. */
  get endpoint(): string {
    const value = this.details?.['endpoint'];
    return typeof value === 'string' ? value : '';
  }
}

/**
 * The request may or may not have reached DealPOS. `maybeProcessed` is false only when the
 * connection was refused or the host could not be resolved — then nothing was sent. The message is
 * shown to people (customer dialog, Queue), so the socket's code (`UND_ERR_SOCKET`, `ECONNREFUSED`)
 * stays in `details.reason` and the log line the client writes.
 */
export class DealPosNetworkError extends DealPosError {
  constructor(endpoint: string, reason: string, maybeProcessed: boolean, cause?: unknown) {
    super('network', `Cannot reach DealPOS (${endpoint}); check this computer's internet connection`, {
      details: { endpoint, reason, maybeProcessed },
      cause,
    });
  }
  get maybeProcessed(): boolean {
    return this.details?.['maybeProcessed'] === true;
  }
}

/** No answer within the timeout; the server may still have processed the request. */
export class DealPosTimeoutError extends DealPosError {
  constructor(endpoint: string, timeoutMs: number) {
    super('timeout', `DealPOS did not answer ${endpoint} within ${timeoutMs} ms`, {
      details: { endpoint, timeoutMs, maybeProcessed: true },
    });
  }
}

/** The caller's AbortSignal fired. `maybeProcessed` is true when the request had already been sent. */
export class DealPosCancelledError extends DealPosError {
  constructor(endpoint: string, maybeProcessed: boolean) {
    super('cancelled', `Request to ${endpoint} was cancelled`, { details: { endpoint, maybeProcessed } });
  }
}

/** The client id / secret were refused, or a freshly issued token was refused again. */
export class DealPosBadCredentialsError extends DealPosError {
  constructor(endpoint: string, serverMessage: string | null) {
    super('bad_credentials', `DealPOS refused the client id or client secret${serverMessage ? `: ${serverMessage}` : ''}`, {
      details: { endpoint, serverMessage },
    });
  }
}

/** 403: the API user lacks a role. `role` is e.g. `Sell CREATE` when the server names it, else null. */
export class DealPosForbiddenError extends DealPosError {
  constructor(endpoint: string, role: string | null, serverMessage: string | null) {
    super(
      'forbidden',
      role
        ? `The DealPOS API user needs the "${role}" role for ${endpoint}`
        : `DealPOS refused ${endpoint} for this API user${serverMessage ? `: ${serverMessage}` : ''}`,
      { details: { endpoint, role, serverMessage } },
    );
  }
  get role(): string | null {
    const value = this.details?.['role'];
    return typeof value === 'string' ? value : null;
  }
}

export class DealPosNotFoundError extends DealPosError {
  constructor(endpoint: string, serverMessage: string | null) {
    super('not_found', `DealPOS found nothing for ${endpoint}${serverMessage ? `: ${serverMessage}` : ''}`, {
      details: { endpoint, serverMessage },
    });
  }
}

/** 400 with the server's `Message` — the request was understood and refused; resending it unchanged will not help. */
export class DealPosValidationError extends DealPosError {
  constructor(endpoint: string, serverMessage: string) {
    super('server_validation', `DealPOS rejected ${endpoint}: ${serverMessage}`, { details: { endpoint, serverMessage } });
  }
  get serverMessage(): string {
    const value = this.details?.['serverMessage'];
    return typeof value === 'string' ? value : '';
  }
}

/**
 * 429 from the server, or the local budget could not grant a slot within the caller's `maxWaitMs`
 * (`local: true`). Either way nothing was processed; retry after `retryAfterMs`.
 */
export class DealPosRateLimitedError extends DealPosError {
  constructor(endpoint: string, retryAfterMs: number, local: boolean) {
    super(
      'rate_limited',
      `DealPOS request limit reached${local ? ' (local budget)' : ''}; ${endpoint} can be retried in ${Math.ceil(retryAfterMs / 1000)} s`,
      { details: { endpoint, retryAfterMs, local, maybeProcessed: false } },
    );
  }
  get retryAfterMs(): number {
    const value = this.details?.['retryAfterMs'];
    return typeof value === 'number' ? value : 0;
  }
}

/** 5xx (or another unexpected status). The request may have been processed. */
export class DealPosServerError extends DealPosError {
  constructor(endpoint: string, status: number, serverMessage: string | null) {
    super('server_error', `DealPOS failed on ${endpoint} (HTTP ${status})${serverMessage ? `: ${serverMessage}` : ''}`, {
      details: { endpoint, status, serverMessage, maybeProcessed: true },
    });
  }
  get status(): number {
    const value = this.details?.['status'];
    return typeof value === 'number' ? value : 0;
  }
}

/** The answer did not match the schema we rely on. `field` is a dotted path, `(body)` for the whole body. */
export class DealPosBadResponseError extends DealPosError {
  constructor(endpoint: string, field: string, problem: string, issues?: readonly ValidationIssue[]) {
    super('bad_response', `Unexpected DealPOS response from ${endpoint}: field "${field}" ${problem}`, {
      details: { endpoint, field, problem },
      ...(issues ? { issues } : {}),
    });
  }
  get field(): string {
    const value = this.details?.['field'];
    return typeof value === 'string' ? value : '';
  }
}
