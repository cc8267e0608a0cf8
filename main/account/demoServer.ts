import { DEMO_FIXTURES } from '../simulator/demoData';
import { startSimulator } from '../simulator/simulatorServer';
import type { DemoServer } from './accountService';

/**
 * Starts the embedded DealPOS simulator in this process on 127.0.0.1 (a free port) with the demo
 * catalog and its public demo credentials; they never touch the keychain.
 */
export async function startDemoSimulator(): Promise<DemoServer> {
  const simulator = await startSimulator({ port: 0, clientId: DEMO_FIXTURES.clientId, clientSecret: DEMO_FIXTURES.clientSecret });
  return {
    baseUrl: simulator.url,
    clientId: DEMO_FIXTURES.clientId,
    clientSecret: DEMO_FIXTURES.clientSecret,
    close: () => simulator.close(),
  };
}
