/**
 * A background thread takes only the CPU the counter leaves it. A counter PC may have two cores,
 * and a catalog sync keeps the bulk writer busy for minutes: at normal priority it gets a full share
 * of a core, so the renderer and main wait for time slices and a scan takes twice as long (issue 19).
 *
 * Linux's SCHED_IDLE policy is what fits: a normal thread that wakes preempts an idle-policy one at
 * once. nice 19 only shrinks the thread's share, and the renderer still waits out its slice (the
 * scan-during-sync bench did not move with it). Node has no call for a thread's policy, so
 * util-linux's `chrt` sets it (an essential package on Debian, present on every desktop Linux);
 * without it, nice 19 is the fallback. On Windows and macOS Node can only change a whole
 * process's priority, which would slow main too, so the thread stays as it is and says so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ThreadPriority {
  /** What the thread runs at now. */
  readonly applied: 'idle' | 'nice 19' | 'unchanged';
  /** For the log: how, or why not. */
  readonly detail: string;
}

const CHRT_TIMEOUT_MS = 2_000;

/** Lowers the calling thread's CPU priority (a worker thread's, never main's: it is per thread). */
export function lowerThisThreadsPriority(): ThreadPriority {
  if (process.platform !== 'linux') return { applied: 'unchanged', detail: `thread priorities are not lowered on ${process.platform}` };
  // The calling thread's own id: /proc/thread-self links to /proc/<pid>/task/<tid>.
  const tid = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
  try {
    execFileSync('chrt', ['--idle', '--pid', '0', String(tid)], { stdio: 'pipe', timeout: CHRT_TIMEOUT_MS });
    return { applied: 'idle', detail: `thread ${tid} runs under SCHED_IDLE` };
  } catch (error) {
    const why = reason(error);
    try {
      os.setPriority(tid, 19);
      return { applied: 'nice 19', detail: `chrt could not set SCHED_IDLE (${why}); thread ${tid} runs at nice 19` };
    } catch (niceError) {
      return { applied: 'unchanged', detail: `chrt could not set SCHED_IDLE (${why}), nor could nice 19 be set (${reason(niceError)})` };
    }
  }
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const stderr = 'stderr' in error && Buffer.isBuffer(error.stderr) ? error.stderr.toString('utf8').trim() : '';
    return stderr || error.message;
  }
  return String(error);
}
