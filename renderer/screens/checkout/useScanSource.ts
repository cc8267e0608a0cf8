import { useEffect, useRef, useState } from 'react';
import type { WedgeSettings } from '../../../shared/scanner/wedgeDetector';
import { pos } from '../../api/pos';

export interface ScanSource {
  /** Main's wedge detector settings and whether a chosen HID scanner reports through main (null until known). */
  readonly wedge: { readonly settings: WedgeSettings; readonly viaMain: boolean } | null;
  readonly viaMain: boolean;
}

/**
 * Main's `scan` events for the screen that is mounted (checkout, sales-order fulfilment), and how
 * keyboard-mode scans are to be routed: with a chosen HID scanner main merges its reports and its
 * typing, so a wedge event counts only then; otherwise the screen's own detector handles them.
 */
export function useScanSource(onScan: (code: string) => void): ScanSource {
  const [wedge, setWedge] = useState<ScanSource['wedge']>(null);
  // The latest handler, without resubscribing to main's events on every render.
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  useEffect(() => {
    let live = true;
    pos.scanner.state({}).then(
      (view) => {
        if (live) setWedge({ settings: view.wedge, viaMain: view.deviceId !== null });
      },
      // Without main's view the detector keeps its documented defaults and handles scans itself.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const viaMain = wedge?.viaMain ?? false;
  useEffect(
    () =>
      pos.on('scan', (event) => {
        if (event.source === 'wedge' && !viaMain) return;
        handler.current(event.code);
      }),
    [viaMain],
  );
  return { wedge, viaMain };
}
