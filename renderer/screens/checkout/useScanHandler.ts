import { useCallback, useRef } from 'react';
import type { CatalogItem } from '../../../shared/contract/catalog';
import { MAX_QUANTITY } from '../../../shared/sale/sale';
import type { Translate } from '../../i18n/t';
import { useStore } from '../../state/store';
import { resolveCode } from './checkoutApi';
import { RecentItems } from './recentItems';
import { useFeedbackStore } from './scanFeedbackStore';

/** Named milestones of one scan (User Timing), for diagnostics and the checkout bench. */
export const SCAN_MARKS = { received: 'checkout:scan-received', resolved: 'checkout:code-resolved' } as const;

/** Keeps only the latest of each mark, so a shift of scans does not grow the timeline; observers still see every one. */
function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

export interface ScanHandler {
  /** Looks a code up and adds it; calls run one after another so lines keep scan order. Settles when this one is done. */
  readonly handleCode: (code: string) => Promise<void>;
  /** Adds a known item (from search or after confirming a discontinued one). */
  readonly addCatalogItem: (item: CatalogItem) => void;
  /** Forgets recently resolved items (the catalog or the outlet changed). */
  readonly forgetRecent: () => void;
}

/** Scan → resolve → cart, with the sound and flash for each outcome. */
export function useScanHandler(t: Translate): ScanHandler {
  const queue = useRef<Promise<void>>(Promise.resolve());
  const recent = useRef(new RecentItems());

  const addCatalogItem = useCallback(
    (item: CatalogItem) => {
      const { show } = useFeedbackStore.getState();
      const change = useStore.getState().addItem({ variantCode: item.code, name: item.name, unitPrice: item.price });
      if (change.ok) show('ok', t('checkout.scan.added', { name: item.name }));
      else if (change.reason === 'too_many_lines') show('error', t('checkout.scan.tooManyLines'));
      else show('error', t('checkout.scan.quantityLimit', { max: MAX_QUANTITY }));
    },
    [t],
  );

  const resolveAndAdd = useCallback(
    async (code: string) => {
      const known = recent.current.get(code, Date.now());
      if (known) {
        mark(SCAN_MARKS.resolved);
        addCatalogItem(known);
        return;
      }
      const result = await resolveCode(code);
      mark(SCAN_MARKS.resolved);
      if (result.status === 'found' && result.warning === null) recent.current.remember(code, result.item, Date.now());
      const { show } = useFeedbackStore.getState();
      switch (result.status) {
        case 'found':
          if (result.warning === 'discontinued') {
            show('warning', t('checkout.scan.discontinued', { name: result.item.name, code: result.item.code }), { kind: 'discontinued', item: result.item });
          } else {
            addCatalogItem(result.item);
          }
          return;
        case 'unknown_code':
          show('error', t('checkout.scan.unknown', { code }), { kind: 'search', code });
          return;
        case 'not_cached_offline':
          show('error', t('checkout.scan.notCachedOffline', { code }), { kind: 'search', code });
          return;
        case 'invalid_code':
          show('error', t('checkout.scan.invalid', { code }));
          return;
        case 'error':
          show('error', t('checkout.scan.failed', { code, message: result.message }));
      }
    },
    [addCatalogItem, t],
  );

  const handleCode = useCallback(
    (code: string) => {
      const trimmed = code.trim();
      if (trimmed === '') return Promise.resolve();
      mark(SCAN_MARKS.received);
      queue.current = queue.current.then(() => resolveAndAdd(trimmed));
      return queue.current;
    },
    [resolveAndAdd],
  );

  const forgetRecent = useCallback(() => recent.current.clear(), []);

  return { handleCode, addCatalogItem, forgetRecent };
}
