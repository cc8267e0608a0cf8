import { DEFAULT_WEDGE_SETTINGS } from '../../../shared/scanner/wedgeDetector';
import { reportWedgeScan } from '../checkout/checkoutApi';
import { useScanSource } from '../checkout/useScanSource';
import { useWedgeScanner } from '../checkout/useWedgeScanner';

/**
 * Scans for the screen that is open, routed as the checkout routes them (a chosen HID scanner's
 * events from main; a keyboard-mode scanner's bursts caught before any field sees them). Only the
 * mounted screen listens, so while this screen is open no scan reaches the checkout.
 */
export function useOrderScanner(onScan: (code: string) => void): void {
  const { wedge, viaMain } = useScanSource(onScan);
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
