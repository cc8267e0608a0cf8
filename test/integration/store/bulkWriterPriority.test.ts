/**
 * The bulk writer thread takes only the CPU the counter leaves (issue 19): on Linux it runs under
 * SCHED_IDLE, so a scan's renderer and main preempt it at once, and it says so in the log. Without
 * util-linux's chrt it falls back to nice 19 and says that. Read from the kernel's own view of the
 * thread (/proc/self/task/<tid>/stat), not from what the thread reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Logger } from '../../../main/logging/logger';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { BulkWriter } from '../../../main/workers/bulkWriter';
import { tempDir, until } from './harness';

const SCHED_IDLE = 5;
/** /proc/<pid>/task/<tid>/stat, after the ")" that ends the name: nice is field 19, policy 41 (1-based). */
const NICE_FIELD = 19;
const POLICY_FIELD = 41;

let dir: string;
let handle: OpenedDatabase;
let writer: BulkWriter | null = null;
const savedPath = process.env.PATH;

beforeEach(() => {
  dir = tempDir('bulk-priority');
  handle = openDatabase({ file: path.join(dir, 'dealpos-counter.db') });
});
afterEach(async () => {
  process.env.PATH = savedPath;
  await writer?.close();
  writer = null;
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function recordingLogger(lines: string[]): Logger {
  return {
    info: (message) => lines.push(`INFO ${message}`),
    warn: (message) => lines.push(`WARN ${message}`),
    error: (message) => lines.push(`ERROR ${message}`),
    addSecret: () => undefined,
  };
}

/** The writer thread as the kernel sees it (its name is cut to 15 characters there). */
function writerThreadStat(): { nice: number; policy: number } {
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const comm = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
    if (comm !== 'bulkWriter.work') continue;
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after "pid (comm)": the name may hold spaces, so count from the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const field = (n: number): number => Number(fields[n - 3]);
    return { nice: field(NICE_FIELD), policy: field(POLICY_FIELD) };
  }
  throw new Error('no bulkWriter thread is running in this process');
}

async function startWriter(lines: string[]): Promise<void> {
  writer = new BulkWriter({ db: handle.db, logger: recordingLogger(lines) });
  // Any job starts the thread; retention of an empty outbox is the cheapest.
  await writer.pruneSynced(Date.now(), 100);
  await until(() => lines.some((line) => line.includes('CPU priority')), 'the writer logging its CPU priority');
}

it.runIf(os.platform() === 'linux')('runs the writer thread under SCHED_IDLE on Linux, and logs it', async () => {
  const lines: string[] = [];
  await startWriter(lines);
  expect(writerThreadStat().policy).toBe(SCHED_IDLE);
  expect(lines.find((line) => line.includes('CPU priority'))).toMatch(/^INFO The background database writer started; CPU priority: idle \(thread \d+ runs under SCHED_IDLE\)$/);
  // Main's own thread is untouched: the priority is the writer's alone.
  expect(os.getPriority()).toBe(0);
});

it.runIf(os.platform() === 'linux')('falls back to nice 19 when chrt is missing, and says why', async () => {
  process.env.PATH = dir; // an empty folder: no chrt on the PATH the thread inherits
  const lines: string[] = [];
  await startWriter(lines);
  const stat = writerThreadStat();
  expect(stat.policy).not.toBe(SCHED_IDLE);
  expect(stat.nice).toBe(19);
  expect(lines.find((line) => line.includes('CPU priority'))).toMatch(/CPU priority: nice 19 \(chrt could not set SCHED_IDLE \(.*ENOENT.*\); thread \d+ runs at nice 19\)$/);
});
