/**
 * The demo store's DealPOS simulator on a thread of its own: its HTTP server, catalog generation
 * and request handling never run on main's event loop, so a demo behaves like a real store under
 * load. Posts `{ kind: 'listening', url }` once it listens; `'close'` stops it and the thread ends.
 */
import { parentPort } from 'node:worker_threads';
import { DEMO_FIXTURES } from '../simulator/demoData';
import { startSimulator } from '../simulator/simulatorServer';

export type DemoSimulatorMessage = { readonly kind: 'listening'; readonly url: string } | { readonly kind: 'failed'; readonly message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('demoSimulator.worker must run as a worker thread');
  try {
    const simulator = await startSimulator({ port: 0, clientId: DEMO_FIXTURES.clientId, clientSecret: DEMO_FIXTURES.clientSecret });
    port.on('message', (message: unknown) => {
      if (message !== 'close') return;
      void simulator.close().finally(() => port.close());
    });
    port.postMessage({ kind: 'listening', url: simulator.url } satisfies DemoSimulatorMessage);
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies DemoSimulatorMessage);
    port.close();
  }
}

void main();
