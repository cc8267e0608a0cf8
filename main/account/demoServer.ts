import type { Worker } from 'node:worker_threads';
import { DEMO_FIXTURES } from '../simulator/demoData';
import { startWorker } from '../workers/startWorker';
import type { DemoSimulatorMessage } from '../workers/demoSimulator.worker';
import type { DemoServer } from './accountService';

/** How long a closing simulator may take before its thread is stopped outright. */
const CLOSE_GRACE_MS = 2_000;

/**
 * Starts the embedded DealPOS simulator on its own worker thread (main/workers/demoSimulator.worker.ts),
 * on 127.0.0.1 (a free port) with the demo catalog and its public demo credentials; they never touch
 * the keychain. Main's event loop only sees the HTTP requests its client makes, as with a real store.
 */
export function startDemoSimulator(): Promise<DemoServer> {
  const thread = startWorker('demoSimulator.worker');
  return new Promise<DemoServer>((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`The demo store stopped while starting (exit code ${code})`));
    thread.once('error', reject);
    thread.once('exit', onExit);
    thread.once('message', (message: DemoSimulatorMessage) => {
      thread.off('exit', onExit);
      if (message.kind === 'failed') {
        reject(new Error(`The demo store could not start: ${message.message}`));
        return;
      }
      resolve({ baseUrl: message.url, clientId: DEMO_FIXTURES.clientId, clientSecret: DEMO_FIXTURES.clientSecret, close: () => closeThread(thread) });
    });
  });
}

async function closeThread(thread: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  thread.postMessage('close');
  const timer = setTimeout(() => void thread.terminate(), CLOSE_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
