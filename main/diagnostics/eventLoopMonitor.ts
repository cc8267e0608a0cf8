/**
 * Main's own event-loop delay (issue 19): `perf_hooks.monitorEventLoopDelay` sampled every second.
 * - `app.status` carries the last minute's p99 and max (`mainLoop`), refreshed when it changes by
 *   a few milliseconds, so the status event does not tick every second;
 * - a second with a delay over STALL_MS is logged at once, naming what was running: the contract
 *   calls and background jobs that started since the sample before (`noteActivity`);
 * - every ten minutes the log gets one summary line.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AppStatus } from '../../shared/contract/app';
import type { Logger } from '../logging/logger';

export const STALL_MS = 100;
/** How often the histogram's timer ticks. */
export const LOOP_SAMPLE_RESOLUTION_MS = 10;

/**
 * A histogram value as the loop's delay: monitorEventLoopDelay records the whole interval between
 * its timer's ticks, so an idle loop reads about the resolution (p99 10.3 ms at 10 ms on Node 24);
 * the delay is what lies beyond it.
 */
export function loopDelayMs(ns: number, resolutionMs: number = LOOP_SAMPLE_RESOLUTION_MS): number {
  return Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 10) / 10);
}
const SAMPLE_MS = 1_000;
const WINDOW_SAMPLES = 60;
const SUMMARY_EVERY_SAMPLES = 600;
/** Status is refreshed when p99 or max moved by at least this much. */
const STATUS_STEP_MS = 5;
const MAX_ACTIVITIES = 50;

export type MainLoopStatus = NonNullable<AppStatus['mainLoop']>;

export interface EventLoopMonitor {
  /** Something main is about to run: a contract call ("sale.scan") or a job ("catalog page 12"). */
  noteActivity(label: string): void;
  snapshot(): MainLoopStatus;
  close(): void;
}

export function startEventLoopMonitor(options: { readonly logger: Logger; readonly publish: (mainLoop: MainLoopStatus) => void }): EventLoopMonitor {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_RESOLUTION_MS });
  histogram.enable();
  const samples: Array<{ p99: number; max: number }> = [];
  let activities: string[] = [];
  let published: MainLoopStatus | null = null;
  let sinceSummary = 0;
  let summaryMax = 0;

  const snapshot = (): MainLoopStatus => ({
    delayP99Ms: samples.reduce((worst, s) => Math.max(worst, s.p99), 0),
    delayMaxMs: samples.reduce((worst, s) => Math.max(worst, s.max), 0),
    windowSeconds: (samples.length * SAMPLE_MS) / 1000,
  });

  const timer = setInterval(() => {
    const sample = { p99: loopDelayMs(histogram.percentile(99)), max: loopDelayMs(histogram.max) };
    histogram.reset();
    samples.push(sample);
    if (samples.length > WINDOW_SAMPLES) samples.shift();
    if (sample.max > STALL_MS) {
      const ran = activities.length > 0 ? activities.join(', ') : 'no contract call or job (see the lines before)';
      options.logger.warn(`Main event loop stalled ${Math.round(sample.max)} ms; running meanwhile: ${ran}`);
    }
    activities = [];
    summaryMax = Math.max(summaryMax, sample.max);
    if (++sinceSummary >= SUMMARY_EVERY_SAMPLES) {
      options.logger.info(`Main event loop over the last ${(sinceSummary * SAMPLE_MS) / 60_000} min: p99 of the last minute ${snapshot().delayP99Ms} ms, max ${summaryMax} ms`);
      sinceSummary = 0;
      summaryMax = 0;
    }
    const now = snapshot();
    if (!published || Math.abs(now.delayP99Ms - published.delayP99Ms) >= STATUS_STEP_MS || Math.abs(now.delayMaxMs - published.delayMaxMs) >= STATUS_STEP_MS) {
      published = now;
      options.publish(now);
    }
  }, SAMPLE_MS);
  timer.unref();

  return {
    noteActivity(label) {
      if (activities.length < MAX_ACTIVITIES) activities.push(label);
    },
    snapshot,
    close() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
