/**
 * `npm run check:builder` on the real electron-builder.yml, and on broken copies of it in a temp dir:
 * each must be refused with a message that names the problem. Runs electron-builder's real loader and
 * schema (no Electron download, nothing is packaged).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_FUSES, validateBuilderConfig } from '../../../scripts/validateBuilderConfig';

const projectDir = path.resolve('.');
const realConfig = fs.readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');
let tempDir = '';

beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-builder-config-'));
});

afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

/** Writes `text` as a config file in the temp dir; relative paths in it still resolve against the project. */
function writeConfig(name: string, text: string): string {
  const file = path.join(tempDir, `${name}.yml`);
  fs.writeFileSync(file, text);
  return file;
}

/** The real config with one edit; fails the test if the edit did not apply (the real file changed). */
function brokenCopy(name: string, search: RegExp, replacement: string): string {
  const text = realConfig.replace(search, replacement);
  expect(text, `edit ${String(search)} must change electron-builder.yml`).not.toBe(realConfig);
  return writeConfig(name, text);
}

function runCli(configFile?: string): { status: number | null; stdout: string; stderr: string } {
  const args = ['--import', 'tsx', 'scripts/validateBuilderConfig.ts', ...(configFile === undefined ? [] : [configFile])];
  return spawnSync(process.execPath, args, { cwd: projectDir, encoding: 'utf8', timeout: 60_000 });
}

describe('electron-builder config validation', () => {
  it('accepts the real electron-builder.yml from the command line, with one ok line', () => {
    const result = runCli();
    expect(result.stderr).not.toContain('refused');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^electron-builder\.yml ok: electron-builder \d+\.\d+\.\d+ schema, npmRebuild false, 7 fuses, \d+ \.node files of .*better-sqlite3.* unpacked/m);
  });

  it('finds every native dependency and no problem in the real config', async () => {
    const report = await validateBuilderConfig(projectDir);
    expect(report.problems).toEqual([]);
    for (const name of ['better-sqlite3', '@github/keytar', 'node-hid']) expect(report.summary).toContain(name);
    expect(report.summary).toContain('deb scripts after-install.sh, after-remove.sh ok');
  });

  it('exits non-zero with electron-builder\'s message on an unknown top-level key', () => {
    const file = writeConfig('unknown-top-level', `${realConfig}\nnotAnOption: true\n`);
    const result = runCli(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refused');
    expect(result.stderr).toContain("configuration has an unknown property 'notAnOption'");
    expect(result.stdout).not.toContain(' ok: ');
  });

  it('refuses an unknown key inside linux', async () => {
    const report = await validateBuilderConfig(projectDir, brokenCopy('unknown-linux-key', /^linux:\n/m, 'linux:\n  udevRules: packaging/udev\n'));
    expect(report.problems.join('\n')).toContain("configuration.linux has an unknown property 'udevRules'");
  });

  it('refuses a bad value with electron-builder\'s message', async () => {
    const report = await validateBuilderConfig(projectDir, brokenCopy('bad-value', /^npmRebuild: false$/m, 'npmRebuild: "no"'));
    expect(report.problems.join('\n')).toMatch(/configuration\.npmRebuild should be a boolean/);
  });

  it('refuses npmRebuild true', async () => {
    const report = await validateBuilderConfig(projectDir, brokenCopy('npm-rebuild', /^npmRebuild: false$/m, 'npmRebuild: true'));
    expect(report.problems).toEqual([expect.stringContaining('npmRebuild is true; it must be false')]);
  });

  it('refuses a config that leaves npmRebuild to its default (true)', async () => {
    const report = await validateBuilderConfig(projectDir, brokenCopy('npm-rebuild-unset', /^npmRebuild: false\n/m, ''));
    expect(report.problems).toEqual([expect.stringContaining('npmRebuild is unset (defaults to true)')]);
  });

  it.each(Object.entries(REQUIRED_FUSES))('refuses the %s fuse set back to its unsafe value', async (name, wanted) => {
    const file = brokenCopy(`fuse-${name}`, new RegExp(`^(\\s+${name}:) ${String(wanted)}\\b`, 'm'), `$1 ${String(!wanted)}`);
    const report = await validateBuilderConfig(projectDir, file);
    expect(report.problems).toEqual([`electronFuses.${name} is ${String(!wanted)}; it must be ${String(wanted)}.`]);
  });

  it('refuses a config without electronFuses', async () => {
    const report = await validateBuilderConfig(projectDir, brokenCopy('no-fuses', /^electronFuses:\n(?:\s+.*\n)+/m, ''));
    expect(report.problems).toEqual([expect.stringContaining('electronFuses is not set')]);
  });

  it('refuses native modules left inside the asar, and the old keytar package name', async () => {
    const report = await validateBuilderConfig(projectDir, brokenCopy('old-unpack', /^asarUnpack:\n\s+- "\*\*\/\*\.node"\n/m, 'asarUnpack:\n  - "**/node_modules/better-sqlite3/**"\n  - "**/node_modules/keytar/**"\n'));
    const problems = report.problems.join('\n');
    expect(problems).toMatch(/\.node files of @github\/keytar would stay inside app\.asar/);
    expect(problems).toMatch(/\.node files of node-hid would stay inside app\.asar/);
    expect(problems).not.toMatch(/of better-sqlite3 would stay/);
    expect(problems).toContain('names node_modules/keytar, which is not in package-lock.json');
  });

  it('refuses a deb script that uses a macro electron-builder does not define', async () => {
    const script = path.join(tempDir, 'after-install.sh');
    fs.writeFileSync(script, '#!/bin/bash\nrulesDir=/etc/udev/rules.d\necho "${rulesDir}"\n');
    const report = await validateBuilderConfig(projectDir, brokenCopy('bad-macro', /afterInstall: packaging\/linux\/after-install\.sh/, `afterInstall: ${script}`));
    expect(report.problems).toEqual([expect.stringContaining('uses ${rulesDir}')]);
  });

  it('reports a config file electron-builder cannot parse', async () => {
    const report = await validateBuilderConfig(projectDir, writeConfig('not-yaml', 'linux: [AppImage\n'));
    expect(report.problems).toEqual([expect.stringContaining('electron-builder could not load')]);
  });
});
