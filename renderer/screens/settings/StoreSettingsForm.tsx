import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { NamedOption, Settings, SettingsOptions } from '../../../shared/contract/settings';
import { Field } from '../../components/forms/Field';
import { formatDateTime } from '../../i18n/t';
import { useLocale, useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { NameChoice } from '../../components/forms/NameChoice';
import { CashRoundingField } from './CashRoundingField';
import { changedSettings, checkDraft, draftFrom, errorsFromIssues, type DraftErrors, type DraftField, type SettingsDraft } from './settingsDraft';

type Outcome = { readonly kind: 'saved' } | { readonly kind: 'failed'; readonly message: string } | null;

/** The settings edited as a plain text input (numbers too: the draft keeps what was typed). */
type InputField = 'register' | 'salesTag' | 'invoiceNumberPrefix' | 'maxLineDiscountPercent' | 'maxSaleDiscountPercent' | 'currencyDecimals' | 'loyaltyPointValue' | 'heldSaleStaleHours';

const NO_OPTIONS: SettingsOptions = { outlets: [], paymentMethods: [], taxes: [], source: 'none', fetchedAt: null };

/** Outlet, register, tax, tag, payment methods, limits and receipt text, saved in one validated step. */
export function StoreSettingsForm({ saved }: { readonly saved: Settings }): React.JSX.Element {
  const t = useT();
  const locale = useLocale();
  const options = useStore((s) => s.settings.options) ?? NO_OPTIONS;
  const optionsError = useStore((s) => s.settings.optionsError);
  const loadOptions = useStore((s) => s.loadOptions);
  const saveSettings = useStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(saved));
  const [errors, setErrors] = useState<DraftErrors>({});
  // Rises on every refused Save: the first invalid field then takes focus and scrolls into view,
  // so a problem below the fold is not missed.
  const [showInvalid, setShowInvalid] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (showInvalid === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [showInvalid]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadOptions();
  }, [loadOptions]);

  // Saved settings can change underneath (language, scanner, another session): follow them unless
  // the manager has unsaved edits, which are never overwritten.
  const shownFrom = useRef(saved);
  useEffect(() => {
    if (shownFrom.current === saved) return;
    const untouched = JSON.stringify(draft) === JSON.stringify(draftFrom(shownFrom.current));
    shownFrom.current = saved;
    if (untouched) setDraft(draftFrom(saved));
  }, [saved, draft]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(draftFrom(saved));

  const set = <F extends DraftField>(field: F, value: SettingsDraft[F]): void => {
    setDraft((prev) => ({ ...prev, [field]: value }));
    setOutcome(null);
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const check = checkDraft(saved, draft);
    if (!check.ok) {
      setErrors(check.errors);
      setOutcome(null);
      setShowInvalid((n) => n + 1);
      return;
    }
    setErrors({});
    const patch = changedSettings(saved, check.settings);
    if (Object.keys(patch).length === 0) {
      setOutcome({ kind: 'saved' });
      return;
    }
    setBusy(true);
    try {
      const result = await saveSettings(patch);
      if (result.ok) {
        setDraft(draftFrom(result.value));
        setOutcome({ kind: 'saved' });
      } else {
        setErrors(errorsFromIssues(result.issues));
        setOutcome({ kind: 'failed', message: result.message });
        setShowInvalid((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const error = (field: DraftField): string | null => {
    const key = errors[field];
    return key ? t(key) : null;
  };

  const methodNames = [...new Set([...options.paymentMethods.map((m) => m.name), ...saved.paymentMethods, ...draft.paymentMethods])];
  const toggleMethod = (name: string, on: boolean): void => {
    // Keep DealPOS's order so checkout buttons come out in a predictable order.
    const next = methodNames.filter((m) => (m === name ? on : draft.paymentMethods.includes(m)));
    set('paymentMethods', next);
  };

  const sourceText =
    options.source === 'none' || !options.fetchedAt
      ? t('settings.store.optionsFrom.none')
      : t(`settings.store.optionsFrom.${options.source}`, { time: formatDateTime(locale, options.fetchedAt) });

  // Every plain setting is one draft field bound to one input; only the numeric ones ask touch
  // keyboards for digits.
  const inputField = (field: InputField, label: string, testId: string, shape: { readonly hint?: string; readonly numeric?: boolean } = {}) => (
    <Field label={label} hint={shape.hint} error={error(field)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input"
          inputMode={shape.numeric ? 'numeric' : undefined}
          value={draft[field]}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          data-testid={testId}
          onChange={(e) => set(field, e.target.value)}
        />
      )}
    </Field>
  );

  /** A DealPOS name (outlet, tax) chosen from the options DealPOS lists. */
  const nameField = (field: 'outlet' | 'taxType', label: string, choices: readonly NamedOption[], testId: string, describe?: (o: NamedOption) => string) => (
    <Field label={label} error={error(field)}>
      {({ id, describedBy, invalid }) => (
        <NameChoice
          id={id}
          value={draft[field]}
          options={choices}
          chooseLabel={t('settings.store.choose')}
          describedBy={describedBy}
          invalid={invalid}
          testId={testId}
          onChange={(v) => set(field, v)}
          describe={describe}
        />
      )}
    </Field>
  );

  return (
    <section className="card" aria-labelledby="store-heading">
      <div className="card-header">
        <h2 id="store-heading">{t('settings.store.title')}</h2>
        {dirty ? <span className="pill pill-warning">{t('settings.store.unsaved')}</span> : null}
      </div>
      <p className="muted">
        {sourceText}{' '}
        <button type="button" className="link-button" onClick={() => void loadOptions()}>
          {t('settings.store.reloadOptions')}
        </button>
      </p>
      {optionsError ? (
        <p className="notice notice-warning" role="status">
          {t('settings.store.optionsFailed', { message: optionsError })}
        </p>
      ) : null}
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-busy={busy} data-testid="settings-form">
        <div className="form-grid">
          {nameField('outlet', t('settings.store.outlet'), options.outlets, 'settings-outlet')}
          {inputField('register', t('settings.store.register'), 'settings-register', { hint: t('settings.store.registerHint') })}
          {nameField('taxType', t('settings.store.taxType'), options.taxes, 'settings-tax-type', (o) => {
            const tax = options.taxes.find((x) => x.id === o.id);
            if (!tax) return '';
            const rate = String(tax.rateBasisPoints / 100);
            return t(tax.inclusive ? 'settings.store.taxIncluded' : 'settings.store.taxAdded', { rate });
          })}
          {inputField('salesTag', t('settings.store.tag'), 'settings-tag')}
          {inputField('maxLineDiscountPercent', t('settings.store.lineDiscount'), 'settings-max-line-discount', { numeric: true })}
          {inputField('maxSaleDiscountPercent', t('settings.store.saleDiscount'), 'settings-max-sale-discount', { numeric: true })}
          {inputField('invoiceNumberPrefix', t('settings.store.invoicePrefix'), 'settings-invoice-prefix', { hint: t('settings.store.invoicePrefixHint') })}
          {inputField('currencyDecimals', t('settings.store.currencyDecimals'), 'settings-currency-decimals', { numeric: true })}
          {inputField('loyaltyPointValue', t('settings.store.pointValue'), 'settings-point-value', { numeric: true })}
          {inputField('heldSaleStaleHours', t('settings.store.heldStaleHours'), 'settings-held-stale-hours', { numeric: true })}
          <CashRoundingField
            value={draft.cashRoundingCoin}
            decimals={Number.isInteger(Number(draft.currencyDecimals)) ? Number(draft.currencyDecimals) : saved.currencyDecimals}
            error={error('cashRoundingCoin')}
            t={t}
            onChange={(v) => set('cashRoundingCoin', v)}
          />
        </div>
        <fieldset
          className="fieldset"
          aria-describedby={errors.paymentMethods ? 'payment-methods-error' : undefined}
          data-invalid={errors.paymentMethods ? true : undefined}
        >
          <legend className="field-label">{t('settings.store.paymentMethods')}</legend>
          <div className="checkbox-grid">
            {methodNames.map((name) => (
              <label key={name} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.paymentMethods.includes(name)}
                  data-testid={`settings-payment-${name}`}
                  onChange={(e) => toggleMethod(name, e.target.checked)}
                />
                {name}
              </label>
            ))}
          </div>
          {errors.paymentMethods ? (
            <span className="field-error" id="payment-methods-error">
              {t(errors.paymentMethods)}
            </span>
          ) : null}
        </fieldset>
        <div className="form-grid form-grid-wide">
          {(['receiptHeader', 'receiptFooter'] as const).map((field) => (
            <Field key={field} label={t(field === 'receiptHeader' ? 'settings.store.receiptHeader' : 'settings.store.receiptFooter')} error={error(field)}>
              {({ id, describedBy, invalid }) => (
                <textarea
                  id={id}
                  className="textarea"
                  value={draft[field]}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  data-testid={field === 'receiptHeader' ? 'settings-receipt-header' : 'settings-receipt-footer'}
                  onChange={(e) => set(field, e.target.value)}
                />
              )}
            </Field>
          ))}
        </div>
        {outcome?.kind === 'saved' ? (
          <p className="notice notice-success" role="status" data-testid="settings-saved">
            {t('settings.store.saved')}
          </p>
        ) : null}
        {outcome?.kind === 'failed' ? (
          <p className="notice notice-error" role="alert" data-testid="settings-save-error">
            {t('settings.store.saveFailed', { message: outcome.message })}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="settings-save">
          {busy ? t('settings.store.saving') : t('settings.store.save')}
        </button>
      </form>
    </section>
  );
}
