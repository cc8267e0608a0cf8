/**
 * After a full connect-and-catalog-sync run through the real composition root (real simulator,
 * real SQLite files, real log file, real keychain), neither the client secret nor any access token
 * the simulator issued may appear in any file of the data folder.
 * Run with `bash scripts/withKeyring.sh npx vitest run test/integration/store`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { CatalogProgress } from '../../../shared/contract/catalog';
import { createServices, type Services } from '../../../main/services';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { requireKeychain, SIM_CLIENT_ID, SIM_SECRET, startSim, tempDir, until } from './harness';

let dir: string;
let sim: Simulator | null = null;
let services: Services | null = null;

function filesUnder(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(root, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(requireKeychain);
afterEach(async () => {
  await services?.close();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps the secret and every token out of the SQLite files and the logs', async () => {
  dir = tempDir('leak');
  sim = await startSim({ variants: 1800 });
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const progress: CatalogProgress[] = [];
  services.events.on('catalogProgress', (p) => progress.push(p));
  const subdomain = `127.0.0.1:${sim.port}`;

  const wrongSecret = 'e3b0c442-98fc-4c14-9afb-f4c8996fb924';
  const refused = await services.dispatch('account.connect', { subdomain, clientId: SIM_CLIENT_ID, clientSecret: wrongSecret });
  expect(refused).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
  expect(JSON.stringify(refused)).not.toContain(wrongSecret);

  const connected = await services.dispatch('account.connect', { subdomain, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
  expect(connected).toMatchObject({ ok: true, value: { mode: 'live' } });
  expect(JSON.stringify(connected)).not.toContain(SIM_SECRET);
  await until(() => progress.some((p) => p.state === 'complete'), 'the catalog sync to complete', 30_000);
  expect(await services.dispatch('app.info', {})).toMatchObject({ ok: true, value: { mode: 'live' } });
  expect(await services.dispatch('catalog.resolve', { code: '1315L' })).toMatchObject({ ok: true, value: { status: 'found' } });
  expect(await services.dispatch('settings.options', {})).toMatchObject({ ok: true, value: { source: 'dealpos' } });
  // A token renewal after a 401 must not leak either.
  sim.state.tokens.clear();
  expect(await services.dispatch('catalog.resolve', { code: 'NOT-CACHED-1' })).toMatchObject({ ok: true, value: { status: 'unknown_code' } });
  const tokens = [...sim.state.tokens.keys()];
  await services.close();
  services = null;

  expect(tokens.length).toBeGreaterThan(0);
  const files = filesUnder(dir);
  expect(files.some((f) => f.endsWith('dealpos-counter.db'))).toBe(true);
  expect(files.some((f) => f.endsWith('.log'))).toBe(true);
  const needles = [SIM_SECRET, wrongSecret, ...tokens, ...tokens.map((t) => t.slice(0, 16))];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) {
      expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle.slice(0, 6)}… found in ${path.relative(dir, file)}`).toBe(false);
      expect(bytes.includes(Buffer.from(needle, 'utf16le')), `${needle.slice(0, 6)}… (UTF-16) found in ${path.relative(dir, file)}`).toBe(false);
    }
  }
});
