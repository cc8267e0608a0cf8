/** IPC round trip through the browser host (the floor under every renderer call), and the cost of a fresh install. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from '../../main/browserHost/browserHost';
import { createServices } from '../../main/services';
import { percentile, type BenchRow } from './benchRow';

/**
 * `npm ci` of this lockfile into an empty folder, as CI and a new developer do. The C and C++
 * compilers are set to `false`, so a native module that tried to build from source would fail the
 * install instead of quietly costing minutes. The npm cache is the machine's own (warm after the
 * first install), so this measures install work, not the download.
 */
function freshInstallSeconds(): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-ci-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(file, path.join(dir, file));
    const start = performance.now();
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CC: 'false', CXX: 'false' },
    });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`npm ci in ${dir} failed (exit ${result.status}): ${result.stderr.slice(-2000)}`);
    return seconds;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const installSeconds = freshInstallSeconds();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-host-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const services = await createServices({ dataDir: path.join(root, 'data'), version: 'bench', host: 'browser', logToStderr: false });
  const host = await startBrowserHost({ services, rendererDir });
  const timings: number[] = [];
  try {
    for (let i = 0; i < 1_200; i++) {
      const start = performance.now();
      const response = await fetch(`${host.origin}/api/call/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{}' });
      await response.json();
      if (i >= 200) timings.push(performance.now() - start); // first 200 warm up
    }
  } finally {
    await host.close();
    await services.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  timings.sort((a, b) => a - b);
  const p99 = percentile(timings, 99);
  return [
    { name: 'browser host call round trip p50', area: 'skeleton', value: percentile(timings, 50), unit: 'ms', goal: '-', ok: null },
    { name: 'browser host call round trip p99', area: 'skeleton', value: p99, unit: 'ms', goal: '≤ 16 ms (one frame)', ok: p99 <= 16 },
    { name: 'fresh npm ci seconds (warm npm cache, no compiler)', area: 'skeleton', value: installSeconds, unit: 's', goal: '-', ok: null },
  ];
}
