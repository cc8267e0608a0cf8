import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { AboutSection } from './AboutSection';
import { AccountSection } from './AccountSection';
import { CatalogSection } from './CatalogSection';
import { ManagersSection } from './ManagersSection';
import { ScaleLabelsSection } from './ScaleLabelsSection';
import { PrinterSection } from './PrinterSection';
import { ScannerSection } from './ScannerSection';
import { ShiftSettingsSection } from './ShiftSettingsSection';
import { StoreSettingsForm } from './StoreSettingsForm';

export function SettingsScreen(): React.JSX.Element {
  const t = useT();
  const info = useStore((s) => s.app.info);
  const values = useStore((s) => s.settings.values);
  const loadError = useStore((s) => s.settings.loadError);
  const firstRun = useStore((s) => s.settings.firstRun);
  const finishFirstRun = useStore((s) => s.finishFirstRun);
  const navigate = useStore((s) => s.navigate);
  const mode = info?.mode ?? 'setup';

  return (
    <section className="screen-settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('shell.nav.settings')}</h1>
      {firstRun && mode !== 'setup' ? (
        <div className="notice notice-success" role="status" data-testid="first-run">
          <p>
            <strong>{t('settings.firstRun.title')}</strong> {t('settings.firstRun.body')}
          </p>
          <button
            type="button"
            className="button button-primary"
            data-testid="first-run-done"
            onClick={() => {
              finishFirstRun();
              navigate('checkout');
            }}
          >
            {t('settings.firstRun.done')}
          </button>
        </div>
      ) : null}
      {loadError ? (
        <p className="notice notice-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <div className="settings-columns">
        <div>
          <AccountSection />
          {/* Re-created when the account changes, so the draft starts from that account's settings. */}
          {values && mode !== 'setup' ? <StoreSettingsForm key={mode} saved={values} /> : null}
        </div>
        <div>
          {mode !== 'setup' ? <CatalogSection /> : null}
          <ScannerSection />
          {values && mode !== 'setup' ? <ScaleLabelsSection key={mode} saved={values.scaleBarcodeRules} /> : null}
          {/* The printer belongs to the mode's database, like managers. */}
          {mode !== 'setup' ? <PrinterSection key={mode} /> : null}
          {/* Managers belong to the mode's database (demo managers are not live ones). */}
          {mode !== 'setup' ? <ManagersSection key={mode} /> : null}
          {/* Cashiers and shift rules belong to the mode's database too. */}
          {mode !== 'setup' ? <ShiftSettingsSection key={mode} /> : null}
          {info ? <AboutSection info={info} t={t} /> : null}
        </div>
      </div>
    </section>
  );
}
