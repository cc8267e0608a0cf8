import { cashRoundingCoins } from '../../../shared/sale/cashRounding';
import { Field } from '../../components/forms/Field';
import { moneyFormatter } from '../../components/checkout/moneyFormat';
import type { Translate } from '../../i18n/t';

export interface CashRoundingFieldProps {
  /** The draft's coin in minor units as text; '' is off. */
  readonly value: string;
  /** The currency decimals the coins are offered for. */
  readonly decimals: number;
  readonly error: string | null;
  readonly t: Translate;
  readonly onChange: (value: string) => void;
}

/** The store's smallest coin, which cash sales are rounded down to (issue 13), or off. */
export function CashRoundingField({ value, decimals, error, t, onChange }: CashRoundingFieldProps): React.JSX.Element {
  const format = moneyFormatter(decimals);
  const coins = cashRoundingCoins(decimals).map(String);
  // A saved coin the list no longer offers (the decimals changed) stays visible, so saving does not silently change it.
  const choices = value !== '' && !coins.includes(value) ? [value, ...coins] : coins;
  // A whole row of the form: the choices are sentences, too long for one narrow column.
  return (
    <div className="form-grid-row">
      <Field label={t('settings.store.cashRounding')} hint={t('settings.store.cashRoundingHint')} error={error}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            className="select"
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="settings-cash-rounding"
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{t('settings.store.cashRounding.off')}</option>
            {choices.map((coin) => (
              <option key={coin} value={coin}>
                {t('settings.store.cashRounding.coin', { coin: format(Number(coin)) })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
