/**
 * `npm run simulator -- --port <p> --client-id <id> --client-secret <secret> [--variants <n>]
 * [--rate-limit <count>/<seconds>] [--seed <n>] [--token-ttl <seconds>] [--faults]`
 * Starts the DealPOS simulator and serves until SIGINT/SIGTERM.
 */
import { CliUsageError, parseCliArgs, USAGE } from './cliArgs';
import { DEMO_CLIENT_ID } from './demoData';
import { startSimulator, type SimulatorOptions } from './simulatorServer';

async function main(): Promise<void> {
  let options: SimulatorOptions | null;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }
  let simulator;
  try {
    simulator = await startSimulator(options);
  } catch (error) {
    const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    console.error(code === 'EADDRINUSE' ? `Error: port ${options.port ?? 0} is already in use` : `Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const rate = options.rateLimit ?? { count: 50, seconds: 180 };
  console.log(`DealPOS simulator listening on ${simulator.url}`);
  console.log(
    `  ${simulator.state.catalog.size} variants, rate limit ${rate.count}/${rate.seconds}s` +
      `${options.clientId === DEMO_CLIENT_ID ? ', demo credentials' : ''}${options.adminRoutes ? ', fault routes on /__admin' : ''}`,
  );
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
