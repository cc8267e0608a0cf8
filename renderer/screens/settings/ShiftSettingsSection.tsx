import { useEffect, useState } from 'react';
import { DEFAULT_SHIFT_SETTINGS, type ShiftSettings } from '../../../shared/contract/shift';
import { PosError } from '../../../shared/errors';
import { pos } from '../../api/pos';
import { Field } from '../../components/forms/Field';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';

/** Settings → Shifts: the cashier list, whether a sale needs an open shift, and the blind count. */
export function ShiftSettingsSection(): React.JSX.Element {
  const t = useT();
  const [draft, setDraft] = useState<ShiftSettings>(DEFAULT_SHIFT_SETTINGS);
  const [cashiers, setCashiers] = useState('');
  const [outcome, setOutcome] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    pos.shift
      .getSettings({})
      .then((saved) => {
        if (!live) return;
        setDraft(saved);
        setCashiers(saved.cashiers.join('\n'));
      })
      .catch((error: unknown) => live && setOutcome({ ok: false, text: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, []);

  const save = async (): Promise<void> => {
    const names = cashiers
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n !== '');
    try {
      const saved = await pos.shift.updateSettings({ ...draft, cashiers: names });
      setDraft(saved);
      setCashiers(saved.cashiers.join('\n'));
      setFieldError(null);
      setOutcome({ ok: true, text: t('shift.settings.saved') });
    } catch (error) {
      setFieldError(error instanceof PosError ? (error.issues.find((i) => i.path.startsWith('cashiers'))?.message ?? null) : null);
      setOutcome({ ok: false, text: t('shift.settings.notSaved', { message: errorMessage(error) }) });
    }
  };

  return (
    <section className="card" aria-labelledby="shift-settings-heading" data-testid="shift-settings">
      <h2 id="shift-settings-heading">{t('shift.settings.title')}</h2>
      <Field label={t('shift.settings.cashiers')} hint={t('shift.settings.cashiersHint')} error={fieldError}>
        {({ id, describedBy, invalid }) => (
          <textarea id={id} className="textarea" rows={4} value={cashiers} aria-describedby={describedBy} aria-invalid={invalid} data-testid="shift-settings-cashiers" onChange={(e) => setCashiers(e.target.value)} />
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" className="checkbox-input" checked={draft.requireOpenShift} data-testid="shift-settings-require" onChange={(e) => setDraft((d) => ({ ...d, requireOpenShift: e.target.checked }))} />
        {t('shift.settings.require')}
      </label>
      <label className="checkbox">
        <input type="checkbox" className="checkbox-input" checked={draft.blindCount} data-testid="shift-settings-blind" onChange={(e) => setDraft((d) => ({ ...d, blindCount: e.target.checked }))} />
        {t('shift.settings.blind')}
      </label>
      {outcome ? (
        <p className={`notice ${outcome.ok ? 'notice-success' : 'notice-error'}`} role={outcome.ok ? 'status' : 'alert'} data-testid="shift-settings-outcome">
          {outcome.text}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" data-testid="shift-settings-save" onClick={() => void save()}>
          {t('shift.settings.save')}
        </button>
      </div>
    </section>
  );
}
