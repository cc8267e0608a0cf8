/**
 * Raw printing through the OS spooler: CUPS `lp -d <queue> -o raw` on Linux and macOS. The bytes go
 * to lp's standard input unchanged, so the queue must be a raw queue (or a printer whose driver
 * passes raw data through). Windows has no `lp`: not yet supported (a raw Windows spooler write
 * needs a native module; use a network printer or the system print dialog there).
 *
 * No printer status here: `lp` only hands the bytes to the spooler and reads nothing back from the
 * printer, so an empty roll or an open cover is not seen (CUPS reports a printed job either way).
 * The ESC/POS status questions (./printerStatus.ts) are asked on the network transport only.
 */
import { spawn } from 'node:child_process';
import { PrinterError } from './printerError';

export interface CupsOptions {
  /** The `lp` to run; tests put a stand-in first on PATH instead. */
  readonly command?: string;
  readonly timeoutMs?: number;
  readonly platform?: NodeJS.Platform;
}

/** What CUPS queue names may hold (no spaces, tabs, "/" or "#"; lpadmin refuses those). */
const QUEUE_NAME = /^[^\s/#]{1,127}$/;

export function sendToCupsQueue(queue: string, bytes: Uint8Array, options: CupsOptions = {}): Promise<{ readonly requestId: string | null }> {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') {
    return Promise.reject(
      new PrinterError('printer_unsupported', 'Printing through the Windows print queue is not supported yet: choose a network printer (TCP 9100) or the system print dialog'),
    );
  }
  if (!QUEUE_NAME.test(queue)) {
    return Promise.reject(new PrinterError('printer_unreachable', `"${queue}" is not a CUPS queue name: pick one listed by \`lpstat -p\` (no spaces, "/" or "#")`));
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    // -d before the queue name, and no shell: the name can never become an option or a command.
    const child = spawn(options.command ?? 'lp', ['-d', queue, '-o', 'raw'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (error: PrinterError | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve({ requestId: /request id is (\S+)/.exec(stdout)?.[1] ?? null });
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new PrinterError('printer_timeout', `lp did not finish within ${timeoutMs / 1000} s for queue ${queue}: check that CUPS is running (lpstat -r)`));
    }, timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk.slice(0, 2_000)));
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish(
        error.code === 'ENOENT'
          ? new PrinterError('printer_unsupported', 'The lp command is missing: install CUPS (Debian/Ubuntu: sudo apt-get install cups-client), or choose a network printer')
          : new PrinterError('printer_io', `Could not run lp (${error.code ?? error.message})`, error),
      );
    });
    child.stdin.on('error', () => undefined); // lp exiting early is reported by its exit code below
    child.on('close', (code) => {
      if (code === 0) finish(null);
      else {
        const said = stderr.trim().split('\n')[0] ?? '';
        finish(new PrinterError('printer_unreachable', `CUPS did not accept the job for queue ${queue}${said ? `: ${said}` : ` (lp exit ${code ?? 'signal'})`}; check the queue name with lpstat -p`));
      }
    });
    child.stdin.end(bytes);
  });
}
