import type { MessageKey } from './t';

/**
 * Failures of the connection to DealPOS, and what a receipt printer said of itself, worded for the
 * person at the counter (what to do), in the UI language. The technical reason (`UND_ERR_SOCKET`,
 * `ECONNREFUSED`, the printer's address) stays in main's message and log.
 */
const FOR_PEOPLE: Readonly<Record<string, MessageKey>> = {
  network: 'shell.error.network',
  timeout: 'shell.error.timeout',
  rate_limited: 'shell.error.rate_limited',
  server_error: 'shell.error.server_error',
  printer_paper_out: 'printing.status.paperOut',
  printer_cover_open: 'printing.status.coverOpen',
  printer_offline: 'printing.status.offline',
};

/** The message that words an error code for people, or null when main's own message is already for people. */
export function errorTextKey(code: string | null): MessageKey | null {
  return code === null ? null : (FOR_PEOPLE[code] ?? null);
}
