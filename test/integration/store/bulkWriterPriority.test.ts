/**
 * The bulk writer thread takes the CPU the counter leaves (issue 19): on Linux it runs at nice 19,
 * while main's own thread stays at normal priority, and it says so in the log. Read from the
 * kernel's own view of the threads (/proc/self/task/<tid>/stat), not from what the thread reports.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger } from '../../../main/logging/logger';
import { openStoreFiles, type StoreFiles } from '../../support/storeFiles';
import { BulkWriter } from '../../../main/workers/bulkWriter';
import { tempDir, until } from './harness';

/** /proc/<pid>/task/<tid>/stat: nice is field 19 (1-based), counted after the ")" that ends the name. */
const NICE_FIELD = 19;

let dir: string;
let files: StoreFiles;
let writer: BulkWriter | null = null;

beforeEach(() => {
  dir = tempDir('bulk-priority');
  files = openStoreFiles(path.join(dir, 'dealpos-counter.db'));
});
afterEach(async () => {
  await writer?.close();
  writer = null;
  files.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each of this process's threads named `comm` (names are cut to 15 characters there), with its nice value. */
function threadNices(comm: string): number[] {
  return fs
    .readdirSync('/proc/self/task')
    .filter((tid) => fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === comm)
    .map((tid) => {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // A name may hold spaces: count from the last ")" (field 3 comes right after it).
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[NICE_FIELD - 3]);
    });
}

it.runIf(os.platform() === 'linux')('runs the writer thread at nice 19 and main at normal priority, and logs it', async () => {
  const lines: string[] = [];
  writer = new BulkWriter({ db: files.app.db, catalogDb: files.catalog.db, logger: createLogger((line) => lines.push(line)) });
  // Any job starts the thread; retention of an empty outbox is the cheapest.
  await writer.pruneSynced(Date.now(), 100);
  await until(() => lines.some((line) => line.includes('CPU priority')), 'the writer logging its CPU priority');
  expect(threadNices('bulkWriter.work')).toEqual([19]);
  expect(lines.find((line) => line.includes('CPU priority'))).toMatch(/^\S+ INFO The background database writer started; CPU priority: nice 19 \(thread \d+ runs at nice 19\)$/);
  // Main's own thread is untouched: the priority is the writer's alone.
  expect(os.getPriority()).toBe(0);
});
