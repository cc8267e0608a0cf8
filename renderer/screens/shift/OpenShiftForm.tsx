import { useState, type FormEvent } from 'react';
import type { OpenShift } from '../../../shared/contract/shift';
import { pos } from '../../api/pos';
import { Field } from '../../components/forms/Field';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';
import { amountFromText, fieldErrors } from './shiftInput';

export interface OpenShiftFormProps {
  readonly cashiers: readonly string[];
  readonly required: boolean;
  readonly decimals: number;
  readonly onOpened: (shift: OpenShift) => void;
}

/** Cashier (from the list in Settings) and the opening float; main checks both. */
export function OpenShiftForm({ cashiers, required, decimals, onOpened }: OpenShiftFormProps): React.JSX.Element {
  const t = useT();
  const [cashier, setCashier] = useState('');
  const [float, setFloat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const openingFloat = amountFromText(float, decimals);
    if (openingFloat === null) {
      setErrors({ openingFloat: t('shift.error.amount') });
      return;
    }
    try {
      onOpened(await pos.shift.open({ cashier, openingFloat }));
    } catch (error) {
      const byField = fieldErrors(error, t);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 ? null : errorMessage(error));
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} noValidate data-testid="shift-open-form" aria-labelledby="shift-open-title">
      <h2 id="shift-open-title">{t('shift.open.title')}</h2>
      <p className="muted">{t('shift.none')}</p>
      {required ? <p className="notice notice-warning">{t('shift.open.required')}</p> : null}
      {cashiers.length === 0 ? (
        <p className="notice notice-warning" data-testid="shift-no-cashiers">
          {t('shift.open.noCashiers')}
        </p>
      ) : null}
      <Field label={t('shift.open.cashier')} error={errors['cashier']}>
        {({ id, describedBy, invalid }) => (
          <select id={id} className="select" value={cashier} aria-describedby={describedBy} aria-invalid={invalid} data-testid="shift-cashier" onChange={(e) => setCashier(e.target.value)}>
            <option value="">{t('shift.open.choose')}</option>
            {cashiers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('shift.open.float')} error={errors['openingFloat']}>
        {({ id, describedBy, invalid }) => (
          <input id={id} className="input" inputMode="numeric" value={float} aria-describedby={describedBy} aria-invalid={invalid} data-testid="shift-float" onChange={(e) => setFloat(e.target.value)} />
        )}
      </Field>
      {failure ? (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="shift-open-submit">
          {t('shift.open.submit')}
        </button>
      </div>
    </form>
  );
}
