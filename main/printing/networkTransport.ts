/**
 * Raw printing to a network printer (TCP, usually port 9100: "raw", "JetDirect", "AppSocket").
 *
 * ASSUMPTION: a job has reached the printer when the printer closes the connection after ours is
 * ended (printers on raw port 9100 close once the host has sent FIN). A printer that takes the
 * bytes but never closes is reported as having stopped answering, never as printed, so a receipt
 * is not quietly lost; the cashier can retry.
 *
 * Status: before the job the printer is asked its real-time status (./printerStatus.ts). A printer
 * out of paper, with its cover open or off-line gets no job at all (it would hold the bytes and
 * print them once paper is in, and again on the retry). A printer that does not answer (many cheap
 * ones) prints as before: no answer is "status unknown", not an error. A printer that answered is
 * asked again after the job's bytes; no answer to that is reported at once as having stopped
 * answering mid-job, well before the idle timeout.
 */
import { connect, type Socket } from 'node:net';
import { formatPrinterAddress, type PrinterAddress } from '../../shared/printing/printerAddress';
import { PrinterError } from './printerError';
import { isStatusReply, PAPER_QUERY, paperLevel, printerStatus, STATUS_QUERY, statusProblem, type PaperLevel, type PrinterStatus } from './printerStatus';

export interface NetworkTimeouts {
  /** Until the TCP connection is up. */
  readonly connectMs: number;
  /** Longest silence once connected: no progress writing, or no close after the job was sent. */
  readonly idleMs: number;
  /** How long the printer has to answer the status questions before the job; then it is sent unasked. */
  readonly statusMs?: number;
  /** How long a printer that answered before the job has to answer the question after its bytes. */
  readonly answerMs?: number;
}

export const DEFAULT_NETWORK_TIMEOUTS: Required<NetworkTimeouts> = { connectMs: 3_000, idleMs: 8_000, statusMs: 500, answerMs: 3_000 };

export interface NetworkJobOutcome {
  /** Whether the printer answered any status question on this connection. */
  readonly answersStatus: boolean;
  /** Its status before the job; null when not asked or not answered in time. */
  readonly before: PrinterStatus | null;
  /** Its paper once it had read the whole job; null when not asked or not answered. */
  readonly paperAfter: PaperLevel | null;
}

function refusal(problem: 'paper_out' | 'cover_open' | 'offline', target: string): PrinterError {
  switch (problem) {
    case 'paper_out':
      return new PrinterError('printer_paper_out', `The printer at ${target} is out of paper: load a new roll, then retry`);
    case 'cover_open':
      return new PrinterError('printer_cover_open', `The printer at ${target} has its cover open: close it, then retry`);
    case 'offline':
      return new PrinterError('printer_offline', `The printer at ${target} is offline: check its lights and paper, then retry`);
  }
}

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

/**
 * Sends the bytes and resolves once the printer closed the connection after receiving all of them.
 * With `askStatus` (the default) the printer's status is asked first, and a printer that cannot print
 * is refused the job (`printer_paper_out`, `printer_cover_open`, `printer_offline`).
 */
export function sendToNetworkPrinter(
  address: PrinterAddress,
  bytes: Uint8Array,
  timeouts: NetworkTimeouts = DEFAULT_NETWORK_TIMEOUTS,
  options: { readonly askStatus?: boolean } = {},
): Promise<NetworkJobOutcome> {
  const target = formatPrinterAddress(address);
  const { connectMs, idleMs, statusMs, answerMs } = { ...DEFAULT_NETWORK_TIMEOUTS, ...timeouts };
  const askStatus = options.askStatus ?? true;
  const asked = askStatus ? STATUS_QUERY.length : 0;
  return new Promise<NetworkJobOutcome>((resolve, reject) => {
    let connected = false;
    let jobSent = false; // the job's bytes went out (after the status questions, if asked)
    let finished = false;
    let settled = false;
    let before: PrinterStatus | null = null;
    let askedAfter = false;
    let paperAfter: PaperLevel | null = null;
    const replies: number[] = [];
    let socket: Socket | null = null;
    let statusTimer: NodeJS.Timeout | undefined;
    let answerTimer: NodeJS.Timeout | undefined;
    const sentOfJob = (): number => Math.max(0, Math.min((socket?.bytesWritten ?? 0) - asked, bytes.length));
    const settle = (error: PrinterError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(statusTimer);
      clearTimeout(answerTimer);
      socket?.destroy();
      if (error) reject(error);
      else resolve({ answersStatus: replies.length > 0, before, paperAfter });
    };
    const connectTimer = setTimeout(() => {
      settle(new PrinterError('printer_timeout', `No answer from ${target} within ${connectMs / 1000} s: check that the printer is on, and its address`));
    }, connectMs);

    const sendJob = (): void => {
      if (jobSent || settled) return;
      jobSent = true;
      clearTimeout(statusTimer);
      socket?.setTimeout(idleMs); // the status wait has its own, shorter limit
      // Only a printer that answered before is asked after: its silence then means it stopped reading.
      askedAfter = before !== null;
      socket?.end(askedAfter ? Buffer.concat([bytes, PAPER_QUERY]) : bytes, () => {
        finished = true;
        if (!askedAfter || paperAfter !== null) return;
        answerTimer = setTimeout(() => {
          settle(
            new PrinterError(
              'printer_timeout',
              `The printer at ${target} stopped answering mid-job (it answered before the job, not within ${answerMs / 1000} s after it): check paper and cover, then retry`,
            ),
          );
        }, answerMs);
      });
    };

    const onReply = (byte: number): void => {
      replies.push(byte);
      if (!jobSent && replies.length === 3) {
        before = printerStatus(replies[0] ?? 0, replies[1] ?? 0, replies[2] ?? 0);
        const problem = statusProblem(before);
        // Nothing of the job was sent: the printer holds nothing to print later, and the retry prints it once.
        if (problem) settle(refusal(problem, target));
        else sendJob();
      } else if (askedAfter && replies.length === 4) {
        paperAfter = paperLevel(byte);
        clearTimeout(answerTimer);
      }
    };

    socket = connect({ host: address.host, port: address.port });
    socket.setNoDelay(true);
    socket.on('connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      if (askStatus) {
        socket?.write(STATUS_QUERY);
        statusTimer = setTimeout(sendJob, statusMs); // no answer: status unknown, print as printers always did
      } else sendJob();
    });
    socket.on('timeout', () => {
      settle(
        new PrinterError(
          'printer_timeout',
          finished
            ? `The printer at ${target} stopped answering after the job was sent (${idleMs / 1000} s): check paper and cover, then retry`
            : `The printer at ${target} stopped answering mid-job (${sentOfJob()} of ${bytes.length} bytes sent): check paper and cover, then retry`,
        ),
      );
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      settle(describe(error, target, connected, sentOfJob(), bytes.length));
    });
    socket.on('close', (hadError) => {
      if (hadError) return; // the 'error' handler settled it
      if (finished) settle(null);
      else settle(new PrinterError('printer_io', `The printer at ${target} closed the connection mid-job (${sentOfJob()} of ${bytes.length} bytes sent): check paper and cover, then retry`));
    });
    // Status replies are counted; anything else a printer sends (ASB, GS a) is read and let go.
    socket.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (isStatusReply(byte)) onReply(byte);
    });
  });
}
