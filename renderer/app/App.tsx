import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppMode } from '../../shared/contract/app';
import { LanguageSwitch } from '../components/shell/LanguageSwitch';
import { HelpOverlay } from '../components/shell/HelpOverlay';
import { NavBar, type NavItem } from '../components/shell/NavBar';
import { StatusBar } from '../components/shell/StatusBar';
import { useLocale, useT } from '../i18n/useT';
import { OnboardingScreen } from '../screens/onboarding/OnboardingScreen';
import { CheckoutScreen } from '../screens/checkout/CheckoutScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { InvoicesScreen } from '../screens/invoices/InvoicesScreen';
import { SalesOrderScreen } from '../screens/salesOrder/SalesOrderScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { LabelsScreen } from '../screens/labels/LabelsScreen';
import { ShiftScreen } from '../screens/shift/ShiftScreen';
import { useShortcutList } from '../shortcuts/useShortcut';
import type { Screen } from '../state/appSlice';
import { useStore } from '../state/store';
import { NAV_KEYS, useGlobalShortcuts } from './useGlobalShortcuts';
import { useAppBootstrap } from './useAppBootstrap';

function ScreenView({ screen, mode }: { readonly screen: Screen; readonly mode: AppMode }): React.JSX.Element {
  switch (screen) {
    case 'checkout':
      // Nothing can be sold before an account or the demo store is chosen.
      return mode === 'setup' ? <OnboardingScreen /> : <CheckoutScreen />;
    case 'queue':
      return <QueueScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'invoices':
      return <InvoicesScreen />;
    case 'salesOrders':
      return <SalesOrderScreen />;
    case 'labels':
      return <LabelsScreen />;
    case 'shift':
      return mode === 'setup' ? <OnboardingScreen /> : <ShiftScreen />;
  }
}

/** The app frame: navigation on top, the current screen, the status bar below, the help overlay on demand. */
export function App(): React.JSX.Element {
  useAppBootstrap();
  useGlobalShortcuts();
  const t = useT();
  const locale = useLocale();
  const { info, status, screen, helpOpen, loadError } = useStore(useShallow((s) => s.app));
  const navigate = useStore((s) => s.navigate);
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  const loadApp = useStore((s) => s.loadApp);
  const setLocale = useStore((s) => s.setLocale);
  const shortcuts = useShortcutList();

  // Screen readers pick their voice from the document's language, not from an inner element.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const settings = useStore((s) => s.settings.values);

  const items: NavItem[] = [
    { screen: 'checkout', label: 'shell.nav.checkout', keys: NAV_KEYS.checkout },
    { screen: 'queue', label: 'shell.nav.queue', keys: NAV_KEYS.queue, badge: status.queue.needsAttention },
    { screen: 'settings', label: 'shell.nav.settings', keys: NAV_KEYS.settings },
    { screen: 'invoices', label: 'shell.nav.invoices', keys: NAV_KEYS.invoices },
    { screen: 'salesOrders', label: 'shell.nav.salesOrders', keys: NAV_KEYS.salesOrders },
    { screen: 'labels', label: 'labels.nav', keys: NAV_KEYS.labels },
    { screen: 'shift', label: 'shell.nav.shift', keys: NAV_KEYS.shift },
  ];

  return (
    <div className="app" data-mode={info?.mode ?? 'loading'}>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t('shell.app.name')}</span>
          {info ? (
            <span className="brand-about">
              <span data-testid="app-mode" data-mode={info.mode}>
                {t(`shell.mode.${info.mode}`)}
              </span>
              {' · v'}
              <span data-testid="app-version">{info.version}</span>
            </span>
          ) : null}
        </div>
        <NavBar
          items={items}
          current={screen}
          helpKeys={NAV_KEYS.help}
          t={t}
          onNavigate={navigate}
          onHelp={() => setHelpOpen(true)}
        />
        {info?.mode === 'demo' ? (
          <span className="demo-banner" data-testid="demo-banner" role="note" title={t('shell.status.demo')}>
            {t('shell.status.demoBanner')}
            <span className="visually-hidden"> — {t('shell.status.demo')}</span>
          </span>
        ) : null}
        <LanguageSwitch locale={locale} t={t} onChange={(next) => void setLocale(next)} />
      </header>
      <main className="screen" id="main">
        {loadError ? (
          <div className="notice notice-error" role="alert">
            <p>{t('shell.app.loadFailed', { message: loadError })}</p>
            <button type="button" className="button" onClick={() => void loadApp()}>
              {t('shell.app.retry')}
            </button>
          </div>
        ) : info ? (
          <div className="screen-mount" data-testid={`screen-${screen}`}>
            <ScreenView screen={screen} mode={info.mode} />
          </div>
        ) : (
          <p className="loading" role="status">
            {t('shell.app.loading')}
          </p>
        )}
      </main>
      <StatusBar
        status={status}
        mode={info?.mode ?? null}
        outletName={settings?.outlet ?? null}
        registerName={settings?.register ?? null}
        locale={locale}
        t={t}
        onOpenQueue={() => navigate('queue')}
      />
      {helpOpen ? <HelpOverlay shortcuts={shortcuts} t={t} onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
