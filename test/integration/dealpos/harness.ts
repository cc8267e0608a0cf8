/** Starts a real simulator on 127.0.0.1:0 and a client wired to it, with a log that tests can inspect. */
import { DealPosClient, type DealPosClientOptions } from '../../../main/dealpos/dealPosClient';
import { RequestBudget, type RequestBudgetOptions } from '../../../main/dealpos/requestBudget';
import { createLogger } from '../../../main/logging/logger';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, startSimulator, type Simulator, type SimulatorOptions } from '../../../main/simulator/simulatorServer';

export interface Harness {
  readonly sim: Simulator;
  readonly client: DealPosClient;
  readonly budget: RequestBudget;
  /** Every line the client logged (already redacted by the logger). */
  readonly logLines: string[];
  makeClient(overrides?: Partial<DealPosClientOptions>): DealPosClient;
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    sim?: Partial<SimulatorOptions>;
    budget?: RequestBudgetOptions;
    client?: Partial<DealPosClientOptions>;
  } = {},
): Promise<Harness> {
  const sim = await startSimulator({
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    variants: 200,
    // Generous default so tests that are not about the limit never meet it.
    rateLimit: { count: 10_000, seconds: 180 },
    ...options.sim,
  });
  const budget = new RequestBudget({ limit: 10_000, ...options.budget });
  const logLines: string[] = [];
  const logger = createLogger((line) => logLines.push(line));
  const makeClient = (overrides: Partial<DealPosClientOptions> = {}): DealPosClient =>
    new DealPosClient({
      baseUrl: sim.url,
      clientId: DEMO_CLIENT_ID,
      clientSecret: DEMO_CLIENT_SECRET,
      budget,
      logger,
      timeoutMs: 5000,
      ...options.client,
      ...overrides,
    });
  return {
    sim,
    client: makeClient(),
    budget,
    logLines,
    makeClient,
    close: async () => {
      budget.close();
      await sim.close();
    },
  };
}

export const interactive = { priority: 'interactive' } as const;
export const sync = { priority: 'sync' } as const;
export const background = { priority: 'background' } as const;

/** Resolves to the error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
