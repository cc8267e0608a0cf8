/**
 * A background thread takes the CPU the counter leaves it. A counter PC may have two cores, and a
 * catalog sync keeps the bulk writer busy for minutes: at normal priority the renderer and main
 * wait for it, and a scan took twice as long on screen (issue 19's scan-during-sync bench).
 *
 * nice 19 gives the thread the smallest share the scheduler has for a normal thread. SCHED_IDLE
 * (util-linux's chrt) measured no better there, also with the catalog in its own file, and it
 * starves the thread five times harder when other programs fill the CPU: main then waits longer at
 * a write gate (retention's, or the catalog's when it caches a looked-up code) for a writer that
 * cannot finish its transaction. On Linux, nice applies to one thread (its tid); on Windows and macOS
 * Node can only lower a whole process, which would slow main too, so the thread stays as it is and
 * says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BACKGROUND_NICE = 19;

export interface ThreadPriority {
  /** What the thread runs at now. */
  readonly applied: 'nice 19' | 'unchanged';
  /** For the log: how, or why not. */
  readonly detail: string;
}

/** Lowers the calling thread's CPU priority (a worker thread's, never main's: on Linux it is per thread). */
export function lowerThisThreadsPriority(): ThreadPriority {
  if (process.platform !== 'linux') return { applied: 'unchanged', detail: `thread priorities are not lowered on ${process.platform}` };
  // The calling thread's own id: /proc/thread-self links to /proc/<pid>/task/<tid>.
  const tid = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
  try {
    os.setPriority(tid, BACKGROUND_NICE);
    return { applied: 'nice 19', detail: `thread ${tid} runs at nice ${BACKGROUND_NICE}` };
  } catch (error) {
    return { applied: 'unchanged', detail: `nice ${BACKGROUND_NICE} could not be set on thread ${tid}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
