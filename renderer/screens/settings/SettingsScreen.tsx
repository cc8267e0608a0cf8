import { useT } from '../../i18n/useT';
import { useStore } from '../../state/store';
import { AboutSection } from './AboutSection';

export function SettingsScreen(): React.JSX.Element {
  const t = useT();
  const info = useStore((s) => s.app.info);
  return (
    <section className="screen-settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('shell.nav.settings')}</h1>
      {info ? <AboutSection info={info} t={t} /> : null}
    </section>
  );
}
