/**
 * `npm run dev:browser -- [--port <p>] [--data-dir <dir>]`: runs the real services behind the browser
 * host and prints the URL (with its per-run token) to open in a browser.
 */
import path from 'node:path';
import { classifyStartupError } from '../app/startupFailure';
import { packageVersion } from '../appVersion';
import { logsDir } from '../config';
import { EXIT_CODES } from '../app/exitCodes';
import { checkNativeModules, currentRuntime, nativeModuleReport } from '../app/nativeModules';
import { startBrowserHost } from './browserHost';

const USAGE = `Usage: npm run dev:browser -- [--port <port>] [--data-dir <folder>]

Serves the DealPOS Counter renderer and the app's services on http://127.0.0.1 for development and
browser tests (no Electron needed). Prints the URL to open; it carries a per-run access token.

  --port <port>        port to listen on (default: a free one)
  --data-dir <folder>  where the database and logs live (default: .tmp/browser-data); created
                       owner-only (0700) if missing`;

function parse(argv: readonly string[]): { port: number; dataDir: string } {
  let port = 0;
  let dataDir = path.resolve('.tmp/browser-data');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(EXIT_CODES.ok);
    } else if (arg === '--port' && value !== undefined) {
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, got "${value}"`);
      i++;
    } else if (arg === '--data-dir' && value !== undefined) {
      dataDir = path.resolve(value);
      i++;
    } else {
      fail(`Unknown or incomplete argument "${arg}"`);
    }
  }
  return { port, dataDir };
}

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(EXIT_CODES.usage);
}

async function main(): Promise<void> {
  const { port, dataDir } = parse(process.argv.slice(2));
  const nativeFailures = checkNativeModules();
  if (nativeFailures.length > 0) {
    console.error(nativeModuleReport(nativeFailures, currentRuntime()));
    process.exit(EXIT_CODES.nativeModule);
  }
  // Imported after the check, so a broken binary is reported above rather than thrown at import.
  const { createServices } = await import('../services');
  const services = await createServices({ dataDir, version: packageVersion(), host: 'browser' });
  const host = await startBrowserHost({ services, rendererDir: path.resolve('dist/renderer'), port });
  console.log(`DealPOS Counter browser host: ${host.url}`);
  console.log(`Data folder: ${dataDir} (logs in ${logsDir(dataDir)})`);
  const stop = async (): Promise<void> => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const failure = classifyStartupError(error, 'browser');
  console.error(failure.message);
  process.exit(failure.code);
});
