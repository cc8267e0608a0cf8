import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';

export function DemoCard({ onStarted }: { readonly onStarted?: () => void }): React.JSX.Element {
  const t = useT();
  const startDemo = useStore((s) => s.startDemo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await startDemo();
      if (result.ok) onStarted?.();
      else setError(result.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card choice-card choice-demo" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('onboarding.demo.title')}</h2>
      <p>{t('onboarding.demo.intro')}</p>
      {error ? (
        <p className="notice notice-error" role="alert" data-testid="demo-error">
          {t('onboarding.demo.failed', { message: error })}
        </p>
      ) : null}
      <button type="button" className="button button-demo" disabled={busy} aria-busy={busy} onClick={() => void start()} data-testid="start-demo">
        {busy ? t('onboarding.demo.starting') : t('onboarding.demo.start')}
      </button>
    </section>
  );
}
