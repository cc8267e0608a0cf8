import type { ScanEvent, ScanSource } from '../../shared/scanner/scanEvent';

/**
 * The single `scan` stream. A keyboard-mode scanner read through HID on Linux still types into the
 * window too, so its scan can arrive twice: once as `hid-keyboard`, once as `wedge` from the
 * renderer. Within a short window the second copy of a code from the other of those two sources
 * is dropped; repeats from the same source (scanning an item twice) always go through.
 */
const ECHO_SOURCES: ReadonlySet<ScanSource> = new Set(['hid-keyboard', 'wedge']);

export class ScanStream {
  private recent: Array<{ readonly code: string; readonly source: ScanSource; readonly at: number }> = [];

  constructor(
    private readonly emit: (scan: ScanEvent) => void,
    private readonly now: () => number,
    private readonly echoWindowMs = 1500,
  ) {}

  /** Emits the scan unless it is the other source's copy of one just emitted; returns whether it went out. */
  publish(scan: ScanEvent): boolean {
    const t = this.now();
    this.recent = this.recent.filter((r) => t - r.at <= this.echoWindowMs);
    const echo =
      ECHO_SOURCES.has(scan.source) && this.recent.some((r) => r.code === scan.code && r.source !== scan.source && ECHO_SOURCES.has(r.source));
    if (echo) return false;
    this.recent.push({ code: scan.code, source: scan.source, at: t });
    this.emit(scan);
    return true;
  }
}
