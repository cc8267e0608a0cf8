import { useEffect, useId, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { ScannerDevicesTable } from './ScannerDevicesTable';

const WEDGE_ONLY = '';

/** Picks the USB scanner main reads; keyboard-mode scanners work without one. */
export function ScannerSection(): React.JSX.Element {
  const t = useT();
  const id = useId();
  const devices = useStore((s) => s.settings.devices);
  const devicesError = useStore((s) => s.settings.devicesError);
  const selected = useStore((s) => s.settings.values?.scannerDevice ?? null);
  const loadDevices = useStore((s) => s.loadDevices);
  const selectDevice = useStore((s) => s.selectDevice);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadDevices();
  }, [loadDevices]);

  const choose = async (value: string): Promise<void> => {
    setBusy(true);
    try {
      const result = await selectDevice(value === WEDGE_ONLY ? null : value);
      setError(result.ok ? null : result.message);
    } finally {
      setBusy(false);
    }
  };

  const list = devices ?? [];
  const current = list.find((d) => d.selected)?.id ?? selected ?? WEDGE_ONLY;
  return (
    <section className="card" aria-labelledby="scanner-heading">
      <h2 id="scanner-heading">{t('settings.scanner.title')}</h2>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t('settings.scanner.device')}
        </label>
        <div className="button-row">
          <select
            id={id}
            className="select select-grow"
            value={current}
            disabled={busy}
            onChange={(e) => void choose(e.target.value)}
            data-testid="settings-scanner"
          >
            <option value={WEDGE_ONLY}>{t('settings.scanner.wedgeOnly')}</option>
            {current !== WEDGE_ONLY && !list.some((d) => d.id === current) ? <option value={current}>{current}</option> : null}
            {list.map((device) => (
              <option key={device.id} value={device.id}>
                {device.name} ({t(`settings.scanner.kind.${device.kind}`)})
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => void loadDevices()}>
            {t('settings.scanner.refresh')}
          </button>
        </div>
      </div>
      {devices && list.length === 0 ? <p className="muted">{t('settings.scanner.none')}</p> : null}
      {list.length > 0 ? <ScannerDevicesTable devices={list} t={t} /> : null}
      {error || devicesError ? (
        <p className="notice notice-error" role="alert">
          {t('settings.scanner.failed', { message: error ?? devicesError ?? '' })}
        </p>
      ) : null}
    </section>
  );
}
