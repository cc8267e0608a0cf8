/** Command-line flags of `npm run simulator` (kept apart from cli.ts so tests can import it without starting a server). */
import type { SimulatorOptions } from './simulatorServer';
import { DEFAULT_SEED, DEFAULT_VARIANT_COUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, MAX_VARIANT_COUNT } from './demoData';

export const USAGE = `Usage: npm run simulator -- [options]

Starts the DealPOS API simulator on 127.0.0.1.

Options:
  --port <p>                  TCP port, 0 picks a free one (default 8787)
  --client-id <id>            client id the token endpoint accepts (default: demo id ${DEMO_CLIENT_ID})
  --client-secret <secret>    client secret the token endpoint accepts (default: the demo secret)
  --variants <n>              generated catalog size, 0..${MAX_VARIANT_COUNT} (default ${DEFAULT_VARIANT_COUNT})
  --rate-limit <count>/<sec>  fixed-window rate limit (default 50/180)
  --seed <n>                  catalog and customer seed (default ${DEFAULT_SEED})
  --token-ttl <seconds>       token lifetime (default 3600)
  --faults                    serve POST /__admin/faults and GET /__admin/state for fault injection
  -h, --help                  show this help`;

export class CliUsageError extends Error {}

const int = (flag: string, value: string | undefined, min: number, max: number): number => {
  if (value === undefined || value.startsWith('--')) throw new CliUsageError(`${flag} needs a value`);
  if (!/^\d+$/.test(value)) throw new CliUsageError(`${flag} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new CliUsageError(`${flag} must be between ${min} and ${max}, got ${n}`);
  return n;
};

const text = (flag: string, value: string | undefined): string => {
  if (value === undefined || value.startsWith('--') || value.trim() === '') throw new CliUsageError(`${flag} needs a value`);
  return value;
};

/** Parses argv (without node and script); returns null when help was asked for. */
export function parseCliArgs(argv: readonly string[]): SimulatorOptions | null {
  let port = 8787;
  let clientId = DEMO_CLIENT_ID;
  let clientSecret = DEMO_CLIENT_SECRET;
  let variants = DEFAULT_VARIANT_COUNT;
  let rateLimit = { count: 50, seconds: 180 };
  let seed = DEFAULT_SEED;
  let tokenTtlSeconds = 3600;
  let adminRoutes = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const next = (): string | undefined => argv[++i];
    switch (flag) {
      case '-h':
      case '--help':
        return null;
      case '--port':
        port = int(flag, next(), 0, 65535);
        break;
      case '--client-id':
        clientId = text(flag, next());
        break;
      case '--client-secret':
        clientSecret = text(flag, next());
        break;
      case '--variants':
        variants = int(flag, next(), 0, MAX_VARIANT_COUNT);
        break;
      case '--rate-limit': {
        const value = text(flag, next());
        const match = /^(\d+)\/(\d+)$/.exec(value);
        if (!match) throw new CliUsageError(`--rate-limit must look like <count>/<seconds>, e.g. 50/180; got "${value}"`);
        rateLimit = { count: Number(match[1]), seconds: Number(match[2]) };
        if (rateLimit.count < 1 || rateLimit.seconds < 1) throw new CliUsageError('--rate-limit count and seconds must be at least 1');
        break;
      }
      case '--seed':
        seed = int(flag, next(), 0, 2 ** 31 - 1);
        break;
      case '--token-ttl':
        tokenTtlSeconds = int(flag, next(), 1, 7 * 24 * 3600);
        break;
      case '--faults':
        adminRoutes = true;
        break;
      default:
        throw new CliUsageError(`Unknown option "${flag}"`);
    }
  }
  return { port, clientId, clientSecret, variants, rateLimit, seed, tokenTtlSeconds, adminRoutes };
}
