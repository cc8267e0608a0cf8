/**
 * A network receipt printer for tests: a real TCP server on 127.0.0.1 that records each job's bytes
 * (one job per connection, complete when the host ends it) and then closes, as raw port 9100
 * printers do. It answers ESC/POS real-time status questions (DLE EOT n) as Epson's reference
 * describes them, the moment they arrive, and does not print them; it can also be a printer that
 * never answers them. It can misbehave the ways counter printers do: close the connection mid-job,
 * stop answering (take the connection, never finish), or answer the status questions and then hang.
 */
import { createServer, type Server, type Socket } from 'node:net';

export type PrinterBehaviour =
  | { readonly kind: 'prints' }
  /** Destroys the connection once this many bytes of a job have arrived (a reset, as a printer that lost power). */
  | { readonly kind: 'closesAfter'; readonly bytes: number }
  /** Reads nothing more and never closes: a hung printer. */
  | { readonly kind: 'silent' }
  /** Answers the three status questions before a job, then reads nothing more and never closes. */
  | { readonly kind: 'silentAfterStatus' };

/** The printer's physical state, as its DLE EOT replies report it. */
export interface PrinterCondition {
  /** False: a printer that ignores status questions (many cheap ones). */
  readonly answersStatus: boolean;
  readonly paper: 'ok' | 'near_end' | 'end';
  readonly coverOpen: boolean;
}

const READY: PrinterCondition = { answersStatus: true, paper: 'ok', coverOpen: false };

/** The reply byte to DLE EOT n (0xx1xx10), from Epson's tables: n = 1 printer, 2 off-line cause, 3 error cause, 4 roll paper sensor. */
export function statusReply(n: number, condition: PrinterCondition): number {
  const paperEnd = condition.paper === 'end';
  const offline = paperEnd || condition.coverOpen;
  switch (n) {
    case 1:
      return 0x12 | (offline ? 0x08 : 0);
    case 2:
      return 0x12 | (condition.coverOpen ? 0x04 : 0) | (paperEnd ? 0x20 : 0);
    case 4:
      // An empty roll is past the near-end sensor too.
      return 0x12 | (condition.paper === 'ok' ? 0 : 0x0c) | (paperEnd ? 0x60 : 0);
    default:
      return 0x12;
  }
}

/**
 * Reads a printer's input stream as a printer does: DLE EOT n (n 1–4) is taken out and answered at
 * once (`onQuestion`), whatever came before it; everything else is the job. Keeps a split question
 * across chunks.
 */
export function realTimeReader(onQuestion: (n: number) => void): (chunk: Buffer) => Buffer {
  let carry = Buffer.alloc(0);
  return (chunk) => {
    const bytes = Buffer.concat([carry, chunk]);
    const job: number[] = [];
    let i = 0;
    for (; i < bytes.length; i++) {
      if (bytes[i] !== 0x10) {
        job.push(bytes[i] ?? 0);
        continue;
      }
      if (i + 1 >= bytes.length || (bytes[i + 1] === 0x04 && i + 2 >= bytes.length)) break; // wait for the rest
      const n = bytes[i + 2] ?? 0;
      if (bytes[i + 1] === 0x04 && n >= 1 && n <= 4) {
        onQuestion(n);
        i += 2;
      } else job.push(0x10);
    }
    carry = bytes.subarray(i);
    return Buffer.from(job);
  };
}

export interface FakePrinter {
  readonly port: number;
  readonly address: string;
  /** Jobs received completely, in order. */
  readonly jobs: Uint8Array[];
  /** Connections accepted (complete or not). */
  connections(): number;
  /** How the next connections are treated; each counted behaviour applies once. */
  behave(next: PrinterBehaviour): void;
  /** Changes the printer's state from now on (load paper, open the cover, a printer that never answers status). */
  condition(next: Partial<PrinterCondition>): void;
  /** Status questions (DLE EOT n) received, in order. */
  readonly questions: number[];
  /** Resolves when `count` complete jobs have arrived. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const jobs: Uint8Array[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  let behaviour: PrinterBehaviour = { kind: 'prints' };
  let condition = READY;
  const questions: number[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined); // the host's own reset after a misbehaviour
    const mode = behaviour;
    if (mode.kind !== 'prints') behaviour = { kind: 'prints' };
    const chunks: Buffer[] = [];
    let received = 0;
    if (mode.kind === 'silent') {
      socket.pause();
      return;
    }
    let hung = false;
    let answered = 0;
    const read = realTimeReader((n) => {
      if (hung) return;
      questions.push(n);
      if (!condition.answersStatus) return;
      socket.write(Buffer.of(statusReply(n, condition)));
      answered += 1;
      if (mode.kind === 'silentAfterStatus' && answered === 3) {
        hung = true;
        socket.pause();
      }
    });
    socket.on('data', (chunk: Buffer) => {
      if (hung) return;
      const job = read(chunk);
      chunks.push(job);
      received += job.length;
      if (mode.kind === 'closesAfter' && received >= mode.bytes) socket.resetAndDestroy();
    });
    socket.on('end', () => {
      if (mode.kind === 'closesAfter' || hung) return;
      socket.end();
      if (received === 0) return; // only status questions: nothing to print
      jobs.push(new Uint8Array(Buffer.concat(chunks)));
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const info = server.address();
  if (info === null || typeof info === 'string') throw new Error('no TCP port');
  return {
    port: info.port,
    address: `127.0.0.1:${info.port}`,
    jobs,
    connections: () => accepted,
    behave: (next) => {
      behaviour = next;
    },
    condition: (next) => {
      condition = { ...condition, ...next };
    },
    questions,
    waitForJobs: async (count, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (jobs.length < count) {
        if (Date.now() > deadline) throw new Error(`Printer got ${jobs.length} of ${count} jobs within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return jobs.slice(0, count);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 127.0.0.1 port with nothing listening on it (connections are refused). */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const info = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (info === null || typeof info === 'string') throw new Error('no TCP port');
  return info.port;
}
