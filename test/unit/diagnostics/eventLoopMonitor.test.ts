/**
 * Main's event-loop monitor on the real loop: a stall of main (a synchronous 250 ms here) is logged
 * with what was running, and `mainLoop` in the status reports it.
 */
import { afterEach, expect, it } from 'vitest';
import { loopDelayMs, startEventLoopMonitor, type EventLoopMonitor, type MainLoopStatus } from '../../../main/diagnostics/eventLoopMonitor';
import { createLogger } from '../../../main/logging/logger';

let monitor: EventLoopMonitor | null = null;
afterEach(() => monitor?.close());

function block(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy: this is the stall.
  }
}

it('logs a stall over 100 ms naming the calls that ran, and reports it in mainLoop', async () => {
  const lines: string[] = [];
  const published: MainLoopStatus[] = [];
  monitor = startEventLoopMonitor({ logger: createLogger((line) => lines.push(line)), publish: (status) => published.push(status) });
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const quietWarnings = lines.filter((line) => line.includes('stalled')).length;
  monitor.noteActivity('catalog.search');
  monitor.noteActivity('sale.scan');
  block(250);
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  const stalls = lines.filter((line) => line.includes('stalled'));
  expect(stalls.length).toBeGreaterThan(quietWarnings);
  expect(stalls.at(-1)).toMatch(/WARN Main event loop stalled \d+ ms; running meanwhile: catalog\.search, sale\.scan/);
  const last = published.at(-1);
  expect(last?.delayMaxMs).toBeGreaterThanOrEqual(200);
  expect(monitor.snapshot().delayMaxMs).toBeGreaterThanOrEqual(200);
  expect(monitor.snapshot().windowSeconds).toBeGreaterThanOrEqual(2);
});

it.each([
  // A quiet loop: the 10 ms timer ticks about every 10 ms, which is no delay at all.
  [10.3e6, 0.3],
  [9.2e6, 0],
  // A 250 ms stall is one 250 ms interval: 240 ms beyond the tick that was due.
  [250e6, 240],
])('reads a %d ns interval of the 10 ms sampler as %d ms of delay', (ns, delay) => {
  expect(loopDelayMs(ns)).toBe(delay);
});
