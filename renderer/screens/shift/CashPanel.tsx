import { useState, type FormEvent } from 'react';
import type { IssuedApproval } from '../../../shared/contract/approval';
import type { OpenShift } from '../../../shared/contract/shift';
import { PosError } from '../../../shared/errors';
import { pos } from '../../api/pos';
import { Dialog } from '../../components/checkout/Dialog';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { ManagerApproval } from '../../components/approval/ManagerApproval';
import { Field } from '../../components/forms/Field';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';
import { amountFromText, fieldErrors } from './shiftInput';

export interface CashPanelProps {
  readonly shift: OpenShift;
  readonly kind: 'cash_in' | 'cash_out' | 'no_sale';
  readonly decimals: number;
  readonly money: FormatMoney;
  readonly onChanged: (shift: OpenShift) => void;
}

/** Cash in, cash out (a manager approves the amount and reason) or a no-sale drawer opening, each with a reason. */
export function CashPanel({ shift, kind, decimals, money, onChanged }: CashPanelProps): React.JSX.Element {
  const t = useT();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const [approving, setApproving] = useState<{ amount: number; reason: string } | null>(null);

  const record = async (value: number, why: string, approval: IssuedApproval | null): Promise<void> => {
    try {
      const next = await pos.shift.moveCash({ shiftId: shift.id, kind: kind === 'cash_out' ? 'cash_out' : 'cash_in', amount: value, reason: why, ...(approval ? { approvalId: approval.approvalId } : {}) });
      setAmount('');
      setReason('');
      setErrors({});
      setMessage({ ok: true, text: t('shift.cash.done') });
      onChanged(next);
    } catch (error) {
      if (error instanceof PosError && error.details?.['needsApproval'] === true) {
        setApproving({ amount: value, reason: why });
        return;
      }
      setErrors(fieldErrors(error, t));
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMessage(null);
    if (kind === 'no_sale') {
      try {
        const result = await pos.shift.noSale({ shiftId: shift.id, reason });
        setReason('');
        setMessage({ ok: true, text: t(result.drawer === 'opened' ? 'shift.noSale.opened' : 'shift.noSale.noDrawer') });
        onChanged(result.shift);
      } catch (error) {
        setMessage({ ok: false, text: errorMessage(error) });
      }
      return;
    }
    const value = amountFromText(amount, decimals);
    if (value === null) {
      setErrors({ amount: t('shift.error.amount') });
      return;
    }
    if (reason.trim() === '') {
      setErrors({ reason: t('shift.error.reason') });
      return;
    }
    await record(value, reason, null);
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid={`shift-${kind}-form`}>
      {kind !== 'no_sale' ? (
        <Field label={t('shift.cash.amount')} error={errors['amount']}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="input" inputMode="numeric" value={amount} aria-describedby={describedBy} aria-invalid={invalid} data-testid="shift-cash-amount" onChange={(e) => setAmount(e.target.value)} data-autofocus />
          )}
        </Field>
      ) : null}
      <Field label={t(kind === 'no_sale' ? 'shift.noSale.reason' : 'shift.cash.reason')} error={errors['reason']}>
        {({ id, describedBy, invalid }) => (
          <input id={id} className="input" value={reason} aria-describedby={describedBy} aria-invalid={invalid} data-testid="shift-cash-reason" onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      {message ? (
        <p className={`notice ${message.ok ? 'notice-success' : 'notice-error'}`} role={message.ok ? 'status' : 'alert'} data-testid="shift-cash-message">
          {message.text}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="shift-cash-submit">
          {t(kind === 'no_sale' ? 'shift.noSale.submit' : kind === 'cash_in' ? 'shift.cash.submit.in' : 'shift.cash.submit.out')}
        </button>
      </div>
      {approving ? (
        <Dialog title={t('shift.action.cashOut')} testId="shift-approval" onClose={() => setApproving(null)}>
          <ManagerApproval
            request={{ action: 'shift_cash_out', shiftId: shift.id, amount: approving.amount, reason: approving.reason }}
            description={t('shift.cash.approve', { amount: money(approving.amount), reason: approving.reason })}
            t={t}
            onApproved={(approval) => {
              const pending = approving;
              setApproving(null);
              void record(pending.amount, pending.reason, approval);
            }}
            onCancel={() => setApproving(null)}
          />
        </Dialog>
      ) : null}
    </form>
  );
}
