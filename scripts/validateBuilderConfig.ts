/**
 * CI check of electron-builder.yml without packaging anything (no Electron download). First the same
 * load + schema validation `electron-builder` runs before it builds (app-builder-lib's `getConfig` and
 * `validateConfiguration`, so an unknown key or a bad value fails here with electron-builder's own
 * message), then the invariants the schema cannot express: prebuilt Node-API addons (npmRebuild off,
 * every shipped .node file unpacked from the asar), the Electron fuses, and deb scripts that
 * electron-builder would only reject halfway through a Linux build.
 *
 * Usage: tsx scripts/validateBuilderConfig.ts [config file, default electron-builder.yml]
 * Exit 0 with one "ok" line, or 1 with every problem found.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// Deep import: electron-builder pins app-builder-lib to its own version and exports neither function.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

type BuilderConfig = Awaited<ReturnType<typeof getConfig>>;
type DebugLogger = Parameters<typeof validateConfiguration>[1];
type FuseName = keyof NonNullable<BuilderConfig['electronFuses']>;

/** Fuse values the installed app must have (see the comments in electron-builder.yml). */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
} as const satisfies Partial<Record<FuseName, boolean>>;

export interface BuilderConfigReport {
  readonly configFile: string;
  /** Empty when the config is accepted. electron-builder's own message comes first. */
  readonly problems: readonly string[];
  /** Things that do not break validation but will break a particular installer build. */
  readonly warnings: readonly string[];
  /** One line describing what was checked, for the ok message. */
  readonly summary: string;
}

interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly homepage?: string;
  readonly repository?: unknown;
  readonly author?: string | { readonly email?: string };
}

// electron-builder fills these into deb scripts (FpmTarget.createScripts), plus every key of `linux`.
const DEB_SCRIPT_MACROS = ['executable', 'sanitizedProductName', 'productFilename'];

// Only reads them; electron-builder's extra debug dump is of no use here.
const quietDebugLogger: DebugLogger = { isEnabled: false, add: () => undefined } as unknown as DebugLogger;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.trim() : String(error);
}

function asArray<T>(value: T | readonly T[] | null | undefined): readonly T[] {
  if (value == null) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** The string patterns of `files`, whether given as strings or (after getConfig) as FileSets. */
function filePatterns(files: BuilderConfig['files']): string[] {
  const patterns: string[] = [];
  for (const entry of asArray(files)) {
    if (typeof entry === 'string') patterns.push(entry);
    else if (entry.from == null && entry.to == null) patterns.push(...asArray(entry.filter));
  }
  return patterns;
}

function walk(dir: string, found: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (entry.isFile() && entry.name.endsWith('.node')) found.push(full);
  }
}

/** Which package names a `node_modules/<name>` pattern refers to ("@scope/name" or "name"). */
function namedPackages(pattern: string): string[] {
  const names: string[] = [];
  for (const match of pattern.matchAll(/node_modules\/((?:@[^/*{}]+\/)?[^/*{}]+)/g)) {
    if (match[1] !== undefined) names.push(match[1]);
  }
  return names;
}

function checkNpmRebuild(config: BuilderConfig, problems: string[]): void {
  // The schema's default for npmRebuild is true, so leaving it out is as wrong as `true`.
  if (config.npmRebuild !== false) {
    problems.push(
      `npmRebuild is ${String(config.npmRebuild ?? 'unset (defaults to true)')}; it must be false: better-sqlite3, @github/keytar and node-hid ship Node-API prebuilds and must not be rebuilt from source.`,
    );
  }
}

function checkFuses(config: BuilderConfig, problems: string[]): void {
  const fuses = config.electronFuses;
  if (fuses == null) {
    problems.push('electronFuses is not set; the Electron fuses must be flipped (runAsNode false, onlyLoadAppFromAsar true, …).');
    return;
  }
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES) as [FuseName, boolean][]) {
    const actual = fuses[name];
    if (actual !== wanted) problems.push(`electronFuses.${name} is ${String(actual ?? 'unset')}; it must be ${String(wanted)}.`);
  }
  // onlyLoadAppFromAsar and the integrity fuse mean nothing without an asar.
  if (config.asar === false) problems.push('asar is false; the app must be packed into app.asar (onlyLoadAppFromAsar and asar integrity need it).');
}

/** Every .node file of a production dependency that electron-builder would pack must be unpacked. */
function checkNativeModules(config: BuilderConfig, projectDir: string, pkg: PackageJson, problems: string[]): string {
  const unpack = asArray(config.asarUnpack);
  const excludes = filePatterns(config.files)
    .filter((pattern) => pattern.startsWith('!'))
    .map((pattern) => pattern.slice(1));
  const natives: string[] = [];
  let shipped = 0;
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    const dir = path.join(projectDir, 'node_modules', name);
    if (!fs.existsSync(dir)) {
      problems.push(`dependency ${name} is not installed in node_modules; run npm ci before validating.`);
      continue;
    }
    const addons: string[] = [];
    walk(dir, addons);
    if (addons.length === 0) continue;
    natives.push(name);
    const packed = addons
      .map((file) => path.relative(projectDir, file).split(path.sep).join('/'))
      .filter((file) => !excludes.some((pattern) => path.matchesGlob(file, pattern)));
    if (packed.length === 0) problems.push(`no .node file of ${name} would be packed: files excludes all of them.`);
    const packedInAsar = packed.filter((file) => !unpack.some((pattern) => path.matchesGlob(file, pattern)));
    if (packedInAsar.length > 0) {
      problems.push(
        `${String(packedInAsar.length)} of ${String(packed.length)} .node files of ${name} would stay inside app.asar, where they cannot be loaded (first: ${packedInAsar[0] ?? ''}): add a matching asarUnpack pattern (e.g. "**/*.node").`,
      );
    }
    shipped += packed.length;
  }
  return `${String(shipped)} .node files of ${natives.join(', ') || 'no package'} unpacked`;
}

/** A pattern that names a package nobody installs (keytar after its rename) silently does nothing. */
function checkPackageNames(config: BuilderConfig, projectDir: string, problems: string[]): void {
  const lockFile = path.join(projectDir, 'package-lock.json');
  if (!fs.existsSync(lockFile)) return;
  const lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { packages?: Record<string, unknown> };
  const installed = new Set(Object.keys(lock.packages ?? {}).map((key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length)));
  for (const [option, patterns] of [
    ['asarUnpack', asArray(config.asarUnpack)],
    ['files', filePatterns(config.files)],
  ] as const) {
    for (const pattern of patterns) {
      for (const name of namedPackages(pattern)) {
        if (!installed.has(name)) problems.push(`${option} pattern "${pattern}" names node_modules/${name}, which is not in package-lock.json (renamed or removed package?).`);
      }
      // electron-builder collects production node_modules itself; a positive pattern could add devDependencies.
      if (option === 'files' && !pattern.startsWith('!') && pattern.includes('node_modules')) {
        problems.push(`files pattern "${pattern}" includes node_modules; electron-builder packs production dependencies by itself and this could pull in devDependencies.`);
      }
    }
  }
}

/** deb scripts: electron-builder expands ${name} macros and throws on unknown ones only while packaging. */
function checkDebScripts(config: BuilderConfig, projectDir: string, problems: string[]): string {
  const linux = config.linux ?? {};
  const deb = config.deb ?? {};
  const macros = new Set([...DEB_SCRIPT_MACROS, ...Object.keys(linux)]);
  const checked: string[] = [];
  for (const option of ['afterInstall', 'afterRemove'] as const) {
    const value = deb[option];
    if (value == null) continue;
    const file = path.resolve(projectDir, value);
    if (!fs.existsSync(file)) {
      problems.push(`deb ${option} ${value} does not exist.`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (!text.startsWith('#!')) problems.push(`deb ${option} ${value} has no #! line.`);
    for (const match of text.matchAll(/\$\{([a-zA-Z]+)\}/g)) {
      const name = match[1] ?? '';
      if (!macros.has(name)) {
        problems.push(`deb ${option} ${value} uses \${${name}}, which electron-builder does not define (it knows ${[...macros].join(', ')}); write shell variables as $${name}.`);
      }
    }
    const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    if (syntax.error === undefined && syntax.status !== 0) problems.push(`deb ${option} ${value} is not valid bash: ${syntax.stderr.trim()}`);
    checked.push(path.basename(value));
  }
  for (const resource of asArray(linux.extraResources)) {
    const from = typeof resource === 'string' ? resource : resource.from;
    if (from != null && !fs.existsSync(path.resolve(projectDir, from))) problems.push(`linux.extraResources ${from} does not exist.`);
  }
  return checked.length > 0 ? `deb scripts ${checked.join(', ')} ok` : 'no deb scripts';
}

/** fpm refuses to build a deb without a homepage and a maintainer e-mail; only that target fails. */
function debMetadataWarnings(config: BuilderConfig, pkg: PackageJson): string[] {
  const targets = asArray(config.linux?.target).map((target) => (typeof target === 'string' ? target : target.target));
  if (!targets.includes('deb')) return [];
  const warnings: string[] = [];
  if (pkg.homepage == null && pkg.repository == null) warnings.push('the deb build needs "homepage" (or a GitHub "repository") in package.json.');
  const authorEmail = typeof pkg.author === 'string' ? pkg.author.includes('@') : pkg.author?.email != null;
  if (config.deb?.maintainer == null && !authorEmail) warnings.push('the deb build needs an author e-mail in package.json ("author": { "name", "email" }) or deb.maintainer.');
  return warnings;
}

export async function validateBuilderConfig(projectDir: string, configFile = 'electron-builder.yml'): Promise<BuilderConfigReport> {
  const problems: string[] = [];
  let config: BuilderConfig;
  try {
    config = await getConfig(projectDir, path.resolve(projectDir, configFile), null);
  } catch (error) {
    return { configFile, problems: [`electron-builder could not load ${configFile}: ${errorMessage(error)}`], warnings: [], summary: '' };
  }
  try {
    await validateConfiguration(config, quietDebugLogger);
  } catch (error) {
    problems.push(errorMessage(error));
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as PackageJson;
  checkNpmRebuild(config, problems);
  checkFuses(config, problems);
  const natives = checkNativeModules(config, projectDir, pkg, problems);
  checkPackageNames(config, projectDir, problems);
  const scripts = checkDebScripts(config, projectDir, problems);
  const version = (JSON.parse(fs.readFileSync(path.join(projectDir, 'node_modules/app-builder-lib/package.json'), 'utf8')) as { version: string }).version;
  const summary = `electron-builder ${version} schema, npmRebuild false, ${String(Object.keys(REQUIRED_FUSES).length)} fuses, ${natives}, ${scripts}`;
  return { configFile, problems, warnings: debMetadataWarnings(config, pkg), summary };
}

async function main(): Promise<void> {
  const configFile = process.argv[2] ?? 'electron-builder.yml';
  const report = await validateBuilderConfig(process.cwd(), configFile);
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
  if (report.problems.length > 0) {
    console.error(`${configFile} refused:\n${report.problems.map((problem) => `- ${problem}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${configFile} ok: ${report.summary}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
