/**
 * Raw printing to a network printer (TCP, usually port 9100: "raw", "JetDirect", "AppSocket").
 *
 * ASSUMPTION: a job has reached the printer when the printer closes the connection after ours is
 * ended (printers on raw port 9100 close once the host has sent FIN). A printer that takes the
 * bytes but never closes is reported as having stopped answering, never as printed, so a receipt
 * is not quietly lost; the cashier can retry.
 */
import { connect, type Socket } from 'node:net';
import { formatPrinterAddress, type PrinterAddress } from '../../shared/printing/printerAddress';
import { PrinterError } from './printerError';

export interface NetworkTimeouts {
  /** Until the TCP connection is up. */
  readonly connectMs: number;
  /** Longest silence once connected: no progress writing, or no close after the job was sent. */
  readonly idleMs: number;
}

export const DEFAULT_NETWORK_TIMEOUTS: NetworkTimeouts = { connectMs: 3_000, idleMs: 8_000 };

function describe(error: NodeJS.ErrnoException, target: string, connected: boolean, sent: number, total: number): PrinterError {
  switch (error.code) {
    case 'ECONNREFUSED':
      return new PrinterError('printer_refused', `The printer at ${target} refused the connection: check the port (usually 9100) and that nothing else is printing to it`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrinterError('printer_unreachable', `No printer called ${target}: check the host name, or use the printer's IP address`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return new PrinterError('printer_unreachable', `Cannot reach ${target}: check that the printer is on and on this network, and its IP address`);
    case 'ECONNRESET':
    case 'EPIPE':
      if (connected) {
        return new PrinterError(
          'printer_io',
          `The printer at ${target} closed the connection mid-job (${sent} of ${total} bytes sent): check paper and cover, then retry`,
        );
      }
      return new PrinterError('printer_refused', `The printer at ${target} dropped the connection at once: check that nothing else is printing to it`);
    default:
      return new PrinterError('printer_io', `Printing to ${target} failed (${error.code ?? error.message}): check the printer, then retry`);
  }
}

/** Sends the bytes and resolves once the printer closed the connection after receiving all of them. */
export function sendToNetworkPrinter(address: PrinterAddress, bytes: Uint8Array, timeouts: NetworkTimeouts = DEFAULT_NETWORK_TIMEOUTS): Promise<void> {
  const target = formatPrinterAddress(address);
  return new Promise<void>((resolve, reject) => {
    let connected = false;
    let finished = false;
    let settled = false;
    let socket: Socket | null = null;
    const settle = (error: PrinterError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      socket?.destroy();
      if (error) reject(error);
      else resolve();
    };
    const connectTimer = setTimeout(() => {
      settle(new PrinterError('printer_timeout', `No answer from ${target} within ${timeouts.connectMs / 1000} s: check that the printer is on, and its address`));
    }, timeouts.connectMs);

    socket = connect({ host: address.host, port: address.port });
    socket.setNoDelay(true);
    socket.on('connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      socket?.setTimeout(timeouts.idleMs);
      socket?.end(bytes, () => {
        finished = true;
      });
    });
    socket.on('timeout', () => {
      const sent = socket?.bytesWritten ?? 0;
      settle(
        new PrinterError(
          'printer_timeout',
          finished
            ? `The printer at ${target} stopped answering after the job was sent (${timeouts.idleMs / 1000} s): check paper and cover, then retry`
            : `The printer at ${target} stopped answering mid-job (${Math.min(sent, bytes.length)} of ${bytes.length} bytes sent): check paper and cover, then retry`,
        ),
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      settle(describe(error, target, connected, Math.min(socket?.bytesWritten ?? 0, bytes.length), bytes.length));
    });
    socket.on('close', (hadError) => {
      if (hadError) return; // the 'error' handler settled it
      if (finished) settle(null);
      else {
        const sent = Math.min(socket?.bytesWritten ?? 0, bytes.length);
        settle(new PrinterError('printer_io', `The printer at ${target} closed the connection mid-job (${sent} of ${bytes.length} bytes sent): check paper and cover, then retry`));
      }
    });
    // A printer may send status bytes (ASB); reading them keeps the connection flowing.
    socket.on('data', () => undefined);
  });
}
