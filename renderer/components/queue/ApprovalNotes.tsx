import type { SaleApproval } from '../../../shared/contract/sale';
import type { Translate } from '../../i18n/t';

/** What managers approved on a sale (price overrides, discounts over the limits), under its number in the Queue. */
export function ApprovalNotes({ approvals, t }: { readonly approvals: readonly SaleApproval[]; readonly t: Translate }): React.JSX.Element | null {
  if (approvals.length === 0) return null;
  return (
    <ul className="queue-approvals" data-testid="queue-approvals" aria-label={t('checkout.receipt.approvals')}>
      {approvals.map((approval) => (
        <li key={`${approval.action}:${approval.detail}`}>{t('checkout.receipt.approvedBy', { detail: approval.detail, manager: approval.approvedBy })}</li>
      ))}
    </ul>
  );
}
