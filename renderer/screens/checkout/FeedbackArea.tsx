import type { CatalogItem } from '../../../shared/contract/catalog';
import { ScanFeedback } from '../../components/checkout/ScanFeedback';
import { Kbd } from '../../components/shell/Kbd';
import type { Translate } from '../../i18n/t';
import { useShortcut } from '../../shortcuts/useShortcut';
import { CHECKOUT_GROUP, CHECKOUT_KEYS } from './checkoutKeys';
import { useFeedbackStore } from './scanFeedbackStore';

export interface FeedbackAreaProps {
  readonly t: Translate;
  /** No dialog is open, so the follow-up keys may act. */
  readonly idle: boolean;
  readonly onSearchByName: () => void;
  readonly onAddItem: (item: CatalogItem) => Promise<void>;
}

/** The last scan's message with its follow-ups: search by name after an unknown code, add anyway after a discontinued one. */
export function FeedbackArea({ t, idle, onSearchByName, onAddItem }: FeedbackAreaProps): React.JSX.Element | null {
  const feedback = useFeedbackStore((s) => s.feedback);
  const clear = useFeedbackStore((s) => s.clear);
  const followUp = feedback?.followUp ?? null;
  const addAnyway = (): void => {
    if (followUp?.kind === 'discontinued') void onAddItem(followUp.item);
  };
  useShortcut(
    { id: 'checkout.addAnyway', keys: CHECKOUT_KEYS.addAnyway, label: 'checkout.scan.addAnyway', group: CHECKOUT_GROUP, enabled: idle && followUp?.kind === 'discontinued' },
    addAnyway,
  );
  useShortcut(
    { id: 'checkout.dismiss', keys: 'Escape', label: 'checkout.scan.dismiss', group: CHECKOUT_GROUP, enabled: idle && feedback !== null && feedback.kind !== 'ok' },
    clear,
  );
  if (!feedback) return null;
  return (
    <ScanFeedback
      kind={feedback.kind}
      message={feedback.message}
      sequence={feedback.sequence}
      actions={
        followUp?.kind === 'search' ? (
          <button
            type="button"
            className="button"
            data-testid="feedback-search"
            onClick={() => {
              clear();
              onSearchByName();
            }}
          >
            {t('checkout.scan.searchByName')} <Kbd keys={CHECKOUT_KEYS.search} />
          </button>
        ) : followUp?.kind === 'discontinued' ? (
          <>
            <button type="button" className="button" data-testid="feedback-add-anyway" onClick={addAnyway}>
              {t('checkout.scan.addAnyway')} <Kbd keys={CHECKOUT_KEYS.addAnyway} />
            </button>
            <button type="button" className="button" data-testid="feedback-dismiss" onClick={clear}>
              {t('checkout.scan.dontAdd')} <Kbd keys="Escape" />
            </button>
          </>
        ) : null
      }
    />
  );
}
