import { useEffect, useRef, useState } from 'react';
import { DEFAULT_PRINTER_SETTINGS, type PaperNotice, type PrinterSettings } from '../../../shared/contract/printing';
import { PosError } from '../../../shared/errors';
import { pos } from '../../api/pos';
import { Field } from '../../components/forms/Field';
import { useT } from '../../i18n/useT';
import { errorMessage } from '../../state/errorMessage';
import { drawLogo, logoFromFile } from './logoBitmap';

type Outcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'notSaved'; readonly message: string }
  | { readonly kind: 'testing' }
  | { readonly kind: 'tested'; readonly target: string; readonly bytes: number; readonly ms: number; readonly paper: PaperNotice | null }
  | { readonly kind: 'testFailed'; readonly message: string };

/** Milliseconds typed in a field; out-of-range values are left for main to refuse with its message. */
const toMs = (text: string): number => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * Settings → Receipt printer: transport and address or queue, paper width, auto-print, the cash
 * drawer, and a test print with the settings as typed (so they can be tried before saving). Main
 * validates and owns the printer; this form shows main's answer.
 */
export function PrinterSection(): React.JSX.Element {
  const t = useT();
  const [draft, setDraft] = useState<PrinterSettings>(DEFAULT_PRINTER_SETTINGS);
  const [timing, setTiming] = useState({ on: String(DEFAULT_PRINTER_SETTINGS.drawer.onMs), off: String(DEFAULT_PRINTER_SETTINGS.drawer.offMs) });
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const preview = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (preview.current && draft.logo) drawLogo(preview.current, draft.logo);
  }, [draft.logo]);
  const chooseLogo = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      change({ logo: await logoFromFile(file) });
      setLogoError(null);
    } catch (error) {
      setLogoError(t('printing.settings.logoFailed', { message: errorMessage(error) }));
    }
  };

  useEffect(() => {
    let live = true;
    pos.printing
      .getSettings({})
      .then((saved) => {
        if (!live) return;
        setDraft(saved);
        setTiming({ on: String(saved.drawer.onMs), off: String(saved.drawer.offMs) });
      })
      .catch((error: unknown) => live && setLoadError(errorMessage(error)));
    return () => {
      live = false;
    };
  }, []);

  const current = (): PrinterSettings => ({ ...draft, drawer: { ...draft.drawer, onMs: toMs(timing.on), offMs: toMs(timing.off) } });
  const change = (patch: Partial<PrinterSettings>): void => {
    setDraft((d) => ({ ...d, ...patch }));
    setOutcome(null);
  };
  const changeDrawer = (patch: Partial<PrinterSettings['drawer']>): void => {
    setDraft((d) => ({ ...d, drawer: { ...d.drawer, ...patch } }));
    setOutcome(null);
  };
  const issuesOf = (error: unknown): Record<string, string> =>
    error instanceof PosError ? Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])) : {};

  const save = async (): Promise<void> => {
    try {
      const saved = await pos.printing.updateSettings(current());
      setDraft(saved);
      setFieldErrors({});
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setFieldErrors(issuesOf(error));
      setOutcome({ kind: 'notSaved', message: errorMessage(error) });
    }
  };

  const test = async (): Promise<void> => {
    setOutcome({ kind: 'testing' });
    try {
      const result = await pos.printing.testPrint(current());
      setFieldErrors({});
      setOutcome({ kind: 'tested', target: result.target, bytes: result.bytes, ms: result.elapsedMs, paper: result.paper });
    } catch (error) {
      setFieldErrors(issuesOf(error));
      setOutcome({ kind: 'testFailed', message: errorMessage(error) });
    }
  };

  const thermal = draft.transport !== 'system';
  return (
    <section className="card" aria-labelledby="printer-heading" data-testid="printer-section">
      <h2 id="printer-heading">{t('printing.settings.title')}</h2>
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <Field label={t('printing.settings.transport')}>
        {({ id }) => (
          <select id={id} className="select" value={draft.transport} data-testid="printer-transport" onChange={(e) => change({ transport: e.target.value as PrinterSettings['transport'] })}>
            <option value="system">{t('printing.settings.transport.system')}</option>
            <option value="network">{t('printing.settings.transport.network')}</option>
            <option value="cups">{t('printing.settings.transport.cups')}</option>
          </select>
        )}
      </Field>
      {draft.transport === 'network' ? (
        <Field label={t('printing.settings.address')} hint={t('printing.settings.addressHint')} error={fieldErrors['address']}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input"
              value={draft.address}
              placeholder="192.168.1.50:9100"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid="printer-address"
              onChange={(e) => change({ address: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      {draft.transport === 'cups' ? (
        <Field label={t('printing.settings.queue')} hint={t('printing.settings.queueHint')} error={fieldErrors['queue']}>
          {({ id, describedBy, invalid }) => (
            <input id={id} className="input" value={draft.queue} aria-describedby={describedBy} aria-invalid={invalid} data-testid="printer-queue" onChange={(e) => change({ queue: e.target.value })} />
          )}
        </Field>
      ) : null}
      {/* The print dialog uses the width too: its page is the paper's width, not A4. */}
      <Field label={t('printing.settings.width')}>
        {({ id }) => (
          <select id={id} className="select" value={draft.paperWidth} data-testid="printer-width" onChange={(e) => change({ paperWidth: e.target.value === '58' ? 58 : 80 })}>
            <option value="58">{t('printing.settings.width.58')}</option>
            <option value="80">{t('printing.settings.width.80')}</option>
          </select>
        )}
      </Field>
      {thermal ? (
        <>
          <Field label={t('printing.settings.logo')} hint={t('printing.settings.logoHint')} error={logoError ?? fieldErrors['logo']}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="file"
                accept="image/png,image/jpeg"
                className="input"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                data-testid="printer-logo"
                onChange={(e) => void chooseLogo(e.target.files?.[0])}
              />
            )}
          </Field>
          {draft.logo ? (
            <div className="button-row">
              <canvas ref={preview} className="printer-logo-preview" role="img" aria-label={t('printing.settings.logoPreview')} data-testid="printer-logo-preview" />
              <button type="button" className="button button-quiet" data-testid="printer-logo-remove" onClick={() => change({ logo: null })}>
                {t('printing.settings.logoRemove')}
              </button>
            </div>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={draft.autoPrint} data-testid="printer-autoprint" onChange={(e) => change({ autoPrint: e.target.checked })} />
            {t('printing.settings.autoPrint')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.drawer.enabled} data-testid="printer-drawer" onChange={(e) => changeDrawer({ enabled: e.target.checked })} />
            {t('printing.settings.drawer')}
          </label>
          {draft.drawer.enabled ? (
            <div className="form-grid">
              <Field label={t('printing.settings.drawerPin')}>
                {({ id }) => (
                  <select id={id} className="select" value={draft.drawer.pin} data-testid="printer-drawer-pin" onChange={(e) => changeDrawer({ pin: e.target.value === '5' ? 5 : 2 })}>
                    <option value="2">{t('printing.settings.drawerPin.2')}</option>
                    <option value="5">{t('printing.settings.drawerPin.5')}</option>
                  </select>
                )}
              </Field>
              <Field label={t('printing.settings.drawerOn')} error={fieldErrors['drawer.onMs']}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} className="input" inputMode="numeric" value={timing.on} aria-describedby={describedBy} aria-invalid={invalid} data-testid="printer-drawer-on" onChange={(e) => setTiming((v) => ({ ...v, on: e.target.value }))} />
                )}
              </Field>
              <Field label={t('printing.settings.drawerOff')} error={fieldErrors['drawer.offMs']}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} className="input" inputMode="numeric" value={timing.off} aria-describedby={describedBy} aria-invalid={invalid} data-testid="printer-drawer-off" onChange={(e) => setTiming((v) => ({ ...v, off: e.target.value }))} />
                )}
              </Field>
            </div>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('printing.settings.systemNote')}</p>
      )}
      {outcome?.kind === 'saved' ? (
        <p className="notice notice-success" role="status" data-testid="printer-saved">
          {t('printing.settings.saved')}
        </p>
      ) : null}
      {outcome?.kind === 'notSaved' ? (
        <p className="notice notice-error" role="alert" data-testid="printer-save-error">
          {t('printing.settings.notSaved', { message: outcome.message })}
        </p>
      ) : null}
      {outcome?.kind === 'testing' ? (
        <p className="notice" role="status">
          {t('printing.settings.testing')}
        </p>
      ) : null}
      {outcome?.kind === 'tested' ? (
        <p className="notice notice-success" role="status" data-testid="printer-test-result">
          {t('printing.settings.testOk', { target: outcome.target, bytes: outcome.bytes, ms: outcome.ms })}
          {outcome.paper ? <> {t(outcome.paper === 'end' ? 'printing.settings.paperEnd' : 'printing.settings.paperNearEnd')}</> : null}
        </p>
      ) : null}
      {outcome?.kind === 'testFailed' ? (
        <p className="notice notice-error" role="alert" data-testid="printer-test-error">
          {t('printing.settings.testFailed', { message: outcome.message })}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button-primary" data-testid="printer-save" onClick={() => void save()}>
          {t('printing.settings.save')}
        </button>
        {thermal ? (
          <button type="button" className="button" data-testid="printer-test" disabled={outcome?.kind === 'testing'} onClick={() => void test()}>
            {t('printing.settings.test')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
