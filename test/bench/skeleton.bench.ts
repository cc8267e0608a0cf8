/** IPC round trip through the browser host: the floor under every renderer call. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from '../../main/browserHost/browserHost';
import { createServices } from '../../main/services';
import { percentile, type BenchRow } from './benchRow';

export async function run(): Promise<BenchRow[]> {
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
  ];
}
