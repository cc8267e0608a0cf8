import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { checkNativeModules, currentRuntime, nativeModuleReport, NATIVE_MODULE_PROBES, type NativeModuleProbe } from '../../../main/app/nativeModules';

const require = createRequire(import.meta.url);
const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A `.node` file that is not a shared object: what a truncated download or a wrong-platform copy looks like to dlopen. */
function brokenAddonProbe(): NativeModuleProbe {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-native-'));
  tempDirs.push(dir);
  const file = path.join(dir, 'better_sqlite3.node');
  fs.writeFileSync(file, 'not an ELF, Mach-O or PE file');
  return { name: 'better-sqlite3', purpose: 'the local database', load: () => require(file) };
}

describe('native module check at start', () => {
  it('loads all three prebuilt Node-API modules in this runtime', () => {
    expect(NATIVE_MODULE_PROBES.map((probe) => probe.name)).toEqual(['better-sqlite3', '@github/keytar', 'node-hid']);
    expect(checkNativeModules()).toEqual([]);
  });

  it('names each module that fails to load, with the loader error, and keeps checking the rest', () => {
    const missing: NativeModuleProbe = { name: 'node-hid', purpose: 'USB HID barcode scanners', load: () => require('node-hid-that-is-not-installed') };
    const keytar = NATIVE_MODULE_PROBES.find((probe) => probe.name === '@github/keytar');
    if (!keytar) throw new Error('keytar probe missing');
    const failures = checkNativeModules([brokenAddonProbe(), keytar, missing]);
    expect(failures.map((failure) => failure.name)).toEqual(['better-sqlite3', 'node-hid']);
    expect(failures[0]?.reason).toMatch(/invalid ELF header|not a valid|file too short|dlopen/i);
    expect(failures[1]?.reason).toContain("Cannot find module 'node-hid-that-is-not-installed'");
  });

  it('reports the runtime and what to do: reinstall in Electron, npm ci on Node 24 in development', () => {
    const failures = checkNativeModules([brokenAddonProbe()]);
    const electron = nativeModuleReport(failures, { node: '24.11.1', electron: '41.10.0', modules: '145', napi: '10' });
    expect(electron).toContain('a native module does not load');
    expect(electron).toContain('- better-sqlite3 (the local database):');
    expect(electron).toContain(`Electron 41.10.0 (Node 24.11.1), NODE_MODULE_VERSION 145, Node-API 10, ${process.platform}-${process.arch}`);
    expect(electron).toContain('Reinstall DealPOS Counter');

    const node = nativeModuleReport(failures, currentRuntime());
    expect(node).toContain(`Node ${process.versions.node}, NODE_MODULE_VERSION ${process.versions.modules}, Node-API ${process.versions.napi}`);
    expect(node).toContain('run "npm ci" again');
    expect(node).toContain('sales already saved are kept');
  });
});
