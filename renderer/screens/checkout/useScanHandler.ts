import { useCallback } from 'react';
import type { CatalogItem } from '../../../shared/contract/catalog';
import type { Translate } from '../../i18n/t';
import { addItem, scanCode, type SaleActionResult } from './saleActions';
import { useFeedbackStore } from './scanFeedbackStore';

/** Named milestones of one scan (User Timing), for diagnostics and the checkout bench. */
export const SCAN_MARKS = { received: 'checkout:scan-received', resolved: 'checkout:code-resolved' } as const;

/** Keeps only the latest of each mark, so a shift of scans does not grow the timeline; observers still see every one. */
function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

export interface ScanHandler {
  /** Resolves and adds a code in one call to main; calls run one after another so lines keep scan order. */
  readonly handleCode: (code: string) => Promise<void>;
  /** Adds a known item (from search, or after the cashier confirmed a discontinued one). */
  readonly addCatalogItem: (item: CatalogItem) => Promise<void>;
}

/** Scan → main (resolve, price, add) → cart, with the sound and flash for each outcome. */
export function useScanHandler(t: Translate): ScanHandler {
  const showRefusal = useCallback(
    (result: Extract<SaleActionResult<unknown>, { ok: false }>, code: string) => {
      // Main refused the line (a limit, the sale changed) or could not be asked at all.
      const key = result.code === 'unreachable' || result.code === 'internal' ? 'checkout.scan.failed' : 'checkout.scan.refused';
      useFeedbackStore.getState().show('error', t(key, { code, message: result.message }));
    },
    [t],
  );

  const addCatalogItem = useCallback(
    async (item: CatalogItem) => {
      const result = await addItem(item.code, item.discontinued);
      if (result.ok) useFeedbackStore.getState().show('ok', t('checkout.scan.added', { name: item.name }));
      else showRefusal(result, item.code);
    },
    [showRefusal, t],
  );

  const handleCode = useCallback(
    async (code: string) => {
      const trimmed = code.trim();
      if (trimmed === '') return;
      mark(SCAN_MARKS.received);
      const result = await scanCode(trimmed);
      mark(SCAN_MARKS.resolved);
      if (!result.ok) {
        showRefusal(result, trimmed);
        return;
      }
      const outcome = result.value;
      const { show } = useFeedbackStore.getState();
      switch (outcome.status) {
        case 'added':
          show('ok', t('checkout.scan.added', { name: outcome.item.name }));
          return;
        case 'discontinued': {
          // "Add anyway" adds one unit: for a scale label that would lose its weight or price, so it is not offered.
          const followUp = outcome.scaleLabel === undefined ? ({ kind: 'discontinued', item: outcome.item } as const) : null;
          show('warning', t('checkout.scan.discontinued', { name: outcome.item.name, code: outcome.item.code }), followUp);
          return;
        }
        case 'unknown_code':
          show('error', t('checkout.scan.unknown', { code: trimmed }), { kind: 'search', code: trimmed });
          return;
        case 'not_cached_offline':
          show('error', t('checkout.scan.notCachedOffline', { code: trimmed }), { kind: 'search', code: trimmed });
          return;
        case 'invalid_code':
          show('error', t(outcome.reason === 'scale_label' ? 'checkout.scan.scaleLabelInvalid' : 'checkout.scan.invalid', { code: trimmed }));
      }
    },
    [showRefusal, t],
  );

  return { handleCode, addCatalogItem };
}
