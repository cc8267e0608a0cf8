/**
 * The app's real services connected to a real simulator the way a manager connects a counter
 * (account.connect, the DealPOS lists, store settings), for integration tests that sell through
 * the contract. Needs the keychain: run inside scripts/withKeyring.sh.
 */
import fs from 'node:fs';
import type { MethodInput } from '../../shared/contract';
import { createServices, type Services } from '../../main/services';
import type { Simulator } from '../../main/simulator/simulatorServer';
import { requireKeychain, SIM_CLIENT_ID, SIM_SECRET, startSim, tempDir, until } from '../integration/store/harness';
import { contractCaller, type ContractCall } from './checkout';

export interface ConnectedCounter {
  readonly sim: Simulator;
  readonly services: Services;
  readonly call: ContractCall;
  close(): Promise<void>;
}

/** A 20-variant simulator and a connected counter with `settings`; `codes` are resolved into its catalog. */
export async function connectedCounter(name: string, settings: MethodInput<'settings.update'>, codes: readonly string[] = []): Promise<ConnectedCounter> {
  await requireKeychain();
  const dir = tempDir(name);
  const sim = await startSim({ variants: 20 });
  const services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const call = contractCaller(services.dispatch);
  await call('account.connect', { subdomain: `127.0.0.1:${sim.port}`, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
  await call('settings.options', {});
  await call('settings.update', settings);
  await until(() => sim.state.countRequests('Variant') > 0, 'the catalog sync to start');
  for (const code of codes) await call('catalog.resolve', { code });
  return {
    sim,
    services,
    call,
    close: async () => {
      await services.close();
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
