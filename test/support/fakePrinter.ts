/**
 * A network receipt printer for tests: a real TCP server on 127.0.0.1 that records each job's bytes
 * (one job per connection, complete when the host ends it) and then closes, as raw port 9100
 * printers do. It can misbehave the ways counter printers do: close the connection mid-job, or
 * stop answering (take the connection, never finish).
 */
import { createServer, type Server, type Socket } from 'node:net';

export type PrinterBehaviour =
  | { readonly kind: 'prints' }
  /** Destroys the connection once this many bytes of a job have arrived (a reset, as a printer that lost power). */
  | { readonly kind: 'closesAfter'; readonly bytes: number }
  /** Reads nothing more and never closes: a hung printer. */
  | { readonly kind: 'silent' };

export interface FakePrinter {
  readonly port: number;
  readonly address: string;
  /** Jobs received completely, in order. */
  readonly jobs: Uint8Array[];
  /** Connections accepted (complete or not). */
  connections(): number;
  /** How the next connections are treated; each counted behaviour applies once. */
  behave(next: PrinterBehaviour): void;
  /** Resolves when `count` complete jobs have arrived. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Uint8Array[]>;
  close(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const jobs: Uint8Array[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  let behaviour: PrinterBehaviour = { kind: 'prints' };
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
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (mode.kind === 'closesAfter' && received >= mode.bytes) socket.resetAndDestroy();
    });
    socket.on('end', () => {
      if (mode.kind === 'closesAfter') return;
      jobs.push(new Uint8Array(Buffer.concat(chunks)));
      socket.end();
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
