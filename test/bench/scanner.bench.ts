/**
 * Scanner rows: decoder throughput for both decoders, and the latency from a HID report arriving
 * in main to its `scan` event reaching a renderer-side client through the browser host (SSE).
 * The device is the tests' fake node-hid backend (no virtual HID device can be created here); the
 * SSE client is Node's fetch reading the event stream, in the same process as the host.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from '../../main/browserHost/browserHost';
import { BootKeyboardDecoder } from '../../main/scanner/bootKeyboardDecoder';
import { deviceId } from '../../main/scanner/deviceIdentity';
import { HidPosDecoder } from '../../main/scanner/hidPosDecoder';
import type { ReportDecoder } from '../../main/scanner/scanDecodeError';
import { createServices } from '../../main/services';
import { FakeHidBackend, HONEYWELL_HID_POS } from '../integration/scanner/fakeHid';
import { ACCESS_IS_QR_FIRST, ACCESS_IS_QR_REST, aimReport, typedDigits } from '../unit/scanner/hidReportFixtures';
import { percentile, type BenchRow } from './benchRow';

/** A USB full-speed HID device delivers at most one report per 1 ms frame. */
const USB_MAX_REPORTS_PER_S = 1000;
const THROUGHPUT_GOAL = 100 * USB_MAX_REPORTS_PER_S;

function throughput(decoder: ReportDecoder, reports: readonly Uint8Array[], expectedScansPerCycle: number, budgetMs = 800): number {
  let count = 0;
  let scans = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs) {
    for (const report of reports) scans += decoder.push(report, count++).filter((o) => o.kind === 'scan').length;
    now = performance.now();
  }
  // A decoder that stopped producing scans would look fast; make that a failure, not a result.
  if (scans !== (count / reports.length) * expectedScansPerCycle) throw new Error(`decoder produced ${scans} scans for ${count} reports`);
  return count / ((now - start) / 1000);
}

async function scanLatency(samples: number, warmup: number): Promise<number[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-scanner-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const backend = new FakeHidBackend();
  backend.plug(HONEYWELL_HID_POS);
  const services = await createServices({ dataDir: path.join(root, 'data'), version: 'bench', host: 'browser', logToStderr: false, scannerBackend: async () => backend });
  const host = await startBrowserHost({ services, rendererDir });
  const abort = new AbortController();
  try {
    const selected = await services.dispatch('scanner.selectDevice', { id: deviceId(HONEYWELL_HID_POS) });
    if (!selected.ok) throw new Error(`selecting the fake scanner failed: ${selected.error.message}`);
    const response = await fetch(`${host.origin}/api/events`, { headers: { Authorization: `Bearer ${host.token}` }, signal: abort.signal });
    if (!response.body) throw new Error('no event stream');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    /** Reads frames until a `scan` event with `code` arrives. */
    const waitForScan = async (code: string): Promise<void> => {
      for (;;) {
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const frame = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const message = JSON.parse(data.slice(6)) as { event: string; payload: { code?: string } };
          if (message.event === 'scan' && message.payload.code === code) return;
        }
        const chunk = await reader.read();
        if (chunk.done) throw new Error('event stream ended');
        buffered += chunk.value;
      }
    };
    const timings: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const code = String(8990000000000 + i);
      const report = aimReport(']E0', code);
      const arrived = waitForScan(code);
      const start = performance.now();
      backend.current().send(report);
      await arrived;
      if (i >= warmup) timings.push(performance.now() - start);
    }
    return timings.sort((a, b) => a - b);
  } finally {
    abort.abort();
    await host.close();
    await services.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const posReports = [
    aimReport(']E0', '5901234123457'),
    aimReport(']Q0', ACCESS_IS_QR_FIRST, { continued: true }),
    aimReport(']Q0', ACCESS_IS_QR_REST),
  ];
  const keyboardReports = typedDigits('5901234123457');
  const posRate = throughput(new HidPosDecoder({ layout: 'aim' }), posReports, 2);
  const keyboardRate = throughput(new BootKeyboardDecoder({ maxGapMs: Number.MAX_SAFE_INTEGER }), keyboardReports, 1);
  const latency = await scanLatency(400, 50);
  const p99 = percentile(latency, 99);
  return [
    { name: 'HID POS decoder throughput', area: 'scanner', value: posRate, unit: 'reports/s', goal: `≥ ${THROUGHPUT_GOAL} (100× USB's 1 report/ms)`, ok: posRate >= THROUGHPUT_GOAL },
    { name: 'boot keyboard decoder throughput', area: 'scanner', value: keyboardRate, unit: 'reports/s', goal: `≥ ${THROUGHPUT_GOAL} (100× USB's 1 report/ms)`, ok: keyboardRate >= THROUGHPUT_GOAL },
    { name: 'HID report → scan event at renderer (SSE) p50', area: 'scanner', value: percentile(latency, 50), unit: 'ms', goal: '-', ok: null },
    { name: 'HID report → scan event at renderer (SSE) p99', area: 'scanner', value: p99, unit: 'ms', goal: '≤ 16 ms (one frame)', ok: p99 <= 16 },
  ];
}
