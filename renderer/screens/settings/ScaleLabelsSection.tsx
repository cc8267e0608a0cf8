import { useState } from 'react';
import { DEFAULT_SCALE_BARCODE_RULES, MAX_SCALE_RULES, type ScaleBarcodeRule } from '../../../shared/catalog/scaleBarcode';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { checkScaleRulesDraft, scaleRulesDraftFrom, type ScaleRuleDraft, type ScaleRulesErrors } from './scaleRulesDraft';

const NO_ERRORS: ScaleRulesErrors = { rows: [], list: null };

/** How price- and weight-embedded labels from the shop's scales are read, like Odoo's barcode nomenclature. */
export function ScaleLabelsSection({ saved }: { readonly saved: readonly ScaleBarcodeRule[] }): React.JSX.Element {
  const t = useT();
  const saveSettings = useStore((s) => s.saveSettings);
  const [draft, setDraft] = useState<ScaleRuleDraft[]>(() => scaleRulesDraftFrom(saved));
  const [errors, setErrors] = useState<ScaleRulesErrors>(NO_ERRORS);
  const [status, setStatus] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (index: number, change: Partial<ScaleRuleDraft>): void => {
    setDraft((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
    setStatus(null);
  };

  const save = async (): Promise<void> => {
    const checked = checkScaleRulesDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors(NO_ERRORS);
    setBusy(true);
    try {
      const result = await saveSettings({ scaleBarcodeRules: checked.rules });
      setStatus(result.ok ? { ok: true, text: t('settings.scale.saved') } : { ok: false, text: t('settings.scale.failed', { message: result.message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="scale-heading" data-testid="settings-scale">
      <h2 id="scale-heading">{t('settings.scale.title')}</h2>
      <p className="muted">{t('settings.scale.intro')}</p>
      {draft.length === 0 ? <p className="muted">{t('settings.scale.none')}</p> : null}
      {draft.map((row, index) => {
        const n = index + 1;
        const error = errors.rows[index] ?? null;
        const errorId = `scale-rule-${n}-error`;
        const field = (label: string, value: string, key: 'prefix' | 'itemDigits' | 'valueDigits' | 'decimals', width: number): React.JSX.Element => (
          <label className="field">
            <span className="field-label">{label}</span>
            <input
              className="input"
              inputMode="numeric"
              size={width}
              value={value}
              aria-invalid={error !== null}
              aria-describedby={error ? errorId : undefined}
              data-testid={`scale-rule-${n}-${key}`}
              onChange={(e) => edit(index, { [key]: e.target.value })}
            />
          </label>
        );
        return (
          <fieldset key={index} className="fieldset" data-testid={`scale-rule-${n}`}>
            <legend>{t('settings.scale.rule', { n })}</legend>
            <div className="button-row">
              {field(t('settings.scale.col.prefix'), row.prefix, 'prefix', 5)}
              {field(t('settings.scale.col.itemDigits'), row.itemDigits, 'itemDigits', 2)}
              {field(t('settings.scale.col.valueDigits'), row.valueDigits, 'valueDigits', 2)}
              <label className="field">
                <span className="field-label">{t('settings.scale.col.value')}</span>
                <select
                  className="select"
                  value={row.value}
                  data-testid={`scale-rule-${n}-value`}
                  onChange={(e) => edit(index, { value: e.target.value === 'weight' ? 'weight' : 'price' })}
                >
                  <option value="price">{t('settings.scale.value.price')}</option>
                  <option value="weight">{t('settings.scale.value.weight')}</option>
                </select>
              </label>
              {field(t('settings.scale.col.decimals'), row.decimals, 'decimals', 2)}
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('settings.scale.remove', { n })}
                onClick={() => {
                  setDraft((rows) => rows.filter((_, i) => i !== index));
                  setErrors(NO_ERRORS);
                }}
              >
                ✕
              </button>
            </div>
            {error ? (
              <p className="field-error" id={errorId}>
                {t(error)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      {errors.list ? (
        <p className="notice notice-error" role="alert">
          {t(errors.list)}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={draft.length >= MAX_SCALE_RULES}
          onClick={() => setDraft((rows) => [...rows, { prefix: '', itemDigits: '5', valueDigits: '5', value: 'weight', decimals: '3' }])}
        >
          {t('settings.scale.add')}
        </button>
        <button type="button" className="button" onClick={() => setDraft(scaleRulesDraftFrom(DEFAULT_SCALE_BARCODE_RULES))}>
          {t('settings.scale.defaults')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} data-testid="scale-save" onClick={() => void save()}>
          {t('settings.scale.save')}
        </button>
      </div>
      {status ? (
        <p className={status.ok ? 'notice notice-success' : 'notice notice-error'} role="status">
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
