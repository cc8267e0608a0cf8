/** `npm run simulator` as a real child process: the listening line, a working API, clear flag errors. */
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { parseCliArgs } from '../../../main/simulator/cliArgs';
import { listeningUrl, spawnSimulator } from '../../support/simulatorProcess';

const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

function run(args: string[]): ChildProcess {
  const child = spawnSimulator(args);
  children.push(child);
  return child;
}

function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    let stdout = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('simulator CLI', () => {
  it('prints the listening line and serves the API with the given credentials, rate limit and catalog size', async () => {
    const child = run(['--port', '0', '--client-id', 'cli-id', '--client-secret', 'cli-secret', '--variants', '10', '--rate-limit', '20/60']);
    const url = await listeningUrl(child);
    const client = new DealPosClient({ baseUrl: url, clientId: 'cli-id', clientSecret: 'cli-secret', budget: new RequestBudget() });
    const rows = await client.listVariants({ pageNumber: 1, pageSize: 500 }, { priority: 'background' });
    expect(rows.length).toBe(10 + 26); // generated + documented and curated fixtures
    const response = await fetch(`${url}/api/v3/Tax`);
    expect(response.headers.get('ratelimit-policy')).toBe('20;w=60');
    const exit = finished(child);
    child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
  }, 20_000);

  it('rejects bad flags with a clear message and exit code 2', async () => {
    const cases = [
      [['--rate-limit', '50'], '--rate-limit must look like <count>/<seconds>'],
      [['--port', 'abc'], '--port must be a whole number'],
      [['--variants', '600000'], '--variants must be between 0 and 500000'],
      [['--bogus'], 'Unknown option "--bogus"'],
    ] as const;
    const results = await Promise.all(cases.map(([args]) => finished(run([...args]))));
    cases.forEach(([args, message], i) => {
      expect(results[i]?.code, args.join(' ')).toBe(2);
      expect(results[i]?.stderr).toContain(message);
      expect(results[i]?.stderr).toContain('Usage: npm run simulator');
    });
  }, 30_000);

  it('prints help', async () => {
    const result = await finished(run(['--help']));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--rate-limit <count>/<sec>');
  }, 20_000);
});

describe('parseCliArgs', () => {
  it('applies defaults and parses every flag', () => {
    expect(parseCliArgs([])).toMatchObject({ port: 8787, variants: 5000, rateLimit: { count: 50, seconds: 180 }, adminRoutes: false });
    expect(parseCliArgs(['--port', '0', '--seed', '9', '--token-ttl', '60', '--faults', '--client-id', 'a', '--client-secret', 'b'])).toMatchObject({
      port: 0,
      seed: 9,
      tokenTtlSeconds: 60,
      adminRoutes: true,
      clientId: 'a',
      clientSecret: 'b',
    });
    expect(parseCliArgs(['-h'])).toBeNull();
    expect(() => parseCliArgs(['--client-id'])).toThrow('--client-id needs a value');
  });
});
