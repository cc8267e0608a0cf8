import { ServiceError } from '../../shared/errors';
import type { DemoServer } from './accountService';

/** Starts the embedded DealPOS simulator on 127.0.0.1 with the demo catalog and credentials. */
export async function startDemoSimulator(): Promise<DemoServer> {
  throw new ServiceError('not_configured', 'The demo store is not available in this build yet');
}
