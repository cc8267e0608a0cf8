import { useT } from '../../i18n/useT';

export function QueueScreen(): React.JSX.Element {
  const t = useT();
  return (
    <section className="screen-queue" aria-labelledby="queue-heading">
      <h1 id="queue-heading">{t('shell.nav.queue')}</h1>
    </section>
  );
}
