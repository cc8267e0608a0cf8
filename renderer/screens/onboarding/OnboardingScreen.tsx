import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { ConnectForm } from './ConnectForm';
import { DemoCard } from './DemoCard';

/** First start: connect a DealPOS account or try the demo store; then the store setup in Settings. */
export function OnboardingScreen(): React.JSX.Element {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const toSetup = (): void => navigate('settings');
  return (
    <section className="screen-onboarding" aria-labelledby="onboarding-heading" data-testid="onboarding">
      <h1 id="onboarding-heading">{t('onboarding.title')}</h1>
      <p className="lead">{t('onboarding.intro')}</p>
      <div className="choice-grid">
        <section className="card choice-card" aria-labelledby="connect-heading">
          <h2 id="connect-heading">{t('onboarding.connect.title')}</h2>
          <p>{t('onboarding.connect.intro')}</p>
          <ConnectForm onConnected={toSetup} />
        </section>
        <DemoCard onStarted={toSetup} />
      </div>
    </section>
  );
}
