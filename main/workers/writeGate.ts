/**
 * Who writes the app's database next: main's own short writes (a scan's draft, a sale) or the bulk
 * writer thread's chunks (catalog pages, retention). Both are SQLite writers on one WAL file, so only
 * one can hold the write lock; left to SQLite, main would wait in its busy handler, which sleeps on a
 * growing schedule (1, 2, 5, 10 … 100 ms) and can keep missing the short gaps between the worker's
 * chunks. The gate makes the hand-over exact instead: the worker takes it around each chunk and
 * never starts one while main wants to write; main takes it around its writes and, if a chunk is
 * running, sleeps only until that chunk ends (Atomics.wait, woken by Atomics.notify).
 *
 * One Int32Array over a SharedArrayBuffer: [LOCK] 0 free, 1 worker, 2 main; [MAIN_WANTS] 0 or 1.
 */
const LOCK = 0;
const MAIN_WANTS = 1;
const FREE = 0;
const WORKER = 1;
const MAIN = 2;
/** Longest single sleep while waiting; waits are re-checked, so this only bounds a missed wake-up. */
const WAIT_SLICE_MS = 50;
/**
 * Main never waits longer than this for the gate: a worker that died holding it cannot release it,
 * and main's 'exit' event for it cannot run while main waits. Past it main writes anyway and SQLite
 * arbitrates as it would without a gate (a dead thread's connection is closed with it).
 */
const MAIN_MAX_WAIT_MS = 2_000;

export class WriteGate {
  readonly buffer: SharedArrayBuffer;
  private readonly cells: Int32Array;
  /** Main's nesting depth (a sale recorded inside the draft's transaction takes the gate twice). */
  private depth = 0;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer);
  }

  /** Main thread: runs `write` holding the gate, after any worker chunk in progress has ended. */
  runAsMain<T>(write: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return write();
      } finally {
        this.depth--;
      }
    }
    Atomics.store(this.cells, MAIN_WANTS, 1);
    const giveUpAt = Date.now() + MAIN_MAX_WAIT_MS;
    while (Atomics.compareExchange(this.cells, LOCK, FREE, MAIN) !== FREE) {
      if (Date.now() >= giveUpAt) {
        Atomics.store(this.cells, LOCK, MAIN);
        break;
      }
      Atomics.wait(this.cells, LOCK, WORKER, WAIT_SLICE_MS);
    }
    this.depth = 1;
    try {
      return write();
    } finally {
      this.depth = 0;
      Atomics.store(this.cells, LOCK, FREE);
      Atomics.store(this.cells, MAIN_WANTS, 0);
      Atomics.notify(this.cells, MAIN_WANTS);
      Atomics.notify(this.cells, LOCK);
    }
  }

  /** Main thread, after the worker thread ended: a hold it left behind is released. */
  releaseAbandoned(): void {
    if (Atomics.compareExchange(this.cells, LOCK, WORKER, FREE) === WORKER) Atomics.notify(this.cells, LOCK);
  }

  /** Worker thread, inside a chunk: main is waiting for the gate, so the chunk should end soon. */
  mainWaiting(): boolean {
    return Atomics.load(this.cells, MAIN_WANTS) === 1;
  }

  /** Worker thread: runs one chunk holding the gate; waits while main wants to write. */
  runAsWorker<T>(chunk: () => T): T {
    for (;;) {
      if (Atomics.load(this.cells, MAIN_WANTS) === 1) {
        Atomics.wait(this.cells, MAIN_WANTS, 1, WAIT_SLICE_MS);
        continue;
      }
      if (Atomics.compareExchange(this.cells, LOCK, FREE, WORKER) === FREE) break;
      Atomics.wait(this.cells, LOCK, MAIN, WAIT_SLICE_MS);
    }
    try {
      return chunk();
    } finally {
      Atomics.store(this.cells, LOCK, FREE);
      Atomics.notify(this.cells, LOCK);
    }
  }
}

/** The gate of each of main's database connections that a bulk writer shares. */
const gates = new WeakMap<object, WriteGate>();

export function gateOf(db: object): WriteGate | undefined {
  return gates.get(db);
}

export function attachGate(db: object, gate: WriteGate): void {
  gates.set(db, gate);
}

/** Runs a write of main's on `db` through its gate when a bulk writer shares the file, else as is. */
export function mainWrite<T>(db: object, write: () => T): T {
  const gate = gates.get(db);
  return gate ? gate.runAsMain(write) : write();
}
