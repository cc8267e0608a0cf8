import { useState, type FormEvent } from 'react';
import type { IssuedApproval } from '../../../shared/contract/approval';
import type { OpenShift, ZReport } from '../../../shared/contract/shift';
import { PosError } from '../../../shared/errors';
import type { MethodInput } from '../../../shared/contract';
import { IDR_DENOMINATIONS, type Denomination } from '../../../shared/shift/shiftReport';
import { pos } from '../../api/pos';
import { ManagerApproval } from '../../components/approval/ManagerApproval';
import { Dialog } from '../../components/checkout/Dialog';
import type { FormatMoney } from '../../components/checkout/moneyFormat';
import { Field } from '../../components/forms/Field';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';
import { amountFromText, fieldErrors } from './shiftInput';

export interface CloseShiftFormProps {
  readonly shift: OpenShift;
  readonly cashiers: readonly string[];
  /** The expected cash, or null when a blind count hides it. */
  readonly expected: number | null;
  readonly decimals: number;
  readonly money: FormatMoney;
  readonly onClosed: (report: ZReport) => void;
}

/** The count as `shift.close` takes it. */
type DrawerCount = MethodInput<'shift.close'>['count'];

/** A whole count of one note or coin, or NaN/negative as typed so main refuses it naming the field. */
const countOf = (text: string): number => (text.trim() === '' ? 0 : Number(text.trim()));

/**
 * The close: who closes, the drawer counted by IDR note and coin (100.000 down to 100) or as one
 * total. With a blind count the expected cash is not shown until main has saved the count.
 */
export function CloseShiftForm({ shift, cashiers, expected, decimals, money, onClosed }: CloseShiftFormProps): React.JSX.Element {
  const t = useT();
  const [closedBy, setClosedBy] = useState(shift.cashier);
  const [mode, setMode] = useState<DrawerCount['kind']>('denominations');
  const [counts, setCounts] = useState<Readonly<Record<Denomination, string>>>(() => Object.fromEntries(IDR_DENOMINATIONS.map((d) => [d, ''])) as Record<Denomination, string>);
  const [total, setTotal] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [approving, setApproving] = useState<DrawerCount | null>(null);

  const drawerCount = (): DrawerCount | null => {
    if (mode === 'total') {
      const amount = amountFromText(total, decimals);
      return amount === null ? null : { kind: 'total', amount };
    }
    return { kind: 'denominations', counts: IDR_DENOMINATIONS.map((value) => ({ value, count: countOf(counts[value]) })) };
  };
  const unit = 10 ** decimals;
  const counted = mode === 'denominations' ? IDR_DENOMINATIONS.reduce((sum, d) => sum + (Number.isInteger(countOf(counts[d])) && countOf(counts[d]) > 0 ? d * unit * countOf(counts[d]) : 0), 0) : null;

  const close = async (count: DrawerCount, approval: IssuedApproval | null): Promise<void> => {
    try {
      onClosed(await pos.shift.close({ shiftId: shift.id, closedBy, count, ...(approval ? { approvalId: approval.approvalId } : {}) }));
    } catch (error) {
      if (error instanceof PosError && error.details?.['needsApproval'] === true) {
        setApproving(count);
        return;
      }
      const byField = fieldErrors(error, t);
      setErrors(byField);
      // Field problems are shown at their fields, in the UI language; anything else as main words it.
      setFailure(Object.keys(byField).length > 0 ? null : errorMessage(error));
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setFailure(null);
    const count = drawerCount();
    if (!count) {
      setErrors({ 'count.amount': t('shift.error.amount') });
      return;
    }
    await close(count, null);
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="shift-close-form" aria-labelledby="shift-close-title">
      <h2 id="shift-close-title">{t('shift.close.title')}</h2>
      <Field label={t('shift.close.closedBy')} error={errors['closedBy']}>
        {({ id }) => (
          <select id={id} className="select" value={closedBy} data-testid="shift-closed-by" onChange={(e) => setClosedBy(e.target.value)}>
            {cashiers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="fieldset">
        <legend>{t('shift.close.mode')}</legend>
        <div className="segmented">
          {(['denominations', 'total'] as const).map((kind) => (
            <label key={kind} className="segmented-option">
              <input type="radio" name="count-mode" value={kind} checked={mode === kind} data-testid={`shift-count-${kind}`} onChange={() => setMode(kind)} />
              {t(`shift.close.mode.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'denominations' ? (
        <div className="shift-denominations">
          {IDR_DENOMINATIONS.map((value, index) => (
            <Field key={value} label={t('shift.close.count', { value: money(value * unit) })} error={errors[`count.counts.${index}.count`]}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="input"
                  inputMode="numeric"
                  value={counts[value]}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  data-testid={`shift-count-${value}`}
                  onChange={(e) => setCounts((c) => ({ ...c, [value]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
      ) : (
        <Field label={t('shift.close.total')} error={errors['count.amount']}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="input" inputMode="numeric" value={total} aria-describedby={describedBy} aria-invalid={invalid} data-testid="shift-count-total-amount" onChange={(e) => setTotal(e.target.value)} />
          )}
        </Field>
      )}
      <p className="lead">
        {counted !== null ? <span data-testid="shift-counted">{t('shift.close.counted', { amount: money(counted) })}</span> : null}
        {expected !== null ? <span data-testid="shift-expected">{` · ${t('shift.close.expected', { amount: money(expected) })}`}</span> : null}
      </p>
      {expected === null ? (
        <p className="notice notice-warning" data-testid="shift-blind">
          {t('shift.close.blind')}
        </p>
      ) : null}
      {failure ? (
        <p className="notice notice-error" role="alert" data-testid="shift-close-error">
          {failure}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="shift-close-submit">
          {t('shift.close.submit')}
        </button>
      </div>
      {approving ? (
        <Dialog title={t('shift.action.close')} testId="shift-approval" onClose={() => setApproving(null)}>
          <ManagerApproval
            request={{ action: 'shift_close', shiftId: shift.id }}
            description={t('shift.close.approve', { cashier: shift.cashier })}
            t={t}
            onApproved={(approval) => {
              const count = approving;
              setApproving(null);
              void close(count, approval);
            }}
            onCancel={() => setApproving(null)}
          />
        </Dialog>
      ) : null}
    </form>
  );
}
