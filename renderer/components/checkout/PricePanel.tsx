import { useState } from 'react';
import { parseMoneyInput, type Money } from '../../../shared/money';
import type { Translate } from '../../i18n/t';
import { Kbd } from '../shell/Kbd';
import { FigureInput } from './FigureInput';
import type { FormatMoney } from './moneyFormat';

export interface PricePanelProps {
  /** What the line is sold at now, and what main quoted from the catalog. */
  readonly unitPrice: Money;
  readonly listPrice: Money;
  readonly decimals: number;
  readonly format: FormatMoney;
  readonly t: Translate;
  /** A price change always needs a manager: this hands the new price on to the approval step. */
  readonly onPrice: (unitPrice: Money) => void;
}

function priceText(amount: Money, decimals: number): string {
  return decimals === 0 ? String(amount) : (amount / 10 ** decimals).toFixed(decimals);
}

/** A new unit price for one line; main applies it only with a manager's approval of exactly this price. */
export function PricePanel({ unitPrice, listPrice, decimals, format, t, onPrice }: PricePanelProps): React.JSX.Element {
  const [text, setText] = useState(priceText(unitPrice, decimals));
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="price-panel"
      data-testid="price-panel"
      onSubmit={(event) => {
        event.preventDefault();
        const value = parseMoneyInput(text, decimals);
        setInvalid(value === null);
        if (value !== null) onPrice(value);
      }}
    >
      <p className="muted" data-testid="price-list">
        {t('checkout.price.list', { price: format(listPrice) })}
      </p>
      <label className="field">
        <span className="field-label">{t('checkout.price.label')}</span>
        <FigureInput testId="price-value" inputMode="decimal" value={text} invalid={invalid} onChange={setText} />
      </label>
      {invalid ? (
        <p className="field-error" role="alert" data-testid="price-problem">
          {t('checkout.price.invalid')}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" data-testid="price-apply">
        {t('checkout.price.apply')} <Kbd keys="Enter" />
      </button>
    </form>
  );
}
