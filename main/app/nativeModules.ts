/**
 * Start-up check that each native module loads in this runtime. All three are Node-API modules that
 * ship prebuilt binaries in their npm packages, so the same files load in Node (tests, browser host)
 * and in Electron (app, installers). When one does not, the app stops before anything touches the
 * database, with a message naming the module, the runtime and what to do, instead of a bare
 * NODE_MODULE_VERSION or dlopen error deep inside a sale.
 */
import { createRequire } from 'node:module';

export interface NativeModuleProbe {
  readonly name: string;
  /** What the counter loses without it, in a cashier's words. */
  readonly purpose: string;
  /** Loads the module's binary for real; throws when it cannot. */
  readonly load: () => void;
}

export interface NativeModuleFailure {
  readonly name: string;
  readonly purpose: string;
  readonly reason: string;
}

/** The parts of `process.versions` that say which binaries a runtime can load. */
export interface RuntimeVersions {
  readonly node: string;
  readonly electron?: string;
  /** NODE_MODULE_VERSION: the ABI of non-Node-API addons. */
  readonly modules: string;
  /** The highest Node-API version the runtime offers. */
  readonly napi?: string;
}

const require = createRequire(import.meta.url);

/** Each probe touches the native binary itself: requiring the JS wrapper alone loads nothing for two of them. */
export const NATIVE_MODULE_PROBES: readonly NativeModuleProbe[] = [
  {
    name: 'better-sqlite3',
    purpose: 'the local database that keeps every sale until DealPOS has it',
    load: () => {
      const Database = require('better-sqlite3') as new (file: string) => { close(): void };
      new Database(':memory:').close();
    },
  },
  {
    name: '@github/keytar',
    purpose: "the OS keychain that holds the store's DealPOS credentials",
    load: () => {
      require('@github/keytar');
    },
  },
  {
    name: 'node-hid',
    purpose: 'USB HID barcode scanners',
    load: () => {
      (require('node-hid') as { getHidapiVersion(): string }).getHidapiVersion();
    },
  },
];

export function checkNativeModules(probes: readonly NativeModuleProbe[] = NATIVE_MODULE_PROBES): NativeModuleFailure[] {
  const failures: NativeModuleFailure[] = [];
  for (const probe of probes) {
    try {
      probe.load();
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
      failures.push({ name: probe.name, purpose: probe.purpose, reason });
    }
  }
  return failures;
}

export function describeRuntime(versions: RuntimeVersions, platform: string = process.platform, arch: string = process.arch): string {
  const runtime = versions.electron ? `Electron ${versions.electron} (Node ${versions.node})` : `Node ${versions.node}`;
  return `${runtime}, NODE_MODULE_VERSION ${versions.modules}, Node-API ${versions.napi ?? 'unknown'}, ${platform}-${arch}`;
}

/** The text shown (dialog in Electron, stderr in the browser host) when the check fails. */
export function nativeModuleReport(failures: readonly NativeModuleFailure[], versions: RuntimeVersions): string {
  const lines = failures.map((failure) => `- ${failure.name} (${failure.purpose}): ${failure.reason}`);
  const fix = versions.electron
    ? 'Reinstall DealPOS Counter from its installer; the installer carries the right binaries.'
    : 'Use Node 24 and run "npm ci" again; no rebuild is needed, the binaries come prebuilt inside the packages.';
  return [
    `DealPOS Counter cannot start: ${failures.length === 1 ? 'a native module does' : `${failures.length} native modules do`} not load in this runtime.`,
    ...lines,
    `Runtime: ${describeRuntime(versions)}.`,
    `${fix} Nothing was changed on disk; sales already saved are kept.`,
  ].join('\n');
}

export function currentRuntime(): RuntimeVersions {
  const versions = process.versions as NodeJS.ProcessVersions & { electron?: string };
  return { node: versions.node, electron: versions.electron, modules: versions.modules, napi: versions.napi };
}
