import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { ConnectForm } from '../onboarding/ConnectForm';
import { DemoCard } from '../onboarding/DemoCard';

/** Which DealPOS account this computer uses, and the way to connect or leave it. */
export function AccountSection(): React.JSX.Element {
  const t = useT();
  const account = useStore((s) => s.settings.account);
  const mode = useStore((s) => s.app.info?.mode ?? 'setup');
  const loadAccount = useStore((s) => s.loadAccount);
  const disconnect = useStore((s) => s.disconnect);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void loadAccount();
  }, [loadAccount, mode]);

  const leave = async (): Promise<void> => {
    const result = await disconnect();
    setConfirming(false);
    setError(result.ok ? null : result.message);
  };

  return (
    <section className="card" aria-labelledby="account-heading" data-testid="settings-account">
      <h2 id="account-heading">{t('settings.account.title')}</h2>
      {account?.databaseNotice ? (
        <p className="notice notice-warning" role="alert">
          {account.databaseNotice}
        </p>
      ) : null}
      {mode === 'setup' ? (
        <>
          <p>{t('settings.account.notConnected')}</p>
          <div className="choice-grid">
            <div>
              <h3>{t('onboarding.connect.title')}</h3>
              <ConnectForm />
            </div>
            <DemoCard />
          </div>
        </>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('settings.account.mode')}</dt>
            <dd data-testid="account-mode">{t(`shell.mode.${mode}`)}</dd>
            {account?.subdomain ? (
              <>
                <dt>{t('settings.account.subdomain')}</dt>
                <dd data-testid="account-subdomain">{account.subdomain}</dd>
              </>
            ) : null}
            {account?.clientId ? (
              <>
                <dt>{t('settings.account.clientId')}</dt>
                <dd>{account.clientId}</dd>
              </>
            ) : null}
          </dl>
          {mode === 'demo' ? <p className="notice notice-demo">{t('settings.account.demoNote')}</p> : null}
          {error ? (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          ) : null}
          {confirming ? (
            <div className="notice notice-warning" role="alertdialog" aria-labelledby="disconnect-question">
              <p id="disconnect-question">{t(mode === 'demo' ? 'settings.account.disconnectConfirmDemo' : 'settings.account.disconnectConfirm')}</p>
              <div className="button-row">
                <button type="button" className="button button-danger" onClick={() => void leave()} data-testid="disconnect-confirm">
                  {t('settings.account.disconnectYes')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(false)}>
                  {t('settings.account.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="disconnect">
              {t('settings.account.disconnect')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
