/**
 * Scanner rows: decoder throughput for both decoders, the time to read a scan as a scale label, and
 * the latency from a HID report arriving in main to its `scan` event reaching the renderer through
 * the browser host (SSE): measured in
 * Chromium on the page's `window.pos.on('scan')`, and with a Node SSE client in the host's process.
 * The device is the tests' fake node-hid backend (no virtual HID device can be created here).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../main/browserHost/browserHost';
import { normalizeCode } from '../../shared/catalog/barcode';
import { DEFAULT_SCALE_BARCODE_RULES, readScaleLabel } from '../../shared/catalog/scaleBarcode';
import { BootKeyboardDecoder } from '../../main/scanner/bootKeyboardDecoder';
import { deviceId } from '../../main/scanner/deviceIdentity';
import { HidPosDecoder } from '../../main/scanner/hidPosDecoder';
import type { ReportDecoder } from '../../main/scanner/scanDecodeError';
import { createServices } from '../../main/services';
import { ean13 } from '../../main/simulator/ean13';
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

/**
 * Microseconds to read one scan as a scale label, as `sale.scan` does before anything else:
 * normalise the code, then match the rules. A third each of weight labels, price labels and
 * ordinary EAN-13 codes (which no rule claims), so both outcomes are timed.
 */
function scaleLabelParseMicros(budgetMs = 400): number {
  const codes: string[] = [];
  for (let i = 0; i < 300; i++) {
    const n = String(i).padStart(5, '0');
    codes.push(ean13(`21${n}${String(100 + i).padStart(5, '0')}`), ean13(`20${n.slice(1)}${String(1000 * (i + 1)).padStart(6, '0')}`), ean13(`8991${n}000`));
  }
  let parsed = 0;
  let labels = 0;
  const start = performance.now();
  let now = start;
  while (now - start < budgetMs) {
    for (const code of codes) {
      const normalized = normalizeCode(code);
      if (normalized.ok && readScaleLabel(normalized.code, DEFAULT_SCALE_BARCODE_RULES, 0)?.ok) labels++;
      parsed++;
    }
    now = performance.now();
  }
  // Two in three codes are labels: a parser that stopped recognising them would look fast.
  if (labels * 3 !== parsed * 2) throw new Error(`read ${labels} labels in ${parsed} codes`);
  return ((now - start) * 1000) / parsed;
}

interface LatencyRig {
  readonly backend: FakeHidBackend;
  readonly host: BrowserHost;
  close(): Promise<void>;
}

/** Services with a fake HID POS scanner selected, behind a browser host serving a blank page. */
async function startRig(): Promise<LatencyRig> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-scanner-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const backend = new FakeHidBackend();
  backend.plug(HONEYWELL_HID_POS);
  const services = await createServices({ dataDir: path.join(root, 'data'), version: 'bench', host: 'browser', logToStderr: false, scannerBackend: async () => backend });
  const host = await startBrowserHost({ services, rendererDir });
  const selected = await services.dispatch('scanner.selectDevice', { id: deviceId(HONEYWELL_HID_POS) });
  if (!selected.ok) throw new Error(`selecting the fake scanner failed: ${selected.error.message}`);
  return {
    backend,
    host,
    async close() {
      await host.close();
      await services.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

const epochNow = (): number => performance.timeOrigin + performance.now();
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Report → `window.pos.on('scan')` in Chromium, on page-side timestamps corrected for the clock offset. */
async function chromiumLatency(rig: LatencyRig, samples: number, warmup: number): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const arrivals = new Map<string, (pageTime: number) => void>();
    await page.exposeFunction('benchScanArrived', (code: string, pageTime: number) => arrivals.get(code)?.(pageTime));
    await page.goto(rig.host.url);
    await page.evaluate(() => {
      const w = globalThis as unknown as { pos: { on: (e: string, l: (p: { code: string }) => void) => void }; benchScanArrived: (c: string, t: number) => void };
      w.pos.on('scan', (scan) => w.benchScanArrived(scan.code, performance.timeOrigin + performance.now()));
    });
    // Page clock minus Node clock, from the tightest of several round trips.
    let offset = 0;
    let bestRoundTrip = Infinity;
    for (let i = 0; i < 20; i++) {
      const before = epochNow();
      const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
      const after = epochNow();
      if (after - before < bestRoundTrip) {
        bestRoundTrip = after - before;
        offset = pageTime - (before + after) / 2;
      }
    }
    const timings: number[] = [];
    for (let i = 0; i < warmup + samples; i++) {
      const code = String(7770000000000 + i);
      const arrived = new Promise<number>((resolve) => arrivals.set(code, resolve));
      const start = epochNow();
      rig.backend.current().send(aimReport(']E0', code));
      const pageTime = await arrived;
      arrivals.delete(code);
      if (i >= warmup) timings.push(pageTime - offset - start);
      // Scans come at human pace, never back to back; let both processes settle between samples.
      await pause(5);
    }
    return timings.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}

/** Report → `scan` frame parsed by a Node SSE client (fetch) in the host's own process. */
async function nodeClientLatency(rig: LatencyRig, samples: number, warmup: number): Promise<number[]> {
  const abort = new AbortController();
  try {
    const response = await fetch(`${rig.host.origin}/api/events`, { headers: { Authorization: `Bearer ${rig.host.token}` }, signal: abort.signal });
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
      const arrived = waitForScan(code);
      const start = performance.now();
      rig.backend.current().send(aimReport(']E0', code));
      await arrived;
      if (i >= warmup) timings.push(performance.now() - start);
      await pause(2);
    }
    return timings.sort((a, b) => a - b);
  } finally {
    abort.abort();
  }
}

export async function run(): Promise<BenchRow[]> {
  const posReports = [
    aimReport(']E0', '5901234123457'),
    aimReport(']Q0', ACCESS_IS_QR_FIRST, { continued: true }),
    aimReport(']Q0', ACCESS_IS_QR_REST),
  ];
  const keyboardReports = typedDigits('5901234123457');
  const posRate = throughput(new HidPosDecoder({ acceptsNewlandLayout: false }), posReports, 2);
  const keyboardRate = throughput(new BootKeyboardDecoder({ maxGapMs: Number.MAX_SAFE_INTEGER }), keyboardReports, 1);
  const labelMicros = scaleLabelParseMicros();
  const rig = await startRig();
  let inChromium: number[];
  let inNode: number[];
  try {
    inChromium = await chromiumLatency(rig, 300, 30);
    inNode = await nodeClientLatency(rig, 400, 50);
  } finally {
    await rig.close();
  }
  const p99 = percentile(inChromium, 99);
  return [
    { name: 'HID POS decoder throughput', area: 'scanner', value: posRate, unit: 'reports/s', goal: `≥ ${THROUGHPUT_GOAL} (100× USB's 1 report/ms)`, ok: posRate >= THROUGHPUT_GOAL },
    { name: 'boot keyboard decoder throughput', area: 'scanner', value: keyboardRate, unit: 'reports/s', goal: `≥ ${THROUGHPUT_GOAL} (100× USB's 1 report/ms)`, ok: keyboardRate >= THROUGHPUT_GOAL },
    { name: 'weighed-barcode parse per scan µs', area: 'scanner', value: labelMicros, unit: 'µs', goal: '-', ok: null },
    { name: 'HID report → scan event in renderer (Chromium, SSE) p50', area: 'scanner', value: percentile(inChromium, 50), unit: 'ms', goal: '-', ok: null },
    { name: 'HID report → scan event in renderer (Chromium, SSE) p99', area: 'scanner', value: p99, unit: 'ms', goal: '≤ 16 ms (one frame)', ok: p99 <= 16 },
    { name: 'HID report → scan event at Node SSE client p50', area: 'scanner', value: percentile(inNode, 50), unit: 'ms', goal: '-', ok: null },
    { name: 'HID report → scan event at Node SSE client p99', area: 'scanner', value: percentile(inNode, 99), unit: 'ms', goal: '-', ok: null },
  ];
}
