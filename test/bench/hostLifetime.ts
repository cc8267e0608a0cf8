/**
 * How a bench's app process (benchHost.ts, store/syncingStoreHost.ts) lives: it serves until its
 * parent closes its stdin, then closes the host and services, runs `cleanup` and exits.
 */
import type { BrowserHost } from '../../main/browserHost/browserHost';

export function serveUntilStdinEnds(host: Pick<BrowserHost, 'close'>, services: { close(): Promise<void> }, cleanup: () => void): void {
  const shutdown = async (): Promise<void> => {
    await host.close();
    await services.close();
    cleanup();
    process.exit(0);
  };
  process.stdin.on('end', () => void shutdown());
  process.stdin.resume();
}

/** The process entry: a failure to start is printed and ends the process with a failure code. */
export function runHost(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
