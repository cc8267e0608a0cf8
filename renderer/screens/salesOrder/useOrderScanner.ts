import { useEffect, useState } from 'react';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../../../shared/scanner/wedgeDetector';
import { pos } from '../../api/pos';
import { reportWedgeScan } from '../checkout/checkoutApi';
import { useWedgeScanner } from '../checkout/useWedgeScanner';

/**
 * Scans for the screen that is open, routed as the checkout routes them (a chosen HID scanner's
 * events from main; a keyboard-mode scanner's bursts caught before any field sees them). Only the
 * mounted screen listens, so while this screen is open no scan reaches the checkout.
 */
export function useOrderScanner(onScan: (code: string) => void): void {
  const [wedge, setWedge] = useState<{ settings: WedgeSettings; viaMain: boolean } | null>(null);
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
        onScan(event.code);
      }),
    [onScan, viaMain],
  );
  useWedgeScanner(
    (code) => {
      if (!viaMain) {
        onScan(code);
        return;
      }
      // Main merges a keyboard-mode HID scanner's typing with its reports and drops the duplicate.
      void reportWedgeScan(code).then((outcome) => {
        if (outcome === 'failed') onScan(code);
      });
    },
    wedge?.settings ?? DEFAULT_WEDGE_SETTINGS,
    true,
  );
}
