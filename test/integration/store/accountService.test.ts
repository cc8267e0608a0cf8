/**
 * Connect / restore / disconnect / demo against the real simulator and the real OS keychain
 * (Secret Service). Run with `bash scripts/withKeyring.sh npx vitest run test/integration/store`.
 */
import fs from 'node:fs';
import path from 'node:path';
import keytar from '@github/keytar';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ServiceError } from '../../../shared/errors';
import { AccountService, baseUrlFor, normalizeSubdomain } from '../../../main/account/accountService';
import { startDemoSimulator } from '../../../main/account/demoServer';
import { createKeytarSecretStore, KEYCHAIN_SERVICE, keychainAccount } from '../../../main/credentials/secretStore';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { CATALOG_CURSOR_KEY } from '../../../main/store/catalogDatabase';
import { DEMO_DB_FILE, LIVE_DB_FILE } from '../../../main/store/database';
import { quietLogger, requireKeychain, SIM_CLIENT_ID, SIM_SECRET, startSim, tempDir } from './harness';

let dir: string;
let sim: Simulator;
const services: AccountService[] = [];

let unsynced = 0;

async function account(): Promise<AccountService> {
  const service = await AccountService.create({
    dataDir: dir,
    unsyncedInvoices: () => unsynced,
    logger: quietLogger(),
    secrets: createKeytarSecretStore(),
    startDemoServer: startDemoSimulator,
    budgetOptions: { limit: 1000, windowSeconds: 60 },
  });
  services.push(service);
  return service;
}

async function rejection(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

const host = (): string => `127.0.0.1:${sim.port}`;

beforeAll(requireKeychain);
beforeEach(async () => {
  unsynced = 0;
  dir = tempDir('account');
  sim = await startSim({ variants: 50 });
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  for (const { account: name } of await keytar.findCredentials(KEYCHAIN_SERVICE)) await keytar.deletePassword(KEYCHAIN_SERVICE, name);
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('subdomain handling', () => {
  it('completes a bare tenant name and picks http only for loopback', () => {
    expect(normalizeSubdomain('mystore')).toBe('mystore.dealpos.net');
    expect(normalizeSubdomain('mystore.dealpos.net')).toBe('mystore.dealpos.net');
    expect(normalizeSubdomain('127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(baseUrlFor('127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(baseUrlFor('localhost:9')).toBe('http://localhost:9');
    expect(baseUrlFor('mystore.dealpos.net')).toBe('https://mystore.dealpos.net');
    expect(baseUrlFor('127.evil.com')).toBe('https://127.evil.com');
  });
});

describe('AccountService', () => {
  it('starts in setup mode with no client', async () => {
    const service = await account();
    expect(service.status()).toEqual({ mode: 'setup', subdomain: null, clientId: null, databaseNotice: null });
    expect(service.client()).toBeNull();
  });

  it.each([
    ['https://mystore.dealpos.net', 'subdomain'],
    ['mystore.dealpos.net/api/v3', 'subdomain'],
    ['user@mystore.dealpos.net', 'subdomain'],
    ['my store', 'subdomain'],
    ['127.0.0.1:99999', 'subdomain'],
  ])('refuses subdomain %j with a validation error and saves nothing', async (subdomain, field) => {
    const service = await account();
    const error = await rejection(service.connect({ subdomain, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET }));
    expect(error.code).toBe('validation');
    expect(error.issues?.[0]?.path).toBe(field);
    expect(service.mode()).toBe('setup');
    expect(sim.state.requestLog).toHaveLength(0);
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([]);
  });

  it('refuses a secret DealPOS rejects with bad_credentials, saving nothing anywhere', async () => {
    const service = await account();
    const error = await rejection(service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: 'c0ffee00-0000-4000-8000-000000000000' }));
    expect(error.code).toBe('bad_credentials');
    expect(error.message).not.toContain('c0ffee00');
    expect(service.mode()).toBe('setup');
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([]);
    expect(service.session().db.prepare("SELECT key FROM app_state WHERE key = 'connection'").get()).toBeUndefined();
  });

  it('refuses an unreachable host with a network error, saving nothing', async () => {
    const service = await account();
    await sim.close();
    const error = await rejection(service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET }));
    expect(error.code).toBe('network');
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([]);
    sim = await startSim({ variants: 50 });
  });

  it('connects: token first, secret in the keychain only, then restores offline on the next start', async () => {
    const service = await account();
    const changes: string[] = [];
    service.onChange((session) => changes.push(session.mode));
    const status = await service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
    expect(status).toMatchObject({ mode: 'live', subdomain: host(), clientId: SIM_CLIENT_ID });
    expect(changes).toEqual(['live']);
    expect(sim.state.countRequests('Token/OAuth2')).toBe(1);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, keychainAccount(host(), SIM_CLIENT_ID))).toBe(SIM_SECRET);
    const stored = service.session().db.prepare("SELECT value FROM app_state WHERE key = 'connection'").get() as { value: string };
    expect(JSON.parse(stored.value)).toMatchObject({ subdomain: host(), clientId: SIM_CLIENT_ID });
    expect(stored.value).not.toContain(SIM_SECRET);
    await expect(service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET })).rejects.toMatchObject({ code: 'conflict' });
    await service.close();

    // Next app start: no network needed to come back live.
    await sim.close();
    const restarted = await account();
    expect(restarted.status()).toMatchObject({ mode: 'live', subdomain: host() });
    expect(restarted.client()).not.toBeNull();
    sim = await startSim({ variants: 50, port: Number(host().split(':')[1]) });
  });

  it('starts in setup mode with a log line when the keychain lost the secret', async () => {
    const service = await account();
    await service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
    await service.close();
    await keytar.deletePassword(KEYCHAIN_SERVICE, keychainAccount(host(), SIM_CLIENT_ID));
    expect((await account()).mode()).toBe('setup');
  });

  it('disconnect removes the secret from the keychain and goes back to setup', async () => {
    const service = await account();
    await service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
    expect(await service.disconnect()).toMatchObject({ mode: 'setup', subdomain: null });
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([]);
    expect(service.client()).toBeNull();
    await service.close();
    expect((await account()).mode()).toBe('setup');
  });

  it('runs the demo store in its own database file, never in the live one', async () => {
    const service = await account();
    const status = await service.startDemo();
    expect(status.mode).toBe('demo');
    expect(service.session().database.file).toBe(path.join(dir, DEMO_DB_FILE));
    expect(service.client()).not.toBeNull();
    await service.client()?.getToken({ priority: 'interactive' });
    expect(await keytar.findCredentials(KEYCHAIN_SERVICE)).toEqual([]); // demo credentials never reach the keychain
    await service.close();

    const restarted = await account();
    expect(restarted.mode()).toBe('demo');
    await expect(restarted.connect({ subdomain: 'not a host', clientId: 'x', clientSecret: 'y' })).rejects.toMatchObject({ code: 'validation' });
    await restarted.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
    expect(restarted.mode()).toBe('live');
    expect(restarted.session().database.file).toBe(path.join(dir, LIVE_DB_FILE));
    await expect(restarted.startDemo()).rejects.toMatchObject({ code: 'conflict' });
  });

  it('forgets the old store catalog when a different account connects, but not while its invoices are unsynced', async () => {
    const service = await account();
    await service.connect({ subdomain: host(), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
    service.session().catalog.upsertMany([
      { code: 'OLD-1', name: 'Old store item', product: 'Old', unitPrice: 1, discontinued: false, updatedAt: '2026-01-01T00:00:00.000Z', dealposId: null, outletPrices: [] },
    ]);
    service.session().catalogState.set(CATALOG_CURSOR_KEY, { done: 1 });
    await service.disconnect();
    const other = await startSim({ variants: 10, clientId: 'other-client', clientSecret: SIM_SECRET });
    const otherStore = { subdomain: `127.0.0.1:${other.port}`, clientId: 'other-client', clientSecret: SIM_SECRET };
    try {
      // The old store's unsynced invoices must not be sent with the new store's client.
      unsynced = 2;
      const refused = await rejection(service.connect(otherStore));
      expect(refused.code).toBe('conflict');
      expect(refused.message).toMatch(/2 invoice/);
      expect(service.mode()).toBe('setup');
      expect(service.session().catalog.findByCode('OLD-1')).not.toBeNull();
      unsynced = 0;
      await service.connect(otherStore);
      expect(service.session().catalog.findByCode('OLD-1')).toBeNull();
      // Nor its sync cursor: the new store's first pass starts at page 1.
      expect(service.session().catalogState.get(CATALOG_CURSOR_KEY, z.unknown())).toBeNull();
    } finally {
      await service.close();
      await other.close();
    }
  });
});
